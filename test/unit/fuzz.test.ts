// The fuzzer's reproducers (test/fixtures/fuzz/, saved by `npm run fuzz`) and a short seeded run: no
// exception, no "please report" finding, fixes idempotent and never corrupting, preview HTML sanitised.
// No timing here (tests are not timed); the long run's figures are in BENCHMARKS.md.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { checkDocument, fuzz, fuzzDocuments, mutate, rng, unsafeMarkup } from '../fuzz/fuzzer.js';

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

test('the unsafe-HTML check reads the DOM a browser builds, not the markup text', () => {
  assert.equal(unsafeMarkup('<p>x</p><script>alert(1)</script>'), '<script>');
  assert.equal(unsafeMarkup('<img src=x onerror=alert(1)>'), '<img onerror=…>');
  assert.equal(unsafeMarkup('<a href=" java\tscript:alert(1)">x</a>'), '<a href=" java\tscript:alert(1)">');
  assert.equal(unsafeMarkup('<svg><a xlink:href="javascript:x">y</a></svg>'), '<a href="javascript:x">');
  assert.equal(unsafeMarkup('<template><iframe></iframe></template>'), '<iframe>');
  // Text and quoted attribute values that merely read like markup are not markup.
  assert.equal(unsafeMarkup('<li data-ref="<script"><span>x</span> &#x3C;script</li>'), undefined);
  assert.equal(unsafeMarkup('<p>href=javascript:alert(1) onclick=x</p>'), undefined);
});

test('npm run fuzz -- --json ends with one line of figures (what npm run bench records)', () => {
  const script = join(import.meta.dirname, '../../scripts/fuzz.ts');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, '--docs', '30', '--seed', 'json', '--workers', '2', '--no-save', '--json'],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, r.stderr);
  const figures = JSON.parse(r.stdout.trim().split('\n').pop()!);
  assert.equal(figures.docs, 30);
  assert.equal(figures.workers, 2);
  assert.deepEqual(figures.counts, {
    exception: 0,
    'please-report': 0,
    'fix-not-idempotent': 0,
    'fix-corrupts': 0,
    'unsafe-html': 0,
    slow: 0,
  });
  assert.deepEqual(figures.failures, []);
  assert.equal(figures.peakRssMb.length, 2);
  assert.ok(figures.peakRssMb.every((m: number) => m > 20));
});
