// Required sample size per variant of a two-arm test with equal groups, by the normal approximation:
//
//   proportion: n = (z(1-α/2)·√(2·p̄·(1-p̄)) + z(power)·√(p1(1-p1) + p2(1-p2)))² / (p2 - p1)²,  p̄ = (p1+p2)/2
//               ("two-proportion z-test, pooled variance under H0" — the formula R's power.prop.test solves)
//   mean:       n = 2·(z(1-α/2) + z(power))²·σ² / δ²   ("two-sample z-test on means")
//
// α is two-sided. The MDE is absolute (in the metric's own unit: 0.005 = half a percentage point of a
// rate) or relative to the baseline (0.1 = a 10 % lift). The result is rounded up to a whole unit.

import { inverseNormalCdf } from './normal.js';

export type MetricKind = 'proportion' | 'mean';
export type MdeType = 'absolute' | 'relative';

export interface PowerInputs {
  kind: MetricKind;
  /** A rate in (0, 1) for a proportion; the mean for a mean. */
  baseline: number;
  /** Standard deviation (means only). */
  sd?: number;
  mde: number;
  mdeType: MdeType;
  /** The direction of the effect looked for: decides p2 = p1 ± δ for a proportion. */
  direction?: 'increase' | 'decrease';
  alpha: number;
  power: number;
}

export type PowerResult =
  | {
      ok: true;
      n: number;
      formula: string;
      /** The absolute difference looked for. */ delta: number;
      /** The rate under the alternative (proportions). */ p2?: number;
    }
  | { ok: false; reason: string };

export const PROPORTION_FORMULA = 'two-proportion z-test, normal approximation with pooled variance under H0';
export const MEAN_FORMULA = 'two-sample z-test on means, normal approximation';

export function requiredSampleSize(inputs: PowerInputs): PowerResult {
  const { kind, baseline, mde, mdeType, alpha, power } = inputs;
  if (!(alpha > 0 && alpha < 1)) return { ok: false, reason: `alpha ${alpha} is not between 0 and 1` };
  if (!(power > 0 && power < 1)) return { ok: false, reason: `power ${power} is not between 0 and 1` };
  if (!(mde > 0)) return { ok: false, reason: `the MDE ${mde} is not above 0` };
  const delta = mdeType === 'relative' ? mde * Math.abs(baseline) : mde;
  if (!(delta > 0)) return { ok: false, reason: 'a relative MDE of a baseline of 0 is no difference at all' };
  const zAlpha = inverseNormalCdf(1 - alpha / 2);
  const zPower = inverseNormalCdf(power);
  if (kind === 'mean') {
    const sd = inputs.sd;
    if (sd === undefined || !(sd > 0)) return { ok: false, reason: 'a mean metric needs its standard deviation (sd) above 0' };
    const n = (2 * (zAlpha + zPower) ** 2 * sd * sd) / (delta * delta);
    return { ok: true, n: ceil(n), formula: MEAN_FORMULA, delta };
  }
  if (!(baseline > 0 && baseline < 1)) return { ok: false, reason: `baseline ${baseline} is not a rate between 0 and 1` };
  const p1 = baseline;
  const p2 = inputs.direction === 'decrease' ? p1 - delta : p1 + delta;
  if (!(p2 > 0 && p2 < 1))
    return {
      ok: false,
      reason: `baseline ${p1} ${inputs.direction === 'decrease' ? '−' : '+'} the MDE gives a rate of ${round(p2)}, outside 0 to 1`,
    };
  const pBar = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return { ok: true, n: ceil((root * root) / (delta * delta)), formula: PROPORTION_FORMULA, delta, p2 };
}

/** Round up, but not 1000.0000000001 → 1001: floating-point noise is no extra participant. */
const ceil = (n: number): number => Math.ceil(n - 1e-9);
const round = (n: number): number => Math.round(n * 1e6) / 1e6;
