// A high risk (score at or above the register's high_threshold) that is still open has someone acting
// on it and a real plan: an owner, and a mitigation that names an action ("monitor", "TBD" do not) —
// both errors. Less severe gaps are warnings: no due date for the mitigation, and an accepted high risk
// without a rationale. Closed and occurred risks are history, not plans.

import type { Report } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { riskScale } from '../doctypes/riskScale.js';
import { isVagueMitigation, riskRows, type RiskRow } from './risks/rows.js';

const INACTIVE = new Set(['closed', 'occurred']);
// Responses that act on a threat by other means than a mitigation of ours.
const NO_MITIGATION_NEEDED = new Set(['accept', 'transfer', 'escalate', 'avoid']);

const rule: Rule = {
  id: 'risk-treatment',
  description: 'A high open risk has an owner and a real mitigation (errors), a due date, and a rationale when accepted (warnings).',
  defaultSeverity: 'error',
  check(ctx) {
    const { max, highThreshold } = riskScale(ctx.data);
    for (const risk of riskRows(ctx)) {
      const { row, score } = risk;
      if (score === undefined || score < highThreshold || INACTIVE.has(String(row['status']))) continue;
      // Ratings off the scale make the score meaningless: risk-score reports them first.
      if ((row['likelihood'] as number) > max || (row['impact'] as number) > max) continue;
      const high = `${risk.label} is high (score ${score}, high from ${highThreshold})`;
      const response = typeof row['response'] === 'string' ? row['response'] : undefined;
      if (typeof row['owner'] !== 'string' || !row['owner'].trim()) {
        report(ctx, risk, 'owner', {
          message: `${high} and has no owner: name the one person or team who acts on it.`,
          expected: ['owner'],
        });
      }
      if (response === 'accept') {
        if (isVagueMitigation(row['rationale'])) {
          report(ctx, risk, 'response', {
            message: `${high} and is accepted without a rationale: say why it is acceptable ('rationale'), or choose another response.`,
            expected: ['rationale'],
            severity: 'warning',
          });
        }
      } else if (!NO_MITIGATION_NEEDED.has(response ?? '') && isVagueMitigation(row['mitigation'])) {
        const said =
          typeof row['mitigation'] === 'string' && row['mitigation'].trim() ? ` ('${row['mitigation'].trim()}' names no action)` : '';
        report(ctx, risk, 'mitigation', {
          message: `${high} and has no real mitigation${said}: write the action that makes it less likely or less bad.`,
          expected: ['mitigation'],
          ...(said ? { actual: String(row['mitigation']) } : {}),
        });
      }
      if (row['due'] === undefined && response !== 'accept') {
        report(ctx, risk, 'due', {
          message: `${high} and has no due date: set 'due' to when the mitigation must be in place.`,
          expected: ['due'],
          severity: 'warning',
        });
      }
    }
  },
};

/** On the key when it is there, else on the row's id (or the row). */
function report(ctx: RuleContext, risk: RiskRow, key: string, r: Omit<Report, 'start' | 'end'>): void {
  const span =
    ctx.frontMatterSpan(['risks', risk.index, key]) ??
    ctx.frontMatterSpan(['risks', risk.index, 'id']) ??
    ctx.frontMatterSpan(['risks', risk.index]);
  if (span) ctx.report({ ...span, ...r });
}

export default rule;
