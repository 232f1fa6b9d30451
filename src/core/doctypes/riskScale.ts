// A risk register's scoring convention (`scale` in its front matter), shared by the risk-* rules and the
// preview's header card: ratings 1–max, and the score from which a risk is high.

export interface RiskScale {
  /** Highest likelihood or impact rating (3 or 5). */
  max: number;
  /** The score from which a risk is high. */
  highThreshold: number;
}

const DEFAULT_SCALE: RiskScale = { max: 5, highThreshold: 12 };

export function riskScale(data: Record<string, unknown>): RiskScale {
  const s = data['scale'];
  if (!s || typeof s !== 'object' || Array.isArray(s)) return DEFAULT_SCALE;
  const o = s as Record<string, unknown>;
  const max = o['max'] === 3 || o['max'] === 5 ? o['max'] : DEFAULT_SCALE.max;
  const threshold = o['high_threshold'];
  // Without its own threshold a 3-point scale uses 6 (of 9), as 12 is of 25.
  const highThreshold =
    Number.isInteger(threshold) && (threshold as number) >= 1 ? (threshold as number) : max === 3 ? 6 : DEFAULT_SCALE.highThreshold;
  return { max, highThreshold };
}
