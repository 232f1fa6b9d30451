// `updated` cannot be before `created`: a typo in either date breaks sorting and "stale doc" reports.
// Invalid dates are the schema's finding (format: date), so only two real ISO dates are compared.

import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'date-order',
  description: 'The `updated` date is not before the `created` date.',
  defaultSeverity: 'error',
  check(ctx) {
    const created = ctx.data['created'];
    const updated = ctx.data['updated'];
    if (!isIsoDate(created) || !isIsoDate(updated) || updated >= created) return;
    const span = ctx.frontMatterSpan(['updated']);
    if (!span) return;
    const createdSpan = ctx.frontMatterSpan(['created']);
    ctx.report({
      ...span,
      message: `updated (${updated}) is before created (${created}): expected ${created} or later.`,
      expected: [`>= ${created}`],
      actual: updated,
      ...(createdSpan ? { related: [{ ...createdSpan, message: `created ${created}` }] } : {}),
    });
  },
};

/** `YYYY-MM-DD` naming a day that exists (ISO dates then compare correctly as strings). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1]!;
}

export default rule;
