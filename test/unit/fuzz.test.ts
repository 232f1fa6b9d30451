// The fuzzer's reproducers (test/fixtures/fuzz/, saved by `npm run fuzz`) and a short seeded run: no
// exception, no "please report" finding, fixes idempotent and never corrupting, preview HTML sanitised.
// No timing here (tests are not timed); the long run's figures are in BENCHMARKS.md.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { checkDocument, fuzz, fuzzDocuments, mutate, rng } from '../fuzz/fuzzer.js';

const fixtures = join(import.meta.dirname, '../fixtures/fuzz');

test('every saved fuzz reproducer now runs clean', () => {
  const engine = createEngine();
  const names = readdirSync(fixtures)
    .filter((n) => n.endsWith('.md'))
    .sort();
  assert.ok(names.length >= 5);
  for (const name of names) assert.deepEqual(checkDocument(engine, readFileSync(join(fixtures, name), 'utf8')), [], name);
});

test('the fuzzer is deterministic: the same seed gives the same documents', () => {
  const a = [...fuzzDocuments(20, 'same')];
  const b = [...fuzzDocuments(20, 'same')];
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, [...fuzzDocuments(20, 'other')]);
  assert.notEqual(mutate('abc\ndef\n', rng('x')), undefined);
});

test('a short seeded fuzz run (1,000 documents) finds nothing', () => {
  const summary = fuzz(1000, 'npm-test');
  assert.deepEqual(
    summary.failures.map((f) => `#${f.index} ${f.failure.kind}: ${f.failure.detail}`),
    [],
  );
});
