// Smoke test of `npm run bench:language` on three sentences: the two documents it writes, the scoring
// rule, and one run through the built CLI (the measurement itself is not part of the tests).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain ESM module of the bench, no type declarations
import { covers, documents, flagsByRequirement, inlineMarkdown, score } from '../../bench/language/score.mjs';

const repo = join(import.meta.dirname, '../..');
const requirements = [
  { text: 'The export should finish quickly.', smells: { uncertain_verb: ['should'], subjective_lang: ['quickly'] } },
  { text: '1. The user | admin may\n  pause reminders.', smells: { uncertain_verb: ['may'] } },
  { text: 'The invoice shows its total.', smells: {} },
];

test('each requirement is one list item and one table row, on known lines, escaped', () => {
  const { list, table } = documents(requirements);
  const listLines = list.text.split('\n');
  const tableLines = table.text.split('\n');
  assert.equal(listLines[list.lines[0] - 1], '- The export should finish quickly.');
  assert.equal(listLines[list.lines[1] - 1], '- 1\\. The user | admin may pause reminders.');
  assert.equal(tableLines[table.lines[1] - 1], '| 2 | 1\\. The user \\| admin may pause reminders. | must |');
  assert.equal(inlineMarkdown('<b> and *x*'), '\\<b\\> and \\*x\\*');
});

test('a true positive needs a flagged word among the labelled ones (two-word labels run together count)', () => {
  assert.equal(covers('should', 'should'), true);
  assert.equal(covers('it', 'items'), false);
  assert.equal(covers('at least', 'atleast'), true);
  const flags = [
    [{ ruleId: 'req-weak-modal', text: 'should' }],
    [{ ruleId: 'req-weak-modal', text: 'pause' }],
    [{ ruleId: 'req-weak-modal', text: 'shows' }],
  ];
  const s = score(requirements, flags, { uncertain_verb: ['req-weak-modal'], polysemy: [] }).uncertain_verb;
  assert.deepEqual([s.tp, s.fp, s.fn], [1, 2, 1]);
  assert.deepEqual(
    flagsByRequirement(
      [
        { line: 12, ruleId: 'r', actual: 'x' },
        { line: 99, ruleId: 'r' },
      ],
      [12, 13],
      '',
    ),
    [[{ ruleId: 'r', text: 'x' }]],
  );
});

test('npm run bench:language on three requirements: both forms scored through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pmdocs-bench-language-test-'));
  try {
    const data = join(dir, 'tiny.jsonl');
    writeFileSync(data, requirements.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = spawnSync(process.execPath, [join(repo, 'bench/language/run.mjs'), '--data', data, '--no-write'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const row = r.stdout.split('\n').find((l) => l.includes('(`uncertain_verb`)'));
    assert.ok(row, r.stdout);
    assert.match(row, /\| 1\.00 \/ 1\.00 \/ \*\*1\.000\*\* \| 1\.00 \/ 1\.00 \/ \*\*1\.000\*\* \|/);
    assert.match(r.stdout, /polysemy \(`polysemy`\) \| not covered/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run bench:language-cost: both configs checked on a PRD, then timed pairs on a folder, one JSON line of figures', () => {
  const r = spawnSync(
    process.execPath,
    [join(repo, 'bench/language/cost.mjs'), '--corpus', join(repo, 'examples'), '--rounds', '2', '--no-write', '--json'],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const figures = JSON.parse(r.stdout.trim().split('\n').pop()!);
  assert.equal(figures.rounds, 2);
  assert.equal(figures.withS.length, 2);
  assert.equal(figures.withoutS.length, 2);
  assert.ok([...figures.withS, ...figures.withoutS].every((s: number) => s > 0));
  assert.equal(figures.ids.length, 10);
  assert.match(r.stdout, /\| CPU time, all 2 runs \| [\d.]+ s \| [\d.]+ s \| \*\*[+−][\d.]+ %\*\* \|/);
  assert.match(r.stderr, /round 2\/2: with [\d.]+ s, without [\d.]+ s/);
});
