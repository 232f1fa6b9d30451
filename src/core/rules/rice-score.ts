// A RICE score that was typed in must be the one its inputs give: reach × impact × confidence/100 ÷
// effort, within ±1 %. A stale or copied score silently reorders a backlog. Invalid inputs (impact 4,
// confidence 90, effort 0, text instead of numbers) are the schema's findings, so the score is not
// re-checked then.

import type { Rule } from './rule.js';

const FIELDS = ['reach', 'impact', 'confidence', 'effort'] as const;

const rule: Rule = {
  id: 'rice-score',
  description: 'A RICE score given in the front matter equals reach × impact × confidence ÷ effort (±1 %).',
  defaultSeverity: 'error',
  check(ctx) {
    const rice = ctx.data['rice'];
    if (!rice || typeof rice !== 'object' || Array.isArray(rice)) return;
    const r = rice as Record<string, unknown>;
    const score = r['score'];
    if (typeof score !== 'number' || !Number.isFinite(score)) return;
    if (!FIELDS.every((f) => typeof r[f] === 'number' && Number.isFinite(r[f]))) return;
    const { reach, impact, confidence, effort } = r as Record<(typeof FIELDS)[number], number>;
    if (effort <= 0) return;
    // The schema already explains a bad input; a score mismatch caused by it would be a second finding.
    if (ctx.schemaProblems.some((p) => p.path[0] === 'rice' && FIELDS.includes(p.path[1] as (typeof FIELDS)[number]))) return;
    const computed = (reach * impact * (confidence / 100)) / effort;
    if (Math.abs(score - computed) <= Math.abs(computed) * 0.01 + 1e-9) return;
    const span = ctx.frontMatterSpan(['rice', 'score']);
    if (!span) return;
    const shown = formatScore(computed);
    ctx.report({
      ...span,
      message: `RICE score ${score} does not match its inputs: reach ${reach} × impact ${impact} × confidence ${confidence}% ÷ effort ${effort} = ${shown} (±1 % allowed).`,
      expected: [shown],
      actual: String(score),
      fixes: [{ title: `Set the RICE score to ${shown}`, edits: [{ ...span, newText: shown }], safe: true }],
    });
  },
};

/** Integral results stay integers; others get two decimals (three significant digits below 1). */
export function formatScore(value: number): string {
  const rounded = Math.abs(value) < 1 ? Number(value.toPrecision(3)) : Math.round(value * 100) / 100;
  if (Math.abs(rounded - Math.round(rounded)) < 1e-9) return String(Math.round(rounded));
  return String(rounded);
}

export default rule;
