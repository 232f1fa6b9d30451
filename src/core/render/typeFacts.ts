// Header-card facts built from structured front matter of the newer doc types: an experiment's primary
// metric and variants, an OKR's key results, a risk register's risks, a launch's sign-offs. Each reads
// only the shape its schema allows and skips anything else (the schema's findings explain it).

import { riskScale } from '../doctypes/riskScale.js';

type Data = Record<string, unknown>;
export type ComposedFact = [label: string, value: string, detail?: string];

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const rec = (v: unknown): Data | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : undefined);
const items = (v: unknown): Data[] => (Array.isArray(v) ? v.map(rec).filter((x): x is Data => !!x) : []);
const short = (n: number): string => String(Number(n.toPrecision(4)));

export function composedFacts(data: Data): ComposedFact[] {
  const out: ComposedFact[] = [];
  const metric = rec(data['primary_metric']);
  if (metric && str(metric['name'])) {
    const baseline = num(metric['baseline']);
    const mde = num(metric['mde']);
    const type = str(metric['mde_type']);
    const parts = [
      baseline !== undefined ? `baseline ${short(baseline)}` : '',
      mde !== undefined ? `MDE ${short(mde)}${type ? ` ${type}` : ''}` : '',
    ].filter(Boolean);
    out.push(['Primary metric', str(metric['name'])!, parts.join(', ') || undefined]);
  }
  const variants = items(data['variants']).filter((v) => str(v['name']));
  if (variants.length) {
    out.push([
      'Variants',
      variants
        .map((v) => (num(v['allocation']) !== undefined ? `${str(v['name'])} ${short(num(v['allocation'])!)} %` : str(v['name'])!))
        .join(' · '),
    ]);
  }
  const guardrails = items(data['guardrail_metrics']).filter((g) => str(g['name']));
  if (guardrails.length) out.push(['Guardrails', guardrails.map((g) => str(g['name'])!).join(', ')]);
  const krs = items(data['key_results']);
  if (krs.length) {
    const scores = krs.map((k) => num(k['score'])).filter((s): s is number => s !== undefined);
    const average = scores.length === krs.length ? ` · average score ${short(scores.reduce((a, b) => a + b, 0) / scores.length)}` : '';
    out.push([
      'Key results',
      `${krs.length}${average}`,
      krs
        .map((k) => str(k['name']) ?? '')
        .filter(Boolean)
        .join('\n') || undefined,
    ]);
  }
  const risks = items(data['risks']);
  if (risks.length) {
    const { highThreshold } = riskScale(data);
    const high = risks.filter((r) => (num(r['likelihood']) ?? 0) * (num(r['impact']) ?? 0) >= highThreshold).length;
    out.push(['Risks', `${risks.length} · ${high} high (score ≥ ${highThreshold})`]);
  }
  const scale = rec(data['scale']);
  if (scale && num(scale['max']) !== undefined) out.push(['Scale', `1–${num(scale['max'])} × 1–${num(scale['max'])}`]);
  const signOffs = items(data['sign_offs']).filter((s) => str(s['area']));
  if (signOffs.length) out.push(['Sign-offs', signOffs.map((s) => `${str(s['area'])}: ${str(s['decision']) ?? 'pending'}`).join(' · ')]);
  return out;
}
