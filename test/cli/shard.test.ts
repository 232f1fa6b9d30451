// `pmdocs lint --shard i/n`: every file is linted by exactly one shard, each shard checks references
// against the whole workspace, and the shards' findings together are one unsharded run's (examples/ and
// a generated corpus). SARIF: one run per shard, each with its own automation id, the same rule list.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';
import { parseShard, shardOf } from '../../src/core/workspace/shard.js';

const repo = join(import.meta.dirname, '../..');
const examples = join(repo, 'examples');

async function lint(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: ['lint', ...args],
    cwd,
    host: createNodeHost(),
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env: { PMDOCS_WORKERS: '0' },
    now: () => new Date(2026, 4, 1),
  });
  return { code, stdout, stderr };
}

interface JsonResult {
  filePath: string;
  findings: unknown[];
}

/** Lints every shard of `count`: the union of their JSON results (sorted by path) and each shard's exit code. */
async function shardedUnion(cwd: string, count: number): Promise<{ union: JsonResult[]; codes: number[]; perShard: string[][] }> {
  const union: JsonResult[] = [];
  const codes: number[] = [];
  const perShard: string[][] = [];
  for (let i = 1; i <= count; i++) {
    const r = await lint(cwd, ['--format', 'json', '--shard', `${i}/${count}`]);
    assert.equal(r.stderr, '', `shard ${i}/${count} wrote to stderr`);
    const results = JSON.parse(r.stdout) as JsonResult[];
    union.push(...results);
    codes.push(r.code);
    perShard.push(results.map((x) => x.filePath));
  }
  union.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { union, codes, perShard };
}

function assertUnionIsWhole(whole: { code: number; stdout: string }, sharded: Awaited<ReturnType<typeof shardedUnion>>) {
  assert.deepEqual(sharded.union, JSON.parse(whole.stdout));
  const seen = sharded.perShard.flat();
  assert.equal(new Set(seen).size, seen.length, 'a file was reported by two shards');
  assert.equal(Math.max(...sharded.codes), whole.code);
}

describe('--shard on examples/', () => {
  test('the union of the shards is the unsharded run, for 1, 2, 3 and 5 shards', async () => {
    const whole = await lint(examples, ['--format', 'json']);
    assert.equal(whole.code, 1);
    const findings = (JSON.parse(whole.stdout) as { findings: { ruleId: string }[] }[]).flatMap((r) => r.findings);
    assert.ok(
      findings.some((f) => f.ruleId === 'ref-unresolved'),
      'examples/ has cross-document findings',
    );
    for (const n of [1, 2, 3, 5]) assertUnionIsWhole(whole, await shardedUnion(examples, n));
  });

  test('a shard resolves references to documents that another shard lints', async () => {
    // US-101 references PRD-12 and EPIC-4: in the shard without them, they still resolve.
    const story = 'stories/US-101-export-invoices-as-csv.md';
    const prd = 'prd/PRD-12-invoice-csv-export.md';
    let n = 2;
    while (shardOf(story, n) === shardOf(prd, n)) n++;
    const mine = shardOf(story, n);
    const r = await lint(examples, ['--format', 'json', '--shard', `${mine}/${n}`]);
    const results = JSON.parse(r.stdout) as { filePath: string; findings: { ruleId: string }[] }[];
    assert.ok(!results.some((x) => x.filePath === prd), 'PRD-12 is linted by another shard');
    const own = results.find((x) => x.filePath === story);
    assert.ok(own, 'the story is in its shard');
    assert.deepEqual(
      own.findings.filter((f) => f.ruleId === 'ref-unresolved'),
      [],
    );
  });

  test('SARIF: each shard is one run with its own automation id and the full rule list; together they hold every result', async () => {
    const whole = JSON.parse((await lint(examples, ['--format', 'sarif'])).stdout);
    assert.equal(whole.runs[0].automationDetails, undefined);
    const ids: string[] = [];
    const results: unknown[] = [];
    for (let i = 1; i <= 3; i++) {
      const log = JSON.parse((await lint(examples, ['--format', 'sarif', '--shard', `${i}/3`])).stdout);
      assert.equal(log.runs.length, 1);
      ids.push(log.runs[0].automationDetails.id);
      assert.deepEqual(log.runs[0].tool, whole.runs[0].tool);
      results.push(...log.runs[0].results);
    }
    assert.deepEqual(ids, ['pmdocs/shard-1-of-3/', 'pmdocs/shard-2-of-3/', 'pmdocs/shard-3-of-3/']);
    const key = (r: unknown) => JSON.stringify(r);
    assert.deepEqual(results.map(key).sort(), whole.runs[0].results.map(key).sort());
  });
});

describe('--shard on a generated corpus', () => {
  let dir = '';
  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'pmdocs-shard-')));
    const r = spawnSync(process.execPath, [join(repo, 'bench', 'gen-corpus.mjs'), join(dir, 'docs'), '--docs', '300', '--seed', 'shard'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the union of 4 shards is the unsharded run', async () => {
    const cwd = join(dir, 'docs');
    const whole = await lint(cwd, ['--format', 'json']);
    assert.equal(whole.code, 1);
    const sharded = await shardedUnion(cwd, 4);
    assertUnionIsWhole(whole, sharded);
    for (const files of sharded.perShard) assert.ok(files.length > 0, 'every shard has files');
  });

  test('adding a file moves no other file to another shard', async () => {
    const cwd = join(dir, 'docs');
    const before = (await shardedUnion(cwd, 3)).perShard;
    writeFileSync(join(cwd, 'stories', 'US-99999-added.md'), '---\ntype: user-story\nid: US-99999\n---\n# Added\n');
    const afterAdding = (await shardedUnion(cwd, 3)).perShard;
    rmSync(join(cwd, 'stories', 'US-99999-added.md'));
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(
        afterAdding[i]!.filter((p) => p !== 'stories/US-99999-added.md'),
        before[i],
      );
    }
  });
});

describe('--shard arguments', () => {
  const cases: [string[], string][] = [
    [['--shard', '0/2'], "pmdocs: --shard 0/2: the shard number must be between 1 and 2\nRun 'pmdocs --help' for usage.\n"],
    [['--shard', '3/2'], "pmdocs: --shard 3/2: the shard number must be between 1 and 2\nRun 'pmdocs --help' for usage.\n"],
    [['--shard', '1/0'], "pmdocs: --shard 1/0: the number of shards must be at least 1\nRun 'pmdocs --help' for usage.\n"],
    [['--shard', 'two/4'], "pmdocs: --shard needs the form i/n (for example 2/4), not 'two/4'\nRun 'pmdocs --help' for usage.\n"],
    [['--shard', '1/2/3'], "pmdocs: --shard needs the form i/n (for example 2/4), not '1/2/3'\nRun 'pmdocs --help' for usage.\n"],
    [['--shard'], "pmdocs: option '--shard' needs a value\nRun 'pmdocs --help' for usage.\n"],
  ];
  for (const [args, stderr] of cases) {
    test(args.join(' '), async () => {
      const r = await lint(examples, args);
      assert.deepEqual(r, { code: 2, stdout: '', stderr });
    });
  }

  test('parseShard and shardOf', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.deepEqual(parseShard(' 1/1 '), { index: 1, count: 1 });
    assert.equal(shardOf('stories/US-1.md', 1), 1);
    // The split depends on the path only: the same path, the same shard, whatever else exists.
    assert.equal(shardOf('stories/US-1.md', 4), shardOf('stories/US-1.md', 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`stories/US-${i}.md`, 4) - 1]!++;
    for (const c of counts) assert.ok(c > 800 && c < 1200, `an uneven split: ${counts.join(', ')}`);
  });
});
