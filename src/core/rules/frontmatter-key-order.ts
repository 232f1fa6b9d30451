// The front-matter keys a type lists in `keyOrder` (x-pmdocs or its docTypes entry) appear in that
// relative order; keys it does not list may sit anywhere. One finding, on the first key that is out of
// place (the first one that should have come before a key above it), with a fix that reorders the keys
// as text, keeping each key's value, indented lines and comments.

import { isMap, isScalar } from 'yaml';
import type { Rule } from './rule.js';
import { reorderKeysEdit } from '../fixes/keyOrder.js';

const rule: Rule = {
  id: 'frontmatter-key-order',
  description: 'Front-matter keys follow the order the type lists in `keyOrder` (keys it does not list may sit anywhere).',
  defaultSeverity: 'warning',
  check(ctx) {
    const order = ctx.docType?.keyOrder;
    const fm = ctx.doc.frontMatter;
    if (!Array.isArray(order) || order.length < 2 || !fm?.yaml || fm.problems.length || !isMap(fm.yaml.contents)) return;
    const rank = new Map(order.map((k, i) => [k, i]));
    const keys = fm.yaml.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : undefined));
    let highest: { key: string; rank: number } | undefined;
    for (const key of keys) {
      const r = key === undefined ? undefined : rank.get(key);
      if (r === undefined || key === undefined) continue;
      if (highest && r < highest.rank) {
        const span = ctx.frontMatterSpan([key], 'key');
        if (!span) return;
        const present = order.filter((k) => keys.includes(k));
        const edit = reorderKeysEdit(ctx.doc.text.slice(fm.block.content.start, fm.block.content.end), fm.block.content.start, order);
        ctx.report({
          ...span,
          message: `Key '${key}' is out of order: it belongs before '${highest.key}'. Expected order: ${present.join(', ')}.`,
          expected: present,
          actual: keys.filter((k): k is string => k !== undefined && rank.has(k)).join(', '),
          ...(edit ? { fixes: [{ title: 'Reorder the front-matter keys', edits: [edit], safe: true }] } : {}),
        });
        return;
      }
      if (!highest || r > highest.rank) highest = { key, rank: r };
    }
  },
};

export default rule;
