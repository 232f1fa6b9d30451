// Where a long paragraph can be cut into pieces that micromark parses apart, each piece reading as it
// reads in the whole. Why: micromark merges a paragraph's text events with a splice per run of them, so
// one paragraph costs time quadratic in its length (180 KB of prose with links: 0.4 s in that merge
// alone); pieces of a few kilobytes cost what their text costs.
//
// A cut goes at a line break that nothing inline spans. Scanning the text since the last cut: no code
// span left open (a backtick run waits for one of its length), no `[` open (link text; a shortcut
// reference to a defined label is a link, which leaves every `[` before it text) and no link destination
// or title open after `](`, no HTML tag open (a whole tag is stepped over; a comment, processing
// instruction or declaration, or a tag too long to tell, stops cutting for good), and no emphasis or strikethrough
// delimiter at all (they pair across lines; `_` inside a word is neither opener nor closer). The line
// before must not end in a hard break, and the line after must start a paragraph alone as it continued
// one (a letter, a number that is not a list item's, a `[` that is not a definition).

/** [start, end) of each piece of the paragraph source text[start, end); one piece when it is short. */
export function paragraphPieces(
  text: string,
  start: number,
  end: number,
  pieceChars: number,
  defined: (label: string) => boolean = () => false,
): [number, number][] {
  if (end - start <= pieceChars) return [[start, end]];
  const out: [number, number][] = [];
  let from = start;
  let ticks = 0; // length of the open backtick run, 0 when no code span is open
  /** Offsets of the `[` still open. */
  let openers: number[] = [];
  let destination = 0; // parentheses open after `](`
  let delimiters = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */) {
      let n = 1;
      while (text.charCodeAt(i + n) === 96) n++;
      ticks = ticks === 0 ? n : ticks === n ? 0 : ticks;
      i += n - 1;
      continue;
    }
    if (ticks) continue; // inside a code span everything is literal
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 60 /* < */) {
      const next = text[i + 1] ?? '';
      if (next === '!' || next === '?') return [[start, end]];
      // A whole tag is stepped over (it may span lines); a `<` that opens none is text. Autolinks hold no
      // line break, so they need no care.
      const tag = tagEnd(text, i, Math.min(end, i + MAX_TAG));
      if (tag === TOO_LONG) return [[start, end]];
      if (tag > 0) i = tag - 1;
    } else if (destination && (c === 34 || c === 39)) {
      // A title in quotes: its parentheses and line breaks are the title's.
      const close = closingQuote(text, i, end);
      if (close < 0) return [[start, end]];
      i = close;
    } else if (destination && c === 40) destination++;
    else if (destination && c === 41) destination--;
    else if (c === 91) openers.push(i);
    else if (c === 93 && openers.length) {
      const opener = openers.pop()!;
      const after = text[i + 1];
      if (after === '(') {
        destination = 1;
        i++;
      } else if (after !== '[' && text[opener - 1] !== '!' && defined(text.slice(opener + 1, i))) {
        // A shortcut reference: a link, and no link holds another, so every `[` before it is text now.
        openers = [];
      }
    } else if (c === 42 || c === 126 /* * ~ */) delimiters = true;
    else if (c === 95 /* _ */ && !(isWordChar(text, i - 1) && isWordChar(text, i + 1))) delimiters = true;
    else if ((c === 10 || c === 13) && i - from >= pieceChars) {
      const lineEnd = i;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      let next = i + 1;
      while (next < end && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
      if (!openers.length && !destination && !delimiters && !hardBreakBefore(text, lineEnd) && opensParagraph(text, next, end)) {
        out.push([from, lineEnd]);
        from = next;
        i = next - 1;
      }
    }
  }
  out.push([from, end]);
  return out;
}

/** A tag is looked for within this many characters: one longer stops cutting (a bound on the work). */
const MAX_TAG = 1024;
const TOO_LONG = -2;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const TAG_NAME = /[A-Za-z0-9-]/;
const ATTRIBUTE_START = /[A-Za-z_:]/;
const ATTRIBUTE_NAME = /[\w.:-]/;
const UNQUOTED_VALUE = /[^\s"'=<>`]/;

/**
 * Where the HTML tag (open or closing, as CommonMark reads one) that starts at `<` text[i] ends, -1 when
 * none starts there, TOO_LONG when it runs past `limit`. One step per character.
 */
function tagEnd(text: string, i: number, limit: number): number {
  let j = i + 1;
  const closing = text[j] === '/';
  if (closing) j++;
  if (!/[A-Za-z]/.test(text[j] ?? '')) return -1;
  while (j < limit && TAG_NAME.test(text[j]!)) j++;
  for (;;) {
    const before = j;
    while (j < limit && isSpace(text[j])) j++;
    if (j >= limit) return TOO_LONG;
    if (text[j] === '>') return j + 1;
    if (closing) return -1;
    if (text[j] === '/') return text[j + 1] === '>' ? j + 2 : j + 1 >= limit ? TOO_LONG : -1;
    // An attribute: white space before it, a name, and maybe `=` and a value.
    if (j === before || !ATTRIBUTE_START.test(text[j]!)) return -1;
    while (j < limit && ATTRIBUTE_NAME.test(text[j]!)) j++;
    let k = j;
    while (k < limit && isSpace(text[k])) k++;
    if (text[k] !== '=') continue;
    k++;
    while (k < limit && isSpace(text[k])) k++;
    const quote = text[k];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, k + 1);
      if (close < 0 || close >= limit) return TOO_LONG;
      j = close + 1;
    } else {
      const from = k;
      while (k < limit && UNQUOTED_VALUE.test(text[k]!)) k++;
      if (k === from) return k >= limit ? TOO_LONG : -1;
      j = k;
    }
  }
}

/** The offset of the quote that closes the one at `i` (backslash escapes skipped), or -1. */
function closingQuote(text: string, i: number, end: number): number {
  const quote = text.charCodeAt(i);
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === quote) return j;
  }
  return -1;
}

/**
 * Whether the line at `at`, first of a piece, starts a paragraph on its own as it continued one in the
 * whole: a letter; a digit run not followed by `.` or `)` (a list item); a `[` that is not a definition.
 */
function opensParagraph(text: string, at: number, end: number): boolean {
  const c = text[at] ?? '';
  if (/\p{L}/u.test(c)) return true;
  if (/[0-9]/.test(c)) return !/^[0-9]+[.)]/.test(text.slice(at, at + 12));
  if (c !== '[') return false;
  const lineEnd = text.slice(at, Math.min(end, at + 1200)).search(/[\r\n]|$/);
  return !/^\[(?:[^\]\\]|\\.)*\]:/.test(text.slice(at, at + lineEnd));
}

const isWordChar = (text: string, i: number): boolean => /[\p{L}\p{N}]/u.test(text[i] ?? '');

/** Two spaces or a backslash before a line break make a hard break. */
function hardBreakBefore(text: string, lineEnd: number): boolean {
  return text.charCodeAt(lineEnd - 1) === 92 || (text.charCodeAt(lineEnd - 1) === 32 && text.charCodeAt(lineEnd - 2) === 32);
}
