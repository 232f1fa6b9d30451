// " Did you mean 'x'?" for a misspelt key, rule id or value (case-insensitive, about a third of the
// length in edits at most, or the one candidate it is the start of), or '' when nothing is close.

import { closest, distance } from 'fastest-levenshtein';

export function suggest(actual: string, candidates: readonly string[]): string {
  if (!candidates.length) return '';
  const a = actual.toLowerCase();
  // A cut-off word ('warn' for 'warning') is as likely a slip as a typo.
  const prefixed = a.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(a)) : [];
  if (prefixed.length === 1) return ` Did you mean '${prefixed[0]}'?`;
  const lower = candidates.map((c) => c.toLowerCase());
  const best = closest(actual.toLowerCase(), lower);
  const limit = Math.max(1, Math.floor(Math.max(actual.length, best.length) / 3));
  return distance(actual.toLowerCase(), best) <= limit ? ` Did you mean '${candidates[lower.indexOf(best)]}'?` : '';
}
