// The rows of a risk register (`risks` in the front matter), read for the risk-* rules. Rows that are
// not mappings are skipped: the schema reports them.

import type { RuleContext } from '../rule.js';

export interface RiskRow {
  index: number;
  row: Record<string, unknown>;
  /** "Risk R-4" or "Risk 2" when the row has no id. */
  label: string;
  /** likelihood × impact when both are integers, else undefined. */
  score?: number;
}

export function riskRows(ctx: RuleContext): RiskRow[] {
  const risks = ctx.data['risks'];
  if (!Array.isArray(risks)) return [];
  const rows: RiskRow[] = [];
  risks.forEach((r, index) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) return;
    const row = r as Record<string, unknown>;
    const id = typeof row['id'] === 'string' && row['id'].trim() ? row['id'].trim() : undefined;
    const l = row['likelihood'];
    const i = row['impact'];
    const score = Number.isInteger(l) && Number.isInteger(i) ? (l as number) * (i as number) : undefined;
    rows.push({ index, row, label: id ? `Risk ${id}` : `Risk ${index + 1}`, ...(score !== undefined ? { score } : {}) });
  });
  return rows;
}

/** Text that names no action: empty, a placeholder or "monitor it". */
export function isVagueMitigation(value: unknown): boolean {
  if (typeof value !== 'string') return true;
  const t = value
    .trim()
    .toLowerCase()
    .replace(/[.!…]+$/, '');
  if (t.length === 0) return true;
  return /^(?:tbd|tbc|todo|n\/?a|none|nothing|-+|\?+|to be (?:decided|determined|defined|confirmed)|(?:we(?:'ll| will) )?(?:monitor|watch|keep an eye on|track)(?: (?:it|this|closely|the situation))?)$/.test(
    t,
  );
}
