// Whole-word phrase matching over a requirement's text. Words are split at spaces, punctuation and
// hyphens (so "user-friendly" and "user friendly" are the same phrase), compared in lower case with
// curly apostrophes read as straight ones, and the longest phrase at a position wins.
//
// Cost: a requirement is tokenised once (requirementUnits) and every rule matches its own list against
// the same tokens. Each compiled list gets a bit; a requirement's tokens get, once, the mask of the
// lists that have a phrase starting with each word, so a rule whose words do not occur in a requirement
// returns at once, and the others only look at the tokens that can start one of their phrases.

export interface Token {
  /** Lower case, `’` read as `'`. */
  word: string;
  start: number;
  end: number;
  /** Joined to the word before by a hyphen ("less" in "password-less"): the tail of a compound. */
  tail?: boolean;
  /** Written in capitals, two letters or more ("IT", "API"): an acronym, not a word of the lists. */
  acronym?: boolean;
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

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Lower-casing once is cheaper than per word, when it keeps every offset (it does but for a few letters).
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(source); m; m = WORD.exec(source)) {
    let word = source === lower ? m[0] : m[0].toLowerCase();
    if (word.includes('’')) word = word.replace(/’/g, "'");
    const start = m.index;
    const end = start + m[0].length;
    out.push({
      word,
      start,
      end,
      tail: start > 0 && text.charCodeAt(start - 1) === 45 /* - */,
      acronym: end - start > 1 && allCapitals(text, start, end),
    });
  }
  return out;
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
/** Grows whenever a list is compiled, so masks computed before it are recomputed. */
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

interface Masks {
  generation: number;
  /** Per token: the bits of the lists that have a phrase starting with its word. */
  at: Int32Array;
  /** All of them together. */
  any: number;
}

const masksCache = new WeakMap<readonly Token[], Masks>();

function masksOf(tokens: readonly Token[]): Masks {
  let m = masksCache.get(tokens);
  if (m && m.generation === generation) return m;
  const at = new Int32Array(tokens.length);
  let any = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tail || t.acronym) continue;
    const bits = firstWordBits.get(t.word);
    if (bits) {
      at[i] = bits;
      any |= bits;
    }
  }
  m = { generation, at, any };
  masksCache.set(tokens, m);
  return m;
}

/** Every non-overlapping match of the terms in the tokens from index `from` on, left to right. */
export function findTerms(tokens: readonly Token[], terms: readonly string[], from = 0, to = tokens.length): Match[] {
  const { byFirst, bit } = compile(terms);
  const out: Match[] = [];
  const masks = bit ? masksOf(tokens) : undefined;
  if (masks && !(masks.any & bit)) return out;
  for (let i = from; i < to; i++) {
    if (masks) {
      if (!(masks.at[i]! & bit)) continue;
    } else if (tokens[i]!.tail || tokens[i]!.acronym) continue;
    const candidates = byFirst.get(tokens[i]!.word);
    if (!candidates) continue;
    const hit = candidates.find((p) => i + p.words.length <= to && p.words.every((w, k) => tokens[i + k]!.word === w));
    if (!hit) continue;
    const last = i + hit.words.length;
    out.push({ term: hit.term, first: i, last, start: tokens[i]!.start, end: tokens[last - 1]!.end });
    i = last - 1;
  }
  return out;
}
