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
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const edits = fix.edits;
    if (
      !edits.length ||
      !edits.every((e) => isValid(e, text.length)) ||
      overlapsAny(edits, edits) ||
      edits.some((e) => overlapsAny([e], accepted))
    ) {
      skipped.push(fix);
      continue;
    }
    accepted.push(...edits);
    applied.push(fix);
  }
  return { text: applyEdits(text, accepted), applied, skipped };
}

/** Applies non-overlapping edits (checked by the caller); an insertion before a replacement at the same offset. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
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
