// The variants of an experiment share all of its traffic: their allocations add up to 100 %. A 60/50
// split is a typo that either cannot be configured or silently sends traffic nowhere, and every
// sample-size and duration figure built on it is off. Allocations the schema rejects (a word, 120) are
// its findings; the sum is then not checked.

import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'experiment-allocation',
  description: "An experiment's variant allocations add up to 100 %.",
  defaultSeverity: 'error',
  check(ctx) {
    const variants = ctx.data['variants'];
    if (!Array.isArray(variants) || variants.length === 0) return;
    if (ctx.schemaProblems.some((p) => p.path[0] === 'variants')) return;
    const parts: { name: string; allocation: number }[] = [];
    for (const v of variants) {
      const allocation = (v as Record<string, unknown> | null)?.['allocation'];
      if (typeof allocation !== 'number' || !Number.isFinite(allocation)) return;
      const name = (v as Record<string, unknown>)['name'];
      parts.push({ name: typeof name === 'string' ? name : `variant ${parts.length + 1}`, allocation });
    }
    const sum = parts.reduce((s, p) => s + p.allocation, 0);
    if (Math.abs(sum - 100) < 1e-6) return;
    const span = ctx.frontMatterSpan(['variants'], 'key');
    if (!span) return;
    const shown = Number(sum.toPrecision(6));
    ctx.report({
      ...span,
      message: `Variant allocations add up to ${shown} %, expected 100 %: ${parts.map((p) => `${p.name} ${p.allocation} %`).join(' + ')}.`,
      expected: ['100'],
      actual: String(shown),
    });
  },
};

export default rule;
