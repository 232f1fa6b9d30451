// supersession-reciprocal through the CLI: `pmdocs lint` over a folder of decision records finds each
// one-sided supersession link on the right line, and with --cache a fix in the *other* document clears
// the finding on the next run (the cached findings of ADR-0020 depend on what the index says of ADR-0021,
// including its references).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';

const fixtures = join(import.meta.dirname, '../fixtures/rules/supersession-reciprocal/workspace');
const dir = mkdtempSync(join(tmpdir(), 'pmdocs-supersession-'));
cpSync(fixtures, dir, { recursive: true });
after(() => rmSync(dir, { recursive: true, force: true }));

async function lint(args: string[]) {
  let stdout = '';
  const code = await main({
    argv: ['lint', '--format', 'json', ...args, '.'],
    cwd: dir,
    host: createNodeHost(),
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: () => {} },
    env: { PMDOCS_WORKERS: '0' },
    now: () => new Date(2026, 11, 7),
  });
  const report = JSON.parse(stdout) as { filePath: string; findings: { ruleId: string; line: number; column: number }[] }[];
  const findings = report.flatMap((r) => r.findings.map((f) => `${r.filePath}:${f.line}:${f.column} ${f.ruleId}`));
  return { code, findings };
}

test('each one-sided link is a warning on its own line; fixing the other record clears it, also from the cache', async () => {
  const first = await lint(['--cache']);
  assert.equal(first.code, 0, 'warnings only');
  assert.deepEqual(first.findings, [
    'ADR-0020.md:8:14 supersession-reciprocal',
    'ADR-0030.md:8:16 supersession-reciprocal',
    'ADR-0040.md:8:14 supersession-reciprocal',
    'RFC-2.md:9:14 supersession-reciprocal',
  ]);
  // ADR-0021 now says what replaced it: ADR-0020's finding goes, though ADR-0020 itself did not change.
  const old = join(dir, 'ADR-0021.md');
  writeFileSync(old, readFileSync(old, 'utf8').replace('status: accepted\n', 'status: superseded\nsuperseded_by: ADR-0020\n'));
  const second = await lint(['--cache']);
  assert.deepEqual(second.findings, [
    'ADR-0030.md:8:16 supersession-reciprocal',
    'ADR-0040.md:8:14 supersession-reciprocal',
    'RFC-2.md:9:14 supersession-reciprocal',
  ]);
  // Only a reference changes in ADR-0031 (no status, no title): ADR-0030's cached findings still go stale.
  const replacement = join(dir, 'ADR-0031.md');
  writeFileSync(
    replacement,
    readFileSync(replacement, 'utf8').replace('decision-makers: ["@cto"]\n', 'decision-makers: ["@cto"]\nsupersedes: [ADR-0030]\n'),
  );
  const third = await lint(['--cache']);
  assert.deepEqual(third.findings, ['ADR-0040.md:8:14 supersession-reciprocal', 'RFC-2.md:9:14 supersession-reciprocal']);
});
