// Release dates are ISO 8601 (YYYY-MM-DD), real days, never later than the release above them and not
// in the future. "Today" comes from the caller (the CLI's clock, the editor's); without it the future
// check is skipped.

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';
import { isIsoDate } from './date-order.js';

const rule: Rule = {
  id: 'changelog-date',
  description:
    'Every release has an ISO 8601 date (YYYY-MM-DD) that exists, is not in the future, and is not later than the release above it.',
  defaultSeverity: 'error',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    let above: { date: string; version: string; span: { start: number; end: number } } | undefined;
    for (const r of log.releases) {
      const h = r.heading;
      if (h.kind !== 'release') continue;
      const name = h.version ?? '';
      if (h.date === undefined || !h.dateSpan) {
        ctx.report({ ...r.span, message: `Release ${name} has no date: expected '[${name}] - YYYY-MM-DD' (the day it was released).` });
        continue;
      }
      if (!isIsoDate(h.date)) {
        const why = /^\d{4}-\d{2}-\d{2}$/.test(h.date) ? 'no such day' : 'not an ISO 8601 date';
        const guess = isoGuess(h.date);
        ctx.report({
          ...h.dateSpan,
          message: `Release ${name} date '${h.date}' is ${why}: expected YYYY-MM-DD${guess ? ` ('${guess}'?)` : ''}.`,
          expected: guess ? [guess] : [],
          actual: h.date,
          ...(guess ? { fixes: [{ title: `Write '${guess}'`, edits: [{ ...h.dateSpan, newText: guess }], safe: false }] } : {}),
        });
        continue;
      }
      if (ctx.today && h.date > ctx.today) {
        ctx.report({
          ...h.dateSpan,
          message: `Release ${name} is dated ${h.date}, after today (${ctx.today}): a release is dated the day it went out.`,
        });
      }
      if (above && h.date > above.date) {
        ctx.report({
          ...h.dateSpan,
          message: `Release ${name} is dated ${h.date}, later than ${above.version} above it (${above.date}): dates go newest first.`,
          related: [{ ...above.span, message: `${above.version} is dated ${above.date}` }],
        });
      }
      above = { date: h.date, version: name, span: h.dateSpan };
    }
  },
};

/** `2024/1/5`, `2024.01.05`, `2024-1-5` → `2024-01-05` when that is a real day (year first only: 05/01 is ambiguous). */
function isoGuess(text: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export default rule;
