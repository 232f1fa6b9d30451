// Whole-word phrase matching over a requirement's text. Words are split at spaces, punctuation and
// hyphens (so "user-friendly" and "user friendly" are the same phrase), compared in lower case with
// curly apostrophes read as straight ones, and the longest phrase at a position wins.
//
// Cost: a requirement is tokenised once (requirementUnits) and every rule matches its own list against
// the same tokens. Each compiled list gets a bit; while tokenising, each word gets the mask of the lists
// that have a phrase starting with it (one map lookup per word, no second pass, no side table), so a
// rule whose words do not occur in a requirement returns at once, and the others only look at the
// tokens that can start one of their phrases.

export interface Token {
  /** Lower case, `’` read as `'`. */
  word: string;
  start: number;
  end: number;
  /**
   * The bits of the lists compiled so far that have a phrase starting with this word; or NOT_A_LIST_WORD
   * alone for the tail of a compound ("less" in "password-less") or an acronym ("IT", "API"), which no
   * list's phrase starts with. (One number, not two more fields: a run makes hundreds of thousands.)
   */
  bits: number;
}

/** The bit of a token that no list may start at (list bits are 0–29). */
export const NOT_A_LIST_WORD = 1 << 30;

/** What tokenize puts on its array: the list generation its masks were computed in, and all masks together. */
interface Masked {
  generation: number;
  any: number;
}

export interface Match {
  /** The list entry that matched, as written in the list. */
  term: string;
  /** Index of the first and one past the last token. */
  first: number;
  last: number;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/uy;

/**
 * The words of `text`, as WORD would find them scanning left to right. ASCII letters and digits are read
 * by char code (most requirements are ASCII: no regex call, no Unicode class test per word); a word that
 * meets a non-ASCII character is read again by WORD from its start, so both paths give the same words.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] & Partial<Masked> = [];
  let any = 0;
  // The lower-case text, for words with non-ASCII letters only (lower-casing in context, as a reader
  // does: the Greek final sigma), made when the first such word comes; when it changes the length, the
  // offsets no longer agree and each word is lower-cased on its own.
  let lower: string | undefined;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end = -1;
    let viaRegex = false;
    if (c < 128) {
      if (!isAsciiAlnum(c)) {
        i++;
        continue;
      }
      end = asciiWordEnd(text, i);
    }
    if (end < 0) {
      // A non-ASCII character in or at the start of the word: the regex decides.
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (!m) {
        i++;
        continue;
      }
      end = i + m[0].length;
      viaRegex = true;
    }
    let word: string;
    if (!viaRegex) word = hasCapital(text, i, end) ? text.slice(i, end).toLowerCase() : text.slice(i, end);
    else {
      lower ??= text.toLowerCase();
      word = lower.length === n ? lower.slice(i, end) : text.slice(i, end).toLowerCase();
      if (word.includes('’')) word = word.replace(/’/g, "'");
    }
    const tail = i > 0 && text.charCodeAt(i - 1) === 45; /* - */
    const acronym = end - i > 1 && allCapitals(text, i, end);
    const bits = tail || acronym ? NOT_A_LIST_WORD : (firstWordBits.get(word) ?? 0);
    if (bits !== NOT_A_LIST_WORD) any |= bits;
    out.push({ word, start: i, end, bits });
    i = end;
  }
  out.generation = generation;
  out.any = any;
  return out;
}

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** The end of the ASCII word at `start` (letters and digits, then 'letters groups), or -1 if a non-ASCII character takes part. */
function asciiWordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
  for (;;) {
    if (i >= n) return i;
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (c !== 39 /* ' */) return i;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (next >= 128) return -1;
    if (!isAsciiLetter(next)) return i;
    i += 2;
    while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
  }
}

/** An A-Z letter in text[start, end). */
function hasCapital(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** A-Z only, no allocation (the common case, a lower-case word, fails on its first or second letter). */
function allCapitals(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

interface Phrase {
  term: string;
  words: string[];
}

interface Compiled {
  /** First word → the phrases starting with it (as word lists), longest first. */
  byFirst: Map<string, Phrase[]>;
  /** This list's bit in the first-word masks (0: none left, the list is scanned word by word). */
  bit: number;
}

const compiledCache = new WeakMap<readonly string[], Compiled>();
/** First word → the bits of the lists with a phrase starting with it. */
const firstWordBits = new Map<string, number>();
let bitsUsed = 0;
/** Grows whenever a list is compiled, so tokens masked before it are known to lack its bit. */
let generation = 0;

export function compile(terms: readonly string[]): Compiled {
  let c = compiledCache.get(terms);
  if (c) return c;
  // 30 bits: the built-in lists and a few configured ones; any further list is scanned without a mask.
  const bit = bitsUsed < 30 ? 1 << bitsUsed++ : 0;
  c = { byFirst: new Map(), bit };
  for (const term of terms) {
    const words = tokenize(term).map((t) => t.word);
    if (!words.length) continue;
    const list = c.byFirst.get(words[0]!) ?? [];
    list.push({ term, words });
    c.byFirst.set(words[0]!, list);
    if (bit) firstWordBits.set(words[0]!, (firstWordBits.get(words[0]!) ?? 0) | bit);
  }
  for (const list of c.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  compiledCache.set(terms, c);
  generation++;
  return c;
}

/** Every non-overlapping match of the terms in the tokens from index `from` on, left to right. */
export function findTerms(tokens: readonly Token[], terms: readonly string[], from = 0, to = tokens.length): readonly Match[] {
  const { byFirst, bit } = compile(terms);
  let out: Match[] | undefined;
  // Masks computed before this list was compiled lack its bit: those tokens are scanned word by word.
  const masked = bit !== 0 && (tokens as Partial<Masked>).generation === generation;
  if (masked && !((tokens as unknown as Masked).any & bit)) return NO_MATCHES;
  for (let i = from; i < to; i++) {
    if (masked) {
      if (!(tokens[i]!.bits & bit)) continue;
    } else if (tokens[i]!.bits & NOT_A_LIST_WORD) continue;
    const candidates = byFirst.get(tokens[i]!.word);
    if (!candidates) continue;
    const hit = phraseAt(tokens, i, to, candidates);
    if (!hit) continue;
    const last = i + hit.words.length;
    (out ??= []).push({ term: hit.term, first: i, last, start: tokens[i]!.start, end: tokens[last - 1]!.end });
    i = last - 1;
  }
  return out ?? NO_MATCHES;
}

// Most requirements hold none of a list's words: they all share this one empty result.
const NO_MATCHES: readonly Match[] = Object.freeze([]);

/** The first (longest) of the phrases whose words are the tokens from i on, ending by `to`. */
function phraseAt(tokens: readonly Token[], i: number, to: number, phrases: readonly Phrase[]): Phrase | undefined {
  for (const p of phrases) {
    const n = p.words.length;
    if (i + n > to) continue;
    let k = 1; // the first word is the map's key: it matches
    while (k < n && tokens[i + k]!.word === p.words[k]) k++;
    if (k === n) return p;
  }
  return undefined;
}
