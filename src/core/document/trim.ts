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

/**
 * A line without its trailing HTML comments: from the first `<!--` on, when the line ends with `-->`
 * after it (as `/(?:\s*<!--.*?-->)+\s*$/` reads it: one comment may hold another's `-->`), trimmed.
 */
export function withoutTrailingComments(line: string): string {
  const t = line.trimEnd();
  if (!t.endsWith('-->')) return t;
  const open = t.indexOf('<!--');
  return open >= 0 && open + 4 <= t.length - 3 ? t.slice(0, open).trimEnd() : t;
}

/**
 * `text` without its trailing white space and the blank and `#` comment lines (a `#` at the start of
 * its line) at its end, as `/(?:\r?\n(?:[ \t]*|#[^\n]*))*\s*$/` reads them.
 */
export function withoutTrailingYamlComments(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  // Then whole lines, last first: a `#` comment or only spaces and tabs, each with the line break before it.
  while (end > 0) {
    const nl = text.lastIndexOf('\n', end - 1);
    if (nl < 0 || !(text[nl + 1] === '#' || /^[ \t]*$/.test(text.slice(nl + 1, end)))) break;
    end = nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
  }
  return text.slice(0, end);
}
