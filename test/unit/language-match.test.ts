// Phrase matching of the requirement-language rules: whole words, hyphen and space alike, the longest
// phrase first, compound tails and acronyms skipped; the per-requirement first-word masks give the same
// matches as a plain scan, also for a list compiled after a requirement's masks were computed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTerms, tokenize } from '../../src/core/language/match.js';

const words = (text: string, terms: readonly string[]) => findTerms(tokenize(text), terms).map((m) => `${m.term}@${m.first}`);

test('whole words, longest phrase first, "-" and space alike, curly apostrophes read as straight', () => {
  const terms = ['easy', 'easy to use', 'user-friendly', "don't"];
  assert.deepEqual(words('The page is easy to use and user friendly; don’t wait. Easygoing.', terms), [
    'easy to use@3',
    'user-friendly@7',
    "don't@9",
  ]);
});

test('the tail of a compound and an acronym are not words of the lists', () => {
  assert.deepEqual(words('A password-less sign-in for IT and it.', ['less', 'it']), ['it@8']);
});

test('a list compiled after the masks of a requirement were computed still finds its words', () => {
  const tokens = tokenize('The export should be fast and reliable.');
  assert.deepEqual(
    findTerms(tokens, ['should']).map((m) => m.term),
    ['should'],
  );
  const later = ['reliable', 'fast'];
  assert.deepEqual(
    findTerms(tokens, later).map((m) => m.term),
    ['fast', 'reliable'],
  );
  assert.deepEqual(findTerms(tokens, ['absent']), []);
});

test('a window [from, to) limits where a phrase may start and end', () => {
  const tokens = tokenize('fast response time is good');
  const terms = ['response time', 'response'];
  assert.deepEqual(
    findTerms(tokens, terms, 1, 2).map((m) => m.term),
    ['response'],
  );
  assert.deepEqual(
    findTerms(tokens, terms, 1, 3).map((m) => m.term),
    ['response time'],
  );
});

test('more lists than mask bits: the lists past the last bit are scanned word by word', () => {
  const lists = Array.from({ length: 40 }, (_, i) => [`w${i}`]);
  const tokens = tokenize('w0 w35 w39');
  assert.deepEqual(
    lists.flatMap((l) => findTerms(tokens, l).map((m) => m.term)),
    ['w0', 'w35', 'w39'],
  );
});
