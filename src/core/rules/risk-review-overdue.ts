// A risk register is only useful while someone reviews it: a `next_review` date in the past means the
// register has gone stale (the ratings and mitigations may no longer hold). Closed registers are kept
// for the record and are not reviewed.

import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'risk-review-overdue',
  description: "A risk register's next_review date is not in the past (unless the register is closed).",
  defaultSeverity: 'warning',
  check(ctx) {
    const next = ctx.data['next_review'];
    if (!ctx.today || typeof next !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(next) || !Array.isArray(ctx.data['risks'])) return;
    if (ctx.data['status'] === 'closed' || next >= ctx.today) return;
    const span = ctx.frontMatterSpan(['next_review']);
    if (!span) return;
    const cadence = typeof ctx.data['review_cadence'] === 'string' ? ` (reviews are ${ctx.data['review_cadence']})` : '';
    ctx.report({
      ...span,
      message: `The next review was due on ${next}, before today (${ctx.today})${cadence}: review the risks and set next_review to the following date.`,
      expected: [`a date from ${ctx.today}`],
      actual: next,
    });
  },
};

export default rule;
