// Change groups are Keep a Changelog's six types. Real files use `Bug Fixes`, `✨ Features`,
// `Improvements`…: each gets a did-you-mean and a rename fix (safe when the name is a plain synonym).

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';
import { CHANGE_TYPES, changeTypeFor, isChangeType } from '../changelog/changeTypes.js';

const rule: Rule = {
  id: 'changelog-change-type',
  description:
    'Change groups (H3) are one of Added, Changed, Deprecated, Removed, Fixed, Security, each at most once per release (did-you-mean and a rename fix for `Bug Fixes`, `Features`, `Improvements`…).',
  defaultSeverity: 'warning',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    for (const r of log.releases) {
      if (r.heading.kind === 'other') continue;
      const seen = new Map<string, (typeof r.groups)[number]>();
      for (const g of r.groups) {
        if (isChangeType(g.name)) {
          const first = seen.get(g.name);
          if (first) {
            ctx.report({
              ...g.span,
              message: `'${g.name}' appears twice in this release: merge its entries into the first '### ${g.name}'.`,
              related: [{ ...first.span, message: 'the first one' }],
            });
          } else seen.set(g.name, g);
          continue;
        }
        const suggestion = changeTypeFor(g.name);
        const base = `'${g.name}' is not a Keep a Changelog change type: expected one of ${CHANGE_TYPES.join(', ')}.`;
        if (!suggestion) {
          ctx.report({ ...g.span, message: base, expected: [...CHANGE_TYPES], actual: g.name });
          continue;
        }
        const hint = suggestion.safe ? '' : ' (check its entries: some may belong under another type)';
        ctx.report({
          ...g.span,
          message: `${base} Did you mean '${suggestion.type}'?${hint}`,
          expected: [suggestion.type],
          actual: g.name,
          fixes: [{ title: `Rename to '${suggestion.type}'`, edits: [{ ...g.span, newText: suggestion.type }], safe: suggestion.safe }],
        });
      }
    }
  },
};

export default rule;
