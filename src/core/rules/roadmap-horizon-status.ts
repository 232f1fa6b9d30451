// A roadmap's horizons agree with the PRDs its items point at: an item in Now whose PRD is still a
// draft is work scheduled before anyone agreed what it is; an item in Later whose PRD has launched is
// done, not later. Reads the statuses through the workspace index (silent without one); an id that
// names nothing is ref-unresolved's finding.
//
// With dated quarters (`horizon: 2026-Q3`), "now" is the quarter of the roadmap's `updated` date (else
// `created`) and "later" any quarter two or more after it; without either date quarters are not judged.

import { pathLabel } from '../schema/wording.js';
import { resolveRef } from '../workspace/resolve.js';
import type { Rule, RuleContext } from './rule.js';

type Bucket = 'now' | 'next' | 'later';

const rule: Rule = {
  id: 'roadmap-horizon-status',
  description: 'A roadmap item in Now does not point at a draft PRD, and one in Later not at a launched PRD.',
  defaultSeverity: 'warning',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws || ctx.docType?.type !== 'roadmap') return;
    const items = ctx.data['items'];
    if (!Array.isArray(items)) return;
    const current = currentQuarter(ctx);
    for (const site of ctx.references) {
      const [key, index, field] = site.path;
      if (key !== 'items' || typeof index !== 'number' || field !== 'refs') continue;
      const item = items[index] as Record<string, unknown> | undefined;
      const horizon = typeof item?.['horizon'] === 'string' ? item['horizon'] : undefined;
      const bucket = horizon ? bucketOf(horizon, current) : undefined;
      if (bucket !== 'now' && bucket !== 'later') continue;
      const resolution = resolveRef(ws, site);
      if (resolution.kind !== 'ok') continue;
      const prd = resolution.docs.find((d) => d.type === 'prd');
      if (!prd?.status) continue;
      const stale = bucket === 'now' ? prd.status === 'draft' : prd.status === 'launched';
      if (!stale) continue;
      const span = ctx.frontMatterSpan(site.path);
      if (!span) continue;
      const title = typeof item?.['title'] === 'string' && item['title'].trim() ? `'${item['title'].trim()}'` : `#${index + 1}`;
      const where = horizon === bucket ? bucket.charAt(0).toUpperCase() + bucket.slice(1) : `${horizon} (${bucket})`;
      const prdName = `${site.id}${prd.title ? ` (${prd.title})` : ''}`;
      ctx.report({
        ...span,
        message:
          bucket === 'now'
            ? `Roadmap item ${title} is in ${where}, but ${prdName} is still 'draft': work scheduled now needs a PRD past draft (review, approved or building). Move the PRD on, or the item to Next (${pathLabel(site.path)}).`
            : `Roadmap item ${title} is in ${where}, but ${prdName} has already 'launched': it is not later any more. Move the item to Now or mark it done (${pathLabel(site.path)}).`,
        expected: bucket === 'now' ? ['review', 'approved', 'building'] : undefined,
        actual: prd.status,
      });
    }
  },
};

/** now/next/later as written; a quarter relative to the roadmap's own date. */
function bucketOf(horizon: string, current: number | undefined): Bucket | undefined {
  if (horizon === 'now' || horizon === 'next' || horizon === 'later') return horizon;
  const q = quarterIndex(horizon);
  if (q === undefined || current === undefined) return undefined;
  const ahead = q - current;
  return ahead <= 0 ? 'now' : ahead === 1 ? 'next' : 'later';
}

/** The quarter of `updated`, else `created`, as a running index (year × 4 + quarter). */
function currentQuarter(ctx: RuleContext): number | undefined {
  for (const key of ['updated', 'created']) {
    const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(String(ctx.data[key] ?? ''));
    if (m) return Number(m[1]) * 4 + Math.floor((Number(m[2]) - 1) / 3);
  }
  return undefined;
}

function quarterIndex(horizon: string): number | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(horizon);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : undefined;
}

export default rule;
