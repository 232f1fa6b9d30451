// The sections the type's `order` names appear in that relative order. The sections that are out of
// place are those outside the longest run already in order, so one moved section gives one finding,
// not one per section it jumped over.

import type { Section } from '../document/sections.js';
import type { Rule } from './rule.js';
import { orderEntries, orderIndex } from './util/sectionOrder.js';

const rule: Rule = {
  id: 'section-order',
  description: "Sections appear in the order the document type defines (for a PRD: Problem, Goals, Non-goals, Requirements).",
  defaultSeverity: 'warning',
  check(ctx) {
    const entries = orderEntries(ctx.docType);
    if (entries.length < 2) return;
    const placed = ctx.outline.sections
      .map((section) => ({ section, rank: orderIndex(entries, section.key) }))
      .filter((p) => p.rank >= 0);
    if (placed.length < 2) return;
    const keep = longestOrderedRun(placed.map((p) => p.rank));
    const expectedOrder = entries.map((e) => e.name).join(', ');
    placed.forEach(({ section, rank }, i) => {
      if (keep.has(i)) return;
      // Name the nearest kept section it conflicts with: the last earlier-ranked one it precedes,
      // else the first later-ranked one it follows.
      let other: Section | undefined;
      let relation = '';
      for (let j = placed.length - 1; j > i; j--) {
        if (keep.has(j) && placed[j]!.rank < rank) { other = placed[j]!.section; relation = 'after'; break; }
      }
      if (!other) {
        for (let j = 0; j < i; j++) {
          if (keep.has(j) && placed[j]!.rank > rank) { other = placed[j]!.section; relation = 'before'; break; }
        }
      }
      if (!other) return;
      ctx.report({
        ...section.headingSpan,
        message: `'${section.title}' should come ${relation} '${other.title}' (expected order: ${expectedOrder}).`,
        expected: entries.map((e) => e.name),
        actual: placed.map((p) => p.section.title).join(', '),
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
