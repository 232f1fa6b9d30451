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

test('words are matched by their text, not their hash: two words with the same 32-bit hash stay apart', () => {
  // "hbejqlo" and "xkateog" have the same FNV-1a hash (found by a search over random words).
  assert.equal(tokenize('hbejqlo').hash(0), tokenize('xkateog').hash(0));
  assert.deepEqual(words('xkateog then hbejqlo', ['hbejqlo']), ['hbejqlo@2']);
  assert.deepEqual(words('the hbejqlo xkateog', ['the xkateog xkateog']), []);
});

test('a word is read in lower case on demand, from its offsets; past either end it is empty', () => {
  const t = tokenize('Export the CSV, Straße and Don’t');
  assert.deepEqual(t.joined(0, t.length), "export the csv straße and don't");
  assert.equal(t.word(-1), '');
  assert.equal(t.word(t.length), '');
  assert.equal(t.text.slice(t.start(2), t.end(2)), 'CSV');
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

// The reference: WORD scanning the text left to right, as tokenize did before its ASCII fast path.
function referenceWords(text: string): string[] {
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  const out: string[] = [];
  for (const m of source.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const word = (source === lower ? m[0] : m[0].toLowerCase()).replace(/’/g, "'");
    out.push(`${word}@${m.index}-${m.index + m[0].length}`);
  }
  return out;
}
const scanned = (text: string) => {
  const t = tokenize(text);
  return Array.from({ length: t.length }, (_, i) => `${t.word(i)}@${t.start(i)}-${t.end(i)}`);
};

test('tokenize reads the words the Unicode pattern reads: apostrophes, digits, accents, dashes, scripts', () => {
  const cases = [
    "don't can't 'quoted' rock'n'roll it's9 o'9 x'' 'a",
    'don’t naïve café—fast résumé São Paulo Straße ΑΒΓ мир 東京 ١٢٣',
    'v1.2.3 p95 2s 10ms user-friendly a--b _x_ *bold* `code`',
    'İstanbul ǅemal ß ﬁle KELVIN\u212A x\u00a0y e\u0301',
    '',
    "'",
    "a'",
    "a'b'c'd9e",
  ];
  for (const text of cases) assert.deepEqual(scanned(text), referenceWords(text), text);
});

test('tokenize agrees with the Unicode pattern on random mixes of ASCII, apostrophes and other scripts', () => {
  const alphabet = ['a', 'Z', '7', "'", '’', ' ', '-', '.', 'é', 'ß', 'Ω', '東', '\u0301', 'İ', '—', '_', 'Σ', 'A'];
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % alphabet.length;
  for (let k = 0; k < 2000; k++) {
    let text = '';
    for (let i = 0; i < 1 + (k % 24); i++) text += alphabet[next()];
    assert.deepEqual(scanned(text), referenceWords(text), JSON.stringify(text));
  }
});
