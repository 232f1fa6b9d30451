// `pmdocs lint --changed-since <ref>` on a temporary git repository (examples/' PRD-12, EPIC-4 and three
// stories, with their config): the files git reports changed plus the documents that reference them
// through the index (also ones deleted or renamed since the ref), paths with spaces and non-ASCII
// characters, and the errors (no repository, unknown ref, a ref that looks like an option).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';

const examples = join(import.meta.dirname, '../../examples');
const PRD = 'prd/PRD-12-invoice-csv-export.md';
const EPIC = 'epics/EPIC-4-accountant-ready-exports.md';
const US101 = 'stories/US-101-export-invoices-as-csv.md';
const US102 = 'stories/US-102-choose-csv-columns.md';
const US103 = 'stories/US-103-export-current-filter.md';

interface JsonResult {
  filePath: string;
  findings: { ruleId: string; message: string }[];
}

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

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync(
    'git',
    ['-c', 'user.name=pmdocs test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('--changed-since', () => {
  let dir = '';
  /** The findings of one full run, by file: a changed-since run must report exactly these for its files. */
  let full = new Map<string, JsonResult>();

  before(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'pmdocs-changed-')));
    for (const p of ['.pmdocs.json', 'schemas', PRD, EPIC, US101, US102, US103])
      cpSync(join(examples, p), join(dir, p), { recursive: true });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'tag', 'base');
    const r = await lint(dir, ['--format', 'json']);
    full = new Map((JSON.parse(r.stdout) as JsonResult[]).map((x) => [x.filePath, x]));
    assert.equal(full.size, 5);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The results of a changed-since run (which writes nothing on stderr). */
  async function changedRun(ref: string): Promise<JsonResult[]> {
    const r = await lint(dir, ['--format', 'json', '--changed-since', ref]);
    assert.equal(r.stderr, '');
    const results = JSON.parse(r.stdout) as JsonResult[];
    return results;
  }
  const paths = (results: JsonResult[]) => results.map((r) => r.filePath);

  test('nothing changed: nothing linted, exit 0', async () => {
    const r = await lint(dir, ['--changed-since', 'HEAD', '--format', 'json']);
    assert.deepEqual(r, { code: 0, stdout: '[]\n', stderr: '' });
  });

  test('an edited story that no document references: that story only, with the findings of a full run', async () => {
    appendFileSync(join(dir, US102), '\nOne more line.\n');
    try {
      const results = await changedRun('HEAD');
      assert.deepEqual(paths(results), [US102]);
      assert.deepEqual(results[0]!.findings, full.get(US102)!.findings);
    } finally {
      git(dir, 'checkout', '--', US102);
    }
  });

  test('a committed edit of the epic: the epic and the PRD and stories that reference it', async () => {
    appendFileSync(join(dir, EPIC), '\nA note.\n');
    git(dir, 'commit', '-q', '-am', 'edit the epic');
    try {
      const results = await changedRun('base');
      assert.deepEqual(paths(results), [EPIC, PRD, US101, US102, US103]);
      for (const r of results) assert.deepEqual(r.findings, full.get(r.filePath)!.findings, r.filePath);
      assert.deepEqual(await changedRun('HEAD'), []);
    } finally {
      git(dir, 'reset', '-q', '--hard', 'base');
    }
  });

  test('a deleted epic: the documents that referenced it are linted and report the broken reference', async () => {
    git(dir, 'rm', '-q', EPIC);
    git(dir, 'commit', '-q', '-m', 'drop the epic');
    try {
      const results = await changedRun('base');
      assert.deepEqual(paths(results), [PRD, US101, US102, US103]);
      for (const r of results) {
        assert.ok(
          r.findings.some((f) => f.ruleId === 'ref-unresolved' && f.message.includes("'EPIC-4'")),
          `${r.filePath} reports EPIC-4 as unresolved`,
        );
      }
    } finally {
      git(dir, 'reset', '-q', '--hard', 'base');
    }
  });

  test('renamed and untracked files whose paths have spaces and non-ASCII characters', async () => {
    const renamed = 'stories/US-103 exporté – filtre.md';
    const added = 'stories/Ünïcode story 104.md';
    git(dir, 'mv', US103, renamed);
    git(dir, 'commit', '-q', '-m', 'rename');
    writeFileSync(join(dir, added), readFileSync(join(dir, US102), 'utf8').replace('id: US-102', 'id: US-104'));
    try {
      const results = await changedRun('base');
      assert.deepEqual(paths(results).sort(), [added, renamed].sort());
    } finally {
      rmSync(join(dir, added));
      git(dir, 'reset', '-q', '--hard', 'base');
    }
  });

  test('a changed .pmdocs.json: every document it covers', async () => {
    appendFileSync(join(dir, '.pmdocs.json'), '\n');
    try {
      assert.deepEqual(paths(await changedRun('HEAD')), [EPIC, PRD, US101, US102, US103]);
    } finally {
      git(dir, 'checkout', '--', '.pmdocs.json');
    }
  });

  test('errors: an unknown ref, a ref that looks like an option', async () => {
    assert.deepEqual(await lint(dir, ['--changed-since', 'no-such-branch']), {
      code: 2,
      stdout: '',
      stderr: "pmdocs: --changed-since: unknown git ref 'no-such-branch' (no commit of that name in this repository)\n",
    });
    assert.deepEqual(await lint(dir, ['--changed-since=--output=x']), {
      code: 2,
      stdout: '',
      stderr: "pmdocs: --changed-since needs a git ref (a branch, tag or commit), not '--output=x'\nRun 'pmdocs --help' for usage.\n",
    });
  });

  test('errors: no git program', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pmdocs-nopath-'));
    const path = process.env['PATH'];
    process.env['PATH'] = empty; // git is looked up on the PATH of this process
    try {
      assert.deepEqual(await lint(dir, ['--changed-since', 'HEAD']), {
        code: 2,
        stdout: '',
        stderr: 'pmdocs: --changed-since needs git, and no git program was found\n',
      });
    } finally {
      process.env['PATH'] = path;
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('errors: not a git repository', async () => {
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'pmdocs-nogit-')));
    try {
      // Only meaningful when the temporary folder is not itself inside a repository.
      const inRepo = spawnSync('git', ['rev-parse', '--git-dir'], { cwd: outside }).status === 0;
      const r = await lint(outside, ['--changed-since', 'main']);
      if (inRepo) assert.notEqual(r.stderr, '');
      else
        assert.deepEqual(r, {
          code: 2,
          stdout: '',
          stderr: `pmdocs: --changed-since needs a git repository, and ${outside} is not inside one\n`,
        });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
