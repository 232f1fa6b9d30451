// Trimming runs of characters by index. Why not `.replace(/[…]+$/, '')`: the regex engine tries the
// pattern at every character of a run that does not reach the end, each try scanning the rest of the
// run, so one long run inside a line costs quadratic time (a heading of 40,000 spaces and a letter took
// 9 s to lint). A loop from the end costs the length of what it removes.

/** `text` without the characters at its end for which `strip` holds. */
export function trimEndWhere(text: string, strip: (c: string) => boolean): string {
  let end = text.length;
  while (end > 0 && strip(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters at its start for which `strip` holds. */
export function trimStartWhere(text: string, strip: (c: string) => boolean): string {
  let start = 0;
  while (start < text.length && strip(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

/** A test for the characters of `chars` and white space (as `\s` reads it). */
export function charsOrSpace(chars: string): (c: string) => boolean {
  return (c) => chars.includes(c) || /\s/.test(c);
}
