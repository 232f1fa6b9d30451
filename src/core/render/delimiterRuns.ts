// Long runs of `*` or `_` are cut short before micromark parses a body for the preview. Why: micromark
// matches emphasis delimiters one pair at a time and rewrites its event list for each match, so two runs
// of n asterisks cost n² (the fuzzer: 4,400 `*` on each side of one letter, 6 KB, 0.45 s to render; 4,000
// on each side: 1.3 s), where commonmark.js, which the lint uses, takes milliseconds.
//
// Writing nests emphasis three deep at most. Past MAX_RUN characters, each `*` or `_` of a run is
// replaced by a look-alike that is not a delimiter (one UTF-16 unit, like the original, so every offset
// and line stays): the page shows the characters instead of hundreds of empty nested <em>. Only when the
// text holds two such runs of one character (one run alone has nothing to pair with and costs nothing),
// and never on a line that is the run and nothing else (a thematic break: one cheap block).
//
// Square brackets the same, always: links do not nest, so a run of 17 `[` or `]` is never markup, and
// micromark keeps every opening bracket of a paragraph as a possible link until it closes (the fuzzer:
// a line of 74,000 `[` then as many `]` in a table, 148 KB: 1.4 s and 200 MB to render).

/** Delimiter characters kept in one run. */
export const MAX_RUN = 16;

const LOOK_ALIKE: Record<string, string> = { '*': '\u2217', _: '\uFF3F', '[': '\uFF3B', ']': '\uFF3D' };
const LONG_RUN = new RegExp(`\\*{${MAX_RUN + 1},}|_{${MAX_RUN + 1},}|\\[{${MAX_RUN + 1},}|\\]{${MAX_RUN + 1},}`, 'g');

export function shortenDelimiterRuns(text: string): string {
  return loneClosingBrackets(shortenRuns(text));
}

function shortenRuns(text: string): string {
  const runs = [...text.matchAll(LONG_RUN)];
  if (runs.length === 0) return text;
  // Brackets count as two runs each: they are cut whenever they are long.
  const count = { '*': 0, _: 0, '[': 2, ']': 2 } as Record<string, number>;
  for (const m of runs) count[m[0][0]!]!++;
  let out = '';
  let at = 0;
  for (const m of runs) {
    const c = m[0][0]!;
    if (count[c]! < 2 || ((c === '*' || c === '_') && aloneOnItsLine(text, m.index, m[0].length))) continue;
    const cut = m.index + MAX_RUN;
    out += text.slice(at, cut) + LOOK_ALIKE[c]!.repeat(m[0].length - MAX_RUN);
    at = m.index + m[0].length;
  }
  return at === 0 ? text : out + text.slice(at);
}

function aloneOnItsLine(text: string, start: number, length: number): boolean {
  const blank = (c: number) => c === 32 || c === 9;
  let i = start - 1;
  while (i >= 0 && blank(text.charCodeAt(i))) i--;
  if (i >= 0 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) return false;
  let j = start + length;
  while (j < text.length && blank(text.charCodeAt(j))) j++;
  return j === text.length || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
}

/** Closing brackets with no opening one before them in their paragraph, past which they are shown as look-alikes. */
export const MAX_LONE_BRACKETS = 256;

/**
 * micromark looks back through every event of a paragraph for an opening bracket at each `]`, so `]`s with
 * none open cost quadratic time (the fuzzer: `[[…[x](y)](y)…` with 18,000 closers, 74 KB: 10 s to render;
 * 44,000 in 180 KB: 175 s). When a text holds more than MAX_LONE_BRACKETS such `]`, those past the limit
 * (counted through the text, in paragraphs split at blank lines) are shown as look-alikes: a `]` with
 * nothing open closes nothing, so only its glyph changes.
 */
function loneClosingBrackets(text: string): string {
  let closers = 0;
  for (let i = 0; i < text.length && closers <= MAX_LONE_BRACKETS; i++) if (text.charCodeAt(i) === 93) closers++;
  if (closers <= MAX_LONE_BRACKETS) return text;
  let out = '';
  let at = 0;
  let open = 0;
  let lone = 0;
  let lineHasText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92)
      i++; // a backslash escapes the next character
    else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++; // CRLF: one line break
      if (!lineHasText) open = 0; // a blank line ends the paragraph
      lineHasText = false;
    } else if (c !== 32 && c !== 9) {
      lineHasText = true;
      if (c === 91) open++;
      else if (c === 93) {
        if (open > 0) open--;
        else if (++lone > MAX_LONE_BRACKETS) {
          out += text.slice(at, i) + '\uFF3D';
          at = i + 1;
        }
      }
    }
  }
  return at === 0 ? text : out + text.slice(at);
}
