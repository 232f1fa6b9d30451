// Release headings in a common variant of Keep a Changelog's form (`v1.4.0`, `1.4.0 (2026-05-20)`,
// an en or em dash, no brackets): read all the same, named at info level with a fix to the canonical
// `[1.4.0] - 2026-05-20`.

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';
import type { HeadingVariant } from '../changelog/heading.js';
import { definitionFor } from '../changelog/parse.js';
import { headingLabel } from './changelog-links.js';

const WHAT: Record<HeadingVariant, string> = {
  'v-prefix': "a 'v' before the version",
  'no-brackets': 'no brackets',
  dash: "an en or em dash instead of '-'",
  parentheses: 'the date in parentheses',
  'no-separator': "no ' - ' between version and date",
  separator: "another separator than ' - ' between version and date",
};

const rule: Rule = {
  id: 'changelog-heading-format',
  description:
    'Release headings are written `[1.4.0] - 2026-05-20` (variants such as `v1.4.0`, `–`, `(2026-05-20)` or no brackets get a fix).',
  defaultSeverity: 'info',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    for (const r of log.releases) {
      const canonical = r.heading.canonical;
      if (!canonical) continue;
      const written = ctx.doc.text.slice(r.span.start, r.span.end);
      const what = r.heading.variants.map((v) => WHAT[v]);
      // `[v1.4.0]` → `[1.4.0]`: its link definition is renamed with it, or the heading would lose its link.
      const label = headingLabel(ctx.doc.text, r);
      const newLabel = /^\[([^\]]+)\]/.exec(canonical)?.[1];
      const def = label && newLabel && label !== newLabel ? definitionFor(log, label) : undefined;
      const edits = [{ ...r.span, newText: canonical }, ...(def ? [{ ...def.labelSpan, newText: newLabel! }] : [])];
      ctx.report({
        ...r.span,
        message: `Release heading '${written}' has ${what.length ? what.join(', ') : "'[YANKED]' in another case"}: Keep a Changelog writes '${canonical}'.`,
        expected: [canonical],
        actual: written,
        fixes: [{ title: `Write '${canonical}'`, edits, safe: true }],
      });
    }
  },
};

export default rule;
