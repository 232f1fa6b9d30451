// Small facts about a word's neighbours that the language rules share: is there a number nearby, a
// reference ("than …"), is the word used as a verb. Tokens only; no grammar.

import type { Tokens } from './match.js';

const NUMBER_WORDS = new Set([
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'fifteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'hundred',
  'thousand',
  'million',
  'billion',
  'half',
  'twice',
  'once',
  'double',
  'triple',
  'percent',
  'p50',
  'p90',
  'p95',
  'p99',
]);

export const isNumberWord = (w: string): boolean => hasDigit(w) || NUMBER_WORDS.has(w);

/** An ASCII digit in the word (char codes: this runs on every word of many requirements). */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Is token i a number: a digit in it (read in the text: no string made), or a number word? */
export function numberAt(tokens: Tokens, i: number): boolean {
  if (i < 0 || i >= tokens.length) return false;
  const text = tokens.text;
  for (let k = tokens.start(i); k < tokens.end(i); k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return NUMBER_WORDS.has(tokens.word(i));
}

/** A number among tokens [from, to) (clamped). */
export function numberIn(tokens: Tokens, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) if (numberAt(tokens, i)) return true;
  return false;
}

/** One of the words among tokens [from, to) (clamped). */
export function wordIn(tokens: Tokens, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) if (words.has(tokens.word(i))) return true;
  return false;
}

export const MODALS: ReadonlySet<string> = new Set([
  'shall',
  'must',
  'will',
  'should',
  'may',
  'might',
  'can',
  'could',
  'would',
  'to',
  "won't",
  'cannot',
  "can't",
  "don't",
  "doesn't",
]);
export const AUXILIARIES: ReadonlySet<string> = new Set([
  ...MODALS,
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'does',
  'do',
  'did',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "shan't",
  "mustn't",
  "shouldn't",
]);

const EXAMPLE_MARK = /^(?:e\.?\s?g|for example|for instance|such as)\b/i;

/**
 * Is token i inside an example the requirement gives — a parenthesis that opens with "e.g." or "for
 * example" ("(e.g. over longer periods)")? An example illustrates; the requirement is the rest.
 */
export function inExample(text: string, tokens: Tokens, from: number, i: number): boolean {
  const at = tokens.start(i);
  const open = text.lastIndexOf('(', at);
  if (open < 0 || open < (from < tokens.length ? tokens.start(from) : 0) || text.lastIndexOf(')', at) > open) return false;
  return EXAMPLE_MARK.test(text.slice(open + 1, open + 20).trimStart());
}
