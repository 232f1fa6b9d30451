// One replace edit for the changed middle of a text (common prefix and suffix kept): how an editor
// applies "fix all" without moving the cursor or folding state of the untouched parts.

import type { TextEdit } from '../types.js';

export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  // Never split a CRLF pair or a surrogate pair.
  while (start > 0 && /[\n\udc00-\udfff]/.test(before[start] ?? '') && /[\r\ud800-\udbff]/.test(before[start - 1]!)) start--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
