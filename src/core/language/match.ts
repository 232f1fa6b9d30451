// Whole-word phrase matching over a requirement's text. Words are split at spaces, punctuation and
// hyphens (so "user-friendly" and "user friendly" are the same phrase), compared in lower case with
// curly apostrophes read as straight ones, and the longest phrase at a position wins.

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
    const token: Token = { word, start: m.index, end: m.index + m[0].length };
    if (m.index > 0 && text.charCodeAt(m.index - 1) === 45 /* - */) token.tail = true;
    if (m[0].length > 1 && /^[A-Z]+$/.test(text.slice(token.start, token.end))) token.acronym = true;
    out.push(token);
  }
  return out;
}

interface Compiled {
  /** First word → the phrases starting with it (as word lists), longest first. */
  byFirst: Map<string, { term: string; words: string[] }[]>;
}

const compiledCache = new WeakMap<readonly string[], Compiled>();

export function compile(terms: readonly string[]): Compiled {
  let c = compiledCache.get(terms);
  if (c) return c;
  c = { byFirst: new Map() };
  for (const term of terms) {
    const words = tokenize(term).map((t) => t.word);
    if (!words.length) continue;
    const list = c.byFirst.get(words[0]!) ?? [];
    list.push({ term, words });
    c.byFirst.set(words[0]!, list);
  }
  for (const list of c.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  compiledCache.set(terms, c);
  return c;
}

/** Every non-overlapping match of the terms in the tokens from index `from` on, left to right. */
export function findTerms(tokens: readonly Token[], terms: readonly string[], from = 0, to = tokens.length): Match[] {
  const { byFirst } = compile(terms);
  const out: Match[] = [];
  for (let i = from; i < to; i++) {
    const candidates = byFirst.get(tokens[i]!.word);
    if (!candidates || tokens[i]!.tail || tokens[i]!.acronym) continue;
    const hit = candidates.find((p) => i + p.words.length <= to && p.words.every((w, k) => tokens[i + k]!.word === w));
    if (!hit) continue;
    const last = i + hit.words.length;
    out.push({ term: hit.term, first: i, last, start: tokens[i]!.start, end: tokens[last - 1]!.end });
    i = last - 1;
  }
  return out;
}
