// Is a word inside a subordinate clause ("if the driver does not …", "users who may …")? Such a clause
// states a condition or describes something; the requirement itself is the main clause. Tokens only:
// a subordinating word between the last clause boundary (sentence start, comma, semicolon) and the word.

import type { Tokens } from './match.js';

const SUBORDINATORS = new Set([
  'if',
  'when',
  'whenever',
  'unless',
  'until',
  'where',
  'wherever',
  'whether',
  'which',
  'who',
  'whom',
  'whose',
  'that',
  'because',
  'since',
  'once',
  'while',
  'whilst',
  'although',
  'though',
  'after',
  'before',
  'as',
]);

export function inSubordinateClause(tokens: Tokens, text: string, sentenceStart: number, i: number): boolean {
  for (let k = i - 1; k >= sentenceStart; k--) {
    if (SUBORDINATORS.has(tokens.word(k))) return true;
    if (k > sentenceStart && /[,;:]/.test(text.slice(tokens.end(k - 1), tokens.start(k)))) return false;
  }
  return false;
}
