// Applying fixes to a text: each fix is all-or-nothing; a fix whose edits touch text another accepted
// fix edits is skipped (it is left for the next pass, when it is recomputed against the new text).
// Accepted edits are applied back to front, so earlier offsets stay valid while later text changes.

import type { Fix, TextEdit } from '../types.js';

export interface AppliedFixes {
  text: string;
  /** The fixes applied, in the order they were given. */
  applied: Fix[];
  /** The fixes left out: overlapping an applied one, or with edits outside the text. */
  skipped: Fix[];
}

/** Earlier fixes win: give them in priority order (e.g. by position, or the finding order). */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  // Kept in order (start, then end): edits that do not conflict then have ends in order too, so the
  // ones an edit could conflict with are found by a binary search, not by a scan of all (a file with
  // 1,700 fixes spent a third of a second in the scans).
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const edits = fix.edits;
    if (
      !edits.length ||
      !edits.every((e) => isValid(e, text.length)) ||
      overlapsAny(edits, edits) ||
      edits.some((e) => conflictsWithAccepted(e, accepted))
    ) {
      skipped.push(fix);
      continue;
    }
    for (const e of edits) accepted.splice(insertionIndex(accepted, e), 0, e);
    applied.push(fix);
  }
  return { text: applyEdits(text, accepted), applied, skipped };
}

/**
 * Applies non-overlapping edits (checked by the caller); an insertion before a replacement at the same
 * offset. The text is built once, front to back: rebuilding it per edit cost time in proportion to
 * edits × length (1,700 edits in 230 KB: 0.3 s).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(byPosition);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const byPosition = (a: TextEdit, b: TextEdit): number => a.start - b.start || a.end - b.end;

/** Where `e` goes in `sorted` (ordered by position). */
function insertionIndex(sorted: readonly TextEdit[], e: TextEdit): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition(sorted[mid]!, e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether `e` conflicts with one of `accepted` (ordered by position, none conflicting with another, so
 * their ends are in order too). An edit that conflicts with `e` starts at or before `e` ends and ends at
 * or after `e` starts: those are a contiguous stretch, found from the first whose end reaches `e`.
 */
function conflictsWithAccepted(e: TextEdit, accepted: readonly TextEdit[]): boolean {
  let lo = 0;
  let hi = accepted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (accepted[mid]!.end < e.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < accepted.length && accepted[i]!.start <= e.end; i++) if (editsConflict(e, accepted[i]!)) return true;
  return false;
}

function isValid(e: TextEdit, length: number): boolean {
  return (
    Number.isInteger(e.start) &&
    Number.isInteger(e.end) &&
    e.start >= 0 &&
    e.start <= e.end &&
    e.end <= length &&
    typeof e.newText === 'string'
  );
}

/**
 * Two edits conflict when their ranges share a character, when an insertion lands strictly inside a
 * replaced range, or when both insert at the same offset (their order would be a guess).
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a === b) return false;
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return a.start > b.start && a.start < b.end;
  if (bEmpty) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function overlapsAny(edits: readonly TextEdit[], others: readonly TextEdit[]): boolean {
  return edits.some((e) => others.some((o) => editsConflict(e, o)));
}
