// `pmdocs lint --fix` on a temporary copy of examples/: the safe fixes are written, what changed is
// listed on stderr, the report shows only what no safe fix can solve, and unreadable files stay as
// they were.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';
import { createEngine } from '../../src/core/engine.js';
import type { Finding } from '../../src/core/types.js';

const repo = join(import.meta.dirname, '../..');
let dir = '';

before(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'pmdocs-fix-')));
  cpSync(join(repo, 'examples'), dir, { recursive: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd: dir,
    host: createNodeHost(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { PMDOCS_WORKERS: '0' },
  });
  return { code, stdout, stderr };
}

const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');

test('--fix writes the safe fixes, lists them, and reports only what is left', async () => {
  const originals = new Map(
    [
      'broken/PRD-13-payment-reminders.md',
      'broken/US-201-download-invoice-pdf.md',
      'broken/US-202-pay-by-card.md',
      'broken/RISK-3-payment-reminders.md',
      'broken/EPIC-5-late-payments.md',
      'broken/PRD-14-client-portal.md',
      'broken/REL-1.10.0.md',
      'prd/PRD-12-invoice-csv-export.md',
    ].map((f) => [f, read(f)]),
  );
  const { code, stdout, stderr } = await run(['lint', '--fix', '--format', 'json']);
  assert.equal(code, 1, 'errors no safe fix can solve remain');
  assert.equal(
    stderr,
    [
      "pmdocs: fixed broken/PRD-13-payment-reminders.md:5:9 frontmatter-schema: Replace with 'approved'",
      'pmdocs: fixed broken/RISK-3-payment-reminders.md:20:12 risk-score: Set the score to 9',
      "pmdocs: fixed broken/US-201-download-invoice-pdf.md:6:1 frontmatter-unknown-key: Rename to 'owner'",
      'pmdocs: fixed broken/US-202-pay-by-card.md:13:10 rice-score: Set the RICE score to 720',
      'pmdocs: fixed broken/rfc-9.md:4:1 frontmatter-key-order: Reorder the front-matter keys',
      'pmdocs: fixed 5 problems in 5 files',
      '',
    ].join('\n'),
  );
  // Exactly the fixed text changed; everything else byte for byte as before.
  assert.equal(
    read('broken/PRD-13-payment-reminders.md'),
    originals.get('broken/PRD-13-payment-reminders.md')!.replace('status: aproved', 'status: approved'),
  );
  assert.equal(
    read('broken/US-201-download-invoice-pdf.md'),
    originals.get('broken/US-201-download-invoice-pdf.md')!.replace('ownr: "@sam"', 'owner: "@sam"'),
  );
  assert.equal(
    read('broken/US-202-pay-by-card.md'),
    originals.get('broken/US-202-pay-by-card.md')!.replace('  score: 900', '  score: 720'),
  );
  assert.equal(
    read('broken/RISK-3-payment-reminders.md'),
    originals.get('broken/RISK-3-payment-reminders.md')!.replace('    score: 6 # expect: risk-score', '    score: 9 # expect: risk-score'),
  );
  for (const untouched of [
    'broken/EPIC-5-late-payments.md',
    'broken/PRD-14-client-portal.md',
    'broken/REL-1.10.0.md',
    'prd/PRD-12-invoice-csv-export.md',
  ]) {
    assert.equal(read(untouched), originals.get(untouched), `${untouched} must not change`);
  }

  // The report is the findings of the fixed files: none of them has a safe fix.
  const report = JSON.parse(stdout) as { filePath: string; findings: Finding[] }[];
  const left = report.flatMap((r) =>
    r.findings.map((f) => `${r.filePath}:${f.line} ${f.ruleId}${f.fixes?.some((x) => x.safe) ? ' (safe fix!)' : ''}`),
  );
  // The broken examples of the newer types (EXP-, LAUNCH-, OKR-, RISK-, ADR-, RFC-, RM-) have their own test
  // (examples-broken.test.ts); here they only must not hold a safe fix that --fix left undone.
  assert.deepEqual(
    left.filter((l) => l.endsWith('(safe fix!)')),
    [],
  );
  assert.deepEqual(left.filter((l) => !/^broken\/(?:EXP|LAUNCH|OKR|RISK|ADR|RFC|RM)-/.test(l)).sort(), [
    'broken/EPIC-5-late-payments.md:6 frontmatter-syntax',
    'broken/PRD-13-payment-reminders.md:20 required-section',
    'broken/PRD-14-client-portal.md:1 frontmatter-language',
    'broken/REL-1.10.0.md:6 yaml-coerced-scalar',
    'broken/US-201-download-invoice-pdf.md:18 user-story-statement',
    'broken/US-202-pay-by-card.md:33 gherkin-malformed',
    'broken/US-202-pay-by-card.md:6 ref-unresolved',
    'broken/rfc-9.md:25 required-section',
    'broken/rfc-9.md:29 section-unexpected',
  ]);

  // The report matches a fresh lint of the files as written.
  const second = await run(['lint', '--format', 'json']);
  assert.deepEqual(JSON.parse(second.stdout), report);
  // A second --fix has nothing left to do.
  const again = await run(['lint', '--fix', '--format', 'json']);
  assert.equal(again.stderr, '');
});

test('--fix keeps a BOM and CRLF line breaks', async () => {
  const engine = createEngine();
  const text =
    '\uFEFF---\r\ntype: user-story\r\nid: US-9\r\ntitle: Pay\r\nstatus: redy\r\nestimate: 3\r\n---\r\n\r\n# Pay\r\n\r\n## Story\r\n\r\nAs a buyer, I want to pay, so that I get the goods.\r\n\r\n## Acceptance criteria\r\n\r\n- [ ] Paid.\r\n';
  writeFileSync(join(dir, 'crlf.md'), text);
  const { stderr } = await run(['lint', '--fix', 'crlf.md']);
  assert.equal(stderr, "pmdocs: fixed crlf.md:5:9 frontmatter-schema: Replace with 'ready'\npmdocs: fixed 1 problem in 1 file\n");
  const written = read('crlf.md');
  assert.equal(written, text.replace('status: redy', 'status: ready'));
  assert.deepEqual(engine.lint(written.slice(1)).findings, []);
});
