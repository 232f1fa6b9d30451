// The sections the type's `order` names appear in that relative order. The sections that are out of
// place are those outside the longest run already in order, so one moved section gives one finding,
// not one per section it jumped over.

import type { Section } from '../document/sections.js';
import type { Rule } from './rule.js';
import { orderEntries, orderIndex } from './sections/order.js';

const rule: Rule = {
  id: 'section-order',
  description: 'Sections appear in the order the document type defines (for a PRD: Problem, Goals, Non-goals, Requirements).',
  defaultSeverity: 'warning',
  check(ctx) {
    const entries = orderEntries(ctx.docType);
    if (entries.length < 2) return;
    const placed = ctx.outline.sections.map((section) => ({ section, rank: orderIndex(entries, section.key) })).filter((p) => p.rank >= 0);
    if (placed.length < 2) return;
    const keep = longestOrderedRun(placed.map((p) => p.rank));
    const expected = entries.map((e) => e.name);
    const expectedOrder = expected.join(', ');
    const titles = placed.map((p) => p.section.title);
    const actual = titles.length > 20 ? `${titles.slice(0, 20).join(', ')}, …` : titles.join(', ');
    // Kept sections, by position; their ranks never decrease, so the conflicts are found by bisection.
    const kept = [...keep].sort((a, b) => a - b);
    const rankAt = (k: number) => placed[kept[k]!]!.rank;
    const firstKept = (lo: number, hi: number, test: (k: number) => boolean): number => {
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (test(mid)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    placed.forEach(({ section, rank }, i) => {
      if (keep.has(i)) return;
      // Name the nearest kept section it conflicts with: the last later one of a lower rank (it should
      // come after that one), else the first earlier one of a higher rank (it should come before it).
      const p = firstKept(0, kept.length, (k) => kept[k]! > i);
      const lowerEnd = firstKept(p, kept.length, (k) => rankAt(k) >= rank);
      const higherStart = firstKept(0, p, (k) => rankAt(k) > rank);
      let other: Section | undefined;
      let relation = '';
      if (lowerEnd > p) {
        other = placed[kept[lowerEnd - 1]!]!.section;
        relation = 'after';
      } else if (higherStart < p) {
        other = placed[kept[higherStart]!]!.section;
        relation = 'before';
      }
      if (!other) return;
      ctx.report({
        ...section.headingSpan,
        message: `'${section.title}' should come ${relation} '${other.title}' (expected order: ${expectedOrder}).`,
        expected,
        actual,
        related: [{ ...other.headingSpan, message: `'${other.title}' is here` }],
      });
    });
  },
};

/**
 * Indices of a longest non-decreasing subsequence, preferring the one that keeps earlier sections
 * (patience sorting over the reversed, negated ranks: O(n log n) however many headings there are).
 */
export function longestOrderedRun(ranks: readonly number[]): Set<number> {
  const n = ranks.length;
  const value = (k: number): number => -ranks[n - 1 - k]!;
  const tails: number[] = [];
  const prev = new Array<number>(n).fill(-1);
  for (let k = 0; k < n; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (value(tails[mid]!) <= value(k)) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) keep.add(n - 1 - k);
  return keep;
}

export default rule;
