// The next free id of a doc type: one more than the highest number in use with the type's prefix.
// Zero padding is kept when the existing ids use it (ADR-0007 → ADR-0008), so file lists stay sorted.

/** `prefix` is the type's idPrefix ("PRD-"); ids that do not start with it, or are not numeric after it, are ignored. */
export function nextId(prefix: string, existingIds: Iterable<string>): string {
  let max = 0;
  let width = 1;
  for (const id of existingIds) {
    if (!id.startsWith(prefix)) continue;
    const digits = id.slice(prefix.length);
    if (!/^\d{1,9}$/.test(digits)) continue;
    max = Math.max(max, Number(digits));
    if (digits.startsWith('0')) width = Math.max(width, digits.length);
  }
  return prefix + String(max + 1).padStart(width, '0');
}
