// An experiment's planned sample size is at least what its own numbers require. From the primary
// metric's baseline, minimum detectable effect (absolute or relative, as `mde_type` says), α (two-sided)
// and power, the required units per variant are recomputed with the normal approximation (two-proportion
// z-test for a rate, two-sample z-test for a mean with `sd`); a plan below it cannot detect the effect it
// was designed for. Values the schema rejects (a missing `mde_type`, power 1.2) are its findings, so the
// size is not recomputed then; inputs that are valid one by one but impossible together (a 4 % rate
// lowered by 5 points) are reported on the MDE.

import { requiredSampleSize, type MdeType, type MetricKind, type PowerInputs } from '../stats/sampleSize.js';
import type { Rule, RuleContext } from './rule.js';

const INPUTS = ['primary_metric', 'alpha', 'power', 'sample_size_per_variant'];

const rule: Rule = {
  id: 'experiment-sample-size',
  description: 'The planned sample size per variant is at least what the baseline, MDE, α (two-sided) and power require.',
  defaultSeverity: 'error',
  check(ctx) {
    const inputs = powerInputs(ctx);
    if (!inputs) return;
    const result = requiredSampleSize(inputs);
    if (!result.ok) {
      const span = ctx.frontMatterSpan(['primary_metric', 'mde']);
      if (span)
        ctx.report({
          ...span,
          message: `The sample size cannot be computed: ${result.reason}. Check primary_metric's baseline, mde and mde_type.`,
        });
      return;
    }
    const planned = ctx.data['sample_size_per_variant'];
    if (typeof planned !== 'number' || !Number.isFinite(planned) || planned >= result.n) return;
    const span = ctx.frontMatterSpan(['sample_size_per_variant']);
    if (!span) return;
    ctx.report({
      ...span,
      message: `Planned sample size ${planned} per variant is below the ${result.n} required for ${describe(inputs, result.delta, result.p2)} (${result.formula}).`,
      expected: [`>= ${result.n}`],
      actual: String(planned),
      fixes: [{ title: `Set the sample size per variant to ${result.n}`, edits: [{ ...span, newText: String(result.n) }], safe: false }],
    });
  },
};

/** The power-analysis inputs, or undefined when they are incomplete or the schema already objects to one. */
function powerInputs(ctx: RuleContext): PowerInputs | undefined {
  const metric = ctx.data['primary_metric'];
  if (!metric || typeof metric !== 'object' || Array.isArray(metric)) return undefined;
  if (ctx.schemaProblems.some((p) => INPUTS.includes(String(p.path[0])))) return undefined;
  const m = metric as Record<string, unknown>;
  const num = (v: unknown, fallback?: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  const baseline = num(m['baseline']);
  const mde = num(m['mde']);
  const mdeType = m['mde_type'];
  const alpha = num(ctx.data['alpha'], 0.05);
  const power = num(ctx.data['power'], 0.8);
  if (
    baseline === undefined ||
    mde === undefined ||
    (mdeType !== 'relative' && mdeType !== 'absolute') ||
    alpha === undefined ||
    power === undefined
  )
    return undefined;
  const kind: MetricKind = m['kind'] === 'mean' ? 'mean' : 'proportion';
  return {
    kind,
    baseline,
    sd: num(m['sd']),
    mde,
    mdeType: mdeType as MdeType,
    direction: m['direction'] === 'decrease' ? 'decrease' : 'increase',
    alpha,
    power,
  };
}

function describe(i: PowerInputs, delta: number, p2: number | undefined): string {
  const effect = i.mdeType === 'relative' ? `MDE ${fmt(i.mde * 100)} % relative (${fmt(delta)} absolute)` : `MDE ${fmt(i.mde)} absolute`;
  const target = p2 !== undefined ? ` → ${fmt(p2)}` : '';
  const base = i.kind === 'mean' ? `mean ${fmt(i.baseline)}, sd ${fmt(i.sd ?? 0)}` : `baseline rate ${fmt(i.baseline)}${target}`;
  return `${base}, ${effect}, α ${fmt(i.alpha)} two-sided, power ${fmt(i.power)}`;
}

/** Up to four significant digits, without trailing zeros or floating-point noise. */
const fmt = (n: number): string => String(Number(n.toPrecision(4)));

export default rule;
