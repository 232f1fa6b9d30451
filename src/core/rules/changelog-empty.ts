// A change group with no entry, or a release with nothing under it, tells readers nothing: Keep a
// Changelog omits empty groups. A fresh `[Unreleased]` with nothing yet is fine.

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';

const rule: Rule = {
  id: 'changelog-empty',
  description: 'No empty change group, and no release without entries (an empty `[Unreleased]` is fine).',
  defaultSeverity: 'warning',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    for (const r of log.releases) {
      const h = r.heading;
      if (h.kind === 'other') continue;
      const name = h.kind === 'unreleased' ? '[Unreleased]' : h.version;
      for (const g of r.groups) {
        if (g.entries.length || g.hasOtherContent) continue;
        ctx.report({
          ...g.span,
          message: `The change group '${g.name}' in ${name} is empty: add an entry or remove the heading.`,
          fixes: [
            { title: `Remove the empty '${g.name}' heading`, edits: [{ start: g.line.start, end: g.end, newText: '' }], safe: false },
          ],
        });
      }
      if (h.kind === 'release' && !r.groups.length && !r.looseEntries.length && !r.hasOtherContent) {
        ctx.report({
          ...r.span,
          message: `Release ${name} lists no changes: add its entries under change groups (### Added, ### Fixed…).`,
        });
      }
    }
  },
};

export default rule;
