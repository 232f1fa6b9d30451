// Each key result of an OKR is measurable on its own: where it starts (baseline), where it should end
// (target) and in what (unit). A key result with only a target cannot be graded fairly at the end of
// the period, and "400" means nothing without "admins". A target that only says which way ("higher") is
// goal-unmeasurable's finding (the Key results section has the success-metrics role); counts (2–5) and
// score ranges (0–1) are the schema's.

import { excerpt } from '../document/blocks.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'okr-key-results',
  description: 'Each key result of an OKR has a baseline, a target and a unit (when its values are plain numbers).',
  defaultSeverity: 'warning',
  check(ctx) {
    const krs = ctx.data['key_results'];
    if (!Array.isArray(krs)) return;
    krs.forEach((kr, i) => {
      if (!kr || typeof kr !== 'object' || Array.isArray(kr)) return;
      const k = kr as Record<string, unknown>;
      const label = typeof k['name'] === 'string' ? `Key result '${excerpt(k['name'], 50)}'` : `Key result ${i + 1}`;
      const at =
        ctx.frontMatterSpan(['key_results', i, typeof k['name'] === 'string' ? 'name' : 'target']) ??
        ctx.frontMatterSpan(['key_results', i]);
      if (!at) return;
      const missing: string[] = [];
      if (k['baseline'] === undefined || k['baseline'] === null || k['baseline'] === '') missing.push('baseline');
      const plainNumbers = [k['baseline'], k['target']].some((v) => typeof v === 'number');
      if (plainNumbers && (typeof k['unit'] !== 'string' || !k['unit'].trim())) missing.push('unit');
      if (!missing.length) return;
      ctx.report({
        ...at,
        message: `${label} has no ${missing.join(' and no ')}: expected ${missing.map((m) => (m === 'baseline' ? "'baseline' (the value at the start of the period)" : "'unit' (admins, %, days…)")).join(' and ')}, so it can be graded.`,
        expected: missing,
      });
    });
  },
};

export default rule;
