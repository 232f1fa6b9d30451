// Each risk's score is likelihood × impact, and both ratings are on the register's scale. A stale score
// (a rating changed, the product not) ranks risks wrongly, and a 5 on a 3-point scale is meaningless.
// Ratings outside 1–5 or not integers are the schema's findings.

import type { Rule } from './rule.js';
import { riskScale } from '../doctypes/riskScale.js';
import { riskRows } from './risks/rows.js';

const rule: Rule = {
  id: 'risk-score',
  description: "A risk's score equals likelihood × impact, and both ratings are within the register's scale.",
  defaultSeverity: 'error',
  check(ctx) {
    const scale = riskScale(ctx.data);
    for (const { index, row, label, score } of riskRows(ctx)) {
      for (const key of ['likelihood', 'impact'] as const) {
        const v = row[key];
        if (!Number.isInteger(v) || (v as number) <= scale.max || (v as number) > 5) continue;
        const span = ctx.frontMatterSpan(['risks', index, key]);
        if (span) {
          ctx.report({
            ...span,
            message: `${label} has ${key} ${v}, above the register's scale (1–${scale.max}, from scale.max): rate it 1–${scale.max}, or raise scale.max.`,
            expected: [`1–${scale.max}`],
            actual: String(v),
          });
        }
      }
      const given = row['score'];
      if (score === undefined || !Number.isInteger(given) || given === score) continue;
      const span = ctx.frontMatterSpan(['risks', index, 'score']);
      if (!span) continue;
      ctx.report({
        ...span,
        message: `${label} has score ${given}, but likelihood ${row['likelihood']} × impact ${row['impact']} = ${score}.`,
        expected: [String(score)],
        actual: String(given),
        fixes: [{ title: `Set the score to ${score}`, edits: [{ ...span, newText: String(score) }], safe: true }],
      });
    }
  },
};

export default rule;
