// Whole-word phrase matching over a requirement's text. Words are split at spaces, punctuation and
// hyphens (so "user-friendly" and "user friendly" are the same phrase), compared in lower case with
// curly apostrophes read as straight ones, and the longest phrase at a position wins.
//
// Cost: a requirement is tokenised once (requirementUnits) and every rule matches its own list against
// the same tokens. Each compiled list gets a bit; while tokenising, each word gets the mask of the lists
// that have a phrase starting with it (one map lookup per word, on its hash; no second pass), so a
// rule whose words do not occur in a requirement returns at once, and the others only look at the
// tokens that can start one of their phrases.

/**
 * The words of one requirement, as one array of numbers rather than an object and a string per word (a run
 * reads millions of words and most are never looked at). Each word has its offsets, the bits of the
 * lists that have a phrase starting with it, and a hash of its lower-case form; the lower-case string
 * itself is made only when a rule asks for it.
 */
export class Tokens {
  /** start, end, bits, hash of word i at [4i, 4i + 4). */
  private readonly data: readonly number[];
  private words: (string | undefined)[] | undefined;
  readonly length: number;

  constructor(
    readonly text: string,
    data: readonly number[],
    /** The list generation the masks were computed in (see compile). */
    readonly generation: number,
    /** All the words' masks together. */
    readonly any: number,
    words?: (string | undefined)[],
  ) {
    this.data = data;
    this.length = data.length >> 2;
    this.words = words;
  }

  start(i: number): number {
    return this.data[4 * i]!;
  }
  end(i: number): number {
    return this.data[4 * i + 1]!;
  }
  /**
   * The bits of the lists compiled so far that have a phrase starting with word i; or NOT_A_LIST_WORD
   * alone for the tail of a compound ("less" in "password-less") or an acronym ("IT", "API"), which no
   * list's phrase starts with.
   */
  bits(i: number): number {
    return this.data[4 * i + 2]!;
  }
  hash(i: number): number {
    return this.data[4 * i + 3]!;
  }
  /** Word i in lower case, `’` read as `'`; '' past either end (a word no list holds). */
  word(i: number): string {
    if (i < 0 || i >= this.length) return '';
    const words = (this.words ??= []);
    return (words[i] ??= wordOf(this.text, this.start(i), this.end(i)));
  }
  /** Words [from, to) in lower case, joined by single spaces. */
  joined(from: number, to: number): string {
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.word(i));
    return out.join(' ');
  }
}

/** The bit of a token that no list may start at (list bits are 0–29). */
export const NOT_A_LIST_WORD = 1 << 30;

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
 * by char code (most requirements are ASCII: no regex call, no Unicode class test, no string per word);
 * a word that meets a non-ASCII character is read again by WORD from its start, so both paths give the
 * same words.
 */
export function tokenize(text: string): Tokens {
  let count = 0;
  // Words with a non-ASCII letter are lower-cased while reading (their hash needs the string).
  let words: (string | undefined)[] | undefined;
  let any = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end = -1;
    if (c < 128) {
      if (!isAsciiAlnum(c)) {
        i++;
        continue;
      }
      end = asciiWordEnd(text, i);
    }
    let hash: number;
    if (end >= 0) hash = asciiHash(text, i, end);
    else {
      // A non-ASCII character in or at the start of the word: the regex decides.
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (!m) {
        i++;
        continue;
      }
      end = i + m[0].length;
      const word = wordOf(text, i, end);
      (words ??= [])[count] = word;
      hash = stringHash(word);
    }
    const tail = i > 0 && text.charCodeAt(i - 1) === 45; /* - */
    const acronym = end - i > 1 && allCapitals(text, i, end);
    const bits = tail || acronym ? NOT_A_LIST_WORD : (firstWordBits.get(hash) ?? 0);
    if (bits !== NOT_A_LIST_WORD) any |= bits;
    const at = 4 * count++;
    scratch[at] = i;
    scratch[at + 1] = end;
    scratch[at + 2] = bits;
    scratch[at + 3] = hash;
    i = end;
  }
  // One exact-size copy per requirement: no array growing word by word.
  const data = scratch.slice(0, 4 * count);
  if (scratch.length > SCRATCH_KEPT) scratch.length = 0; // a huge requirement's words are not kept
  return new Tokens(text, data, generation, any, words);
}

/** Where tokenize writes the words of a requirement before copying them out (reused, grown when needed). */
const scratch: number[] = [];
const SCRATCH_KEPT = 1 << 16;

/**
 * The lower-case word at text[start, end), `’` read as `'`. Non-ASCII words are lower-cased in context,
 * as a reader does (the Greek final sigma), unless that changes the text's length (the offsets would no
 * longer agree): then the word is lower-cased on its own.
 */
function wordOf(text: string, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end && ascii; i++) if (text.charCodeAt(i) >= 128) ascii = false;
  if (ascii) return hasCapital(text, start, end) ? text.slice(start, end).toLowerCase() : text.slice(start, end);
  const lower = lowerCased(text);
  let word = lower.length === text.length ? lower.slice(start, end) : text.slice(start, end).toLowerCase();
  if (word.includes('’')) word = word.replace(/’/g, "'");
  return word;
}

// The last text lower-cased whole (a requirement's non-ASCII words are usually read one after another).
let lastText = '';
let lastLower = '';
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

// FNV-1a over the char codes of the lower-case word. Equal words hash alike; a collision only costs a
// string comparison (phrases are confirmed word by word).
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of the ASCII word at text[start, end), lower-cased as it is read. */
function asciiHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

/** The hash of a lower-case word (the same as asciiHash for an ASCII one). */
function stringHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
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
  hashes: number[];
}

interface Compiled {
  /** First word's hash → the phrases starting with it, longest first. */
  byFirst: Map<number, Phrase[]>;
  /** This list's bit in the first-word masks (0: none left, the list is scanned word by word). */
  bit: number;
}

const compiledCache = new WeakMap<readonly string[], Compiled>();
/** First word's hash → the bits of the lists with a phrase starting with it. */
const firstWordBits = new Map<number, number>();
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
    const t = tokenize(term);
    if (!t.length) continue;
    const words: string[] = [];
    const hashes: number[] = [];
    for (let i = 0; i < t.length; i++) {
      words.push(t.word(i));
      hashes.push(t.hash(i));
    }
    const list = c.byFirst.get(hashes[0]!) ?? [];
    list.push({ term, words, hashes });
    c.byFirst.set(hashes[0]!, list);
    if (bit) firstWordBits.set(hashes[0]!, (firstWordBits.get(hashes[0]!) ?? 0) | bit);
  }
  for (const list of c.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  compiledCache.set(terms, c);
  generation++;
  return c;
}

/** Every non-overlapping match of the terms in the tokens from index `from` on, left to right. */
export function findTerms(tokens: Tokens, terms: readonly string[], from = 0, to = tokens.length): readonly Match[] {
  const { byFirst, bit } = compile(terms);
  let out: Match[] | undefined;
  // Masks computed before this list was compiled lack its bit: those tokens are scanned word by word.
  const masked = bit !== 0 && tokens.generation === generation;
  if (masked && !(tokens.any & bit)) return NO_MATCHES;
  for (let i = Math.max(0, from); i < to; i++) {
    if (masked) {
      if (!(tokens.bits(i) & bit)) continue;
    } else if (tokens.bits(i) & NOT_A_LIST_WORD) continue;
    const candidates = byFirst.get(tokens.hash(i));
    if (!candidates) continue;
    const hit = phraseAt(tokens, i, to, candidates);
    if (!hit) continue;
    const last = i + hit.words.length;
    (out ??= []).push({ term: hit.term, first: i, last, start: tokens.start(i), end: tokens.end(last - 1) });
    i = last - 1;
  }
  return out ?? NO_MATCHES;
}

/** Does one of the terms start with word i (its first word; the rest is not read)? */
export function startsTerm(tokens: Tokens, i: number, terms: readonly string[]): boolean {
  const phrases = compile(terms).byFirst.get(tokens.hash(i));
  if (!phrases) return false;
  const word = tokens.word(i);
  return phrases.some((p) => p.words[0] === word);
}

// Most requirements hold none of a list's words: they all share this one empty result.
const NO_MATCHES: readonly Match[] = Object.freeze([]);

/**
 * The first (longest) of the phrases whose words are the tokens from i on, ending by `to`: hashes first,
 * then the words themselves (a hash collision must not make a match).
 */
function phraseAt(tokens: Tokens, i: number, to: number, phrases: readonly Phrase[]): Phrase | undefined {
  for (const p of phrases) {
    const n = p.words.length;
    if (i + n > to) continue;
    let k = 1; // the first word's hash is the map's key
    while (k < n && tokens.hash(i + k) === p.hashes[k]) k++;
    if (k < n) continue;
    k = 0;
    while (k < n && tokens.word(i + k) === p.words[k]) k++;
    if (k === n) return p;
  }
  return undefined;
}
