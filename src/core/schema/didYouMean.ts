// "Did you mean …?": the known words close enough to a typo to be worth suggesting.

import { distance } from 'fastest-levenshtein';

/**
 * Candidates close to `input`, best first. Case-insensitive; the allowed distance grows with the word
 * (1 edit up to 4 letters, 2 up to 8, then 3), a swap of two neighbouring letters counts as one edit,
 * and a prefix of 4+ letters matches (`desc` → `description`).
 */
export function closeMatches(input: string, candidates: readonly string[]): string[] {
  const a = input.toLowerCase();
  if (!a) return [];
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const b = c.toLowerCase();
    if (a === b && input === c) continue;
    const d = Math.min(distance(a, b), isSwap(a, b) ? 1 : Infinity, a.length >= 4 && b.startsWith(a) ? 1 : Infinity);
    if (d <= allowed(Math.max(a.length, b.length))) scored.push({ c, d });
  }
  return scored.sort((x, y) => x.d - y.d).map((s) => s.c);
}

/** " Did you mean 'x'?" with the closest candidate, or '' when none is close (for messages that end in it). */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const [best] = closeMatches(input, candidates);
  return best === undefined ? '' : ` Did you mean '${best}'?`;
}

function allowed(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** `ttile` vs `title`: the same letters with one neighbouring pair swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
