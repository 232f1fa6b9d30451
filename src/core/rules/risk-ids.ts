// Each risk row has its own id in the register (R-1, R-2…): other documents and review notes refer to a
// row as RISK-2#R-4, so two rows with one id make that reference ambiguous. The id's shape is the
// schema's finding.

import type { Rule } from './rule.js';
import { riskRows } from './risks/rows.js';

const rule: Rule = {
  id: 'risk-ids',
  description: 'Each risk row of a risk register has an id no other row uses.',
  defaultSeverity: 'error',
  check(ctx) {
    const first = new Map<string, number>();
    for (const { index, row } of riskRows(ctx)) {
      const id = row['id'];
      if (typeof id !== 'string' || !id.trim()) continue;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, index);
        continue;
      }
      const span = ctx.frontMatterSpan(['risks', index, 'id']);
      const before = ctx.frontMatterSpan(['risks', earlier, 'id']);
      if (!span) continue;
      ctx.report({
        ...span,
        message: `Risk id '${id}' is used by risks ${earlier + 1} and ${index + 1}: give each row its own id.`,
        actual: id,
        ...(before ? { related: [{ ...before, message: `'${id}' first used here` }] } : {}),
      });
    }
  },
};

export default rule;
