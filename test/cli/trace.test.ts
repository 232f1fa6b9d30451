// `pmdocs trace` on examples/, in-process through main(): the JSON as data, the Markdown as a snapshot
// (what a CI job summary shows), Mermaid's shape, and the usage errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
  .replace(/\\/g, '/')
  .replace(/\/$/, '');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: ROOT,
    host: createNodeHost(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  });
  return { code, stdout, stderr };
}

interface JsonTrace {
  totals: Record<string, number>;
  prds: {
    id: string;
    status: string;
    coverage: Record<string, number>;
    requirements: { id: string; priority?: string; stories: string[]; epics: string[]; done: boolean }[];
    epics: { id: string; stories: string[] }[];
    stories: { id: string; status: string; done: boolean; releases: string[]; implements: string[] }[];
    releases: { id: string }[];
    gaps: { kind: string; subject: string; message: string }[];
  }[];
  orphans: { id: string; path: string }[];
}

test('JSON: every PRD of examples/ with its requirements, stories, releases, gaps and coverage', async () => {
  const { code, stdout, stderr } = await run('trace', 'examples', '--format', 'json');
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const data = JSON.parse(stdout) as JsonTrace;
  assert.deepEqual(data.totals, { prds: 2, requirements: 6, covered: 5, delivered: 5, percent: 83, stories: 4, storiesDone: 3, gaps: 1 });
  const prd12 = data.prds.find((p) => p.id === 'PRD-12')!;
  assert.deepEqual(
    prd12.requirements.map((r) => [r.id, r.priority, r.stories, r.done]),
    [
      ['FR-1', 'must', ['US-101'], true],
      ['FR-2', 'must', ['US-101'], true],
      ['FR-3', 'must', ['US-101'], true],
      ['FR-4', 'should', ['US-102'], true],
      ['FR-5', 'should', ['US-103'], true],
      ['FR-6', 'could', [], false],
    ],
  );
  assert.deepEqual(prd12.epics, [
    {
      id: 'EPIC-4',
      path: 'examples/epics/EPIC-4-accountant-ready-exports.md',
      title: 'Accountant-ready invoice exports',
      status: 'done',
      done: true,
      stories: ['US-101', 'US-102', 'US-103'],
      implements: [],
    },
  ]);
  assert.deepEqual(
    prd12.stories.map((s) => [s.id, s.status, s.releases]),
    [
      ['US-101', 'done', ['REL-2.4.0']],
      ['US-102', 'done', ['REL-2.4.0']],
      ['US-103', 'done', ['REL-2.4.0']],
    ],
  );
  assert.deepEqual(
    prd12.releases.map((r) => r.id),
    ['REL-2.4.0'],
  );
  assert.deepEqual(prd12.gaps, [
    { kind: 'requirement-no-story', subject: 'PRD-12', message: 'PRD-12#FR-6 (could) has no story or epic implementing it' },
  ]);
  assert.deepEqual(prd12.coverage, { requirements: 6, covered: 5, delivered: 5, percent: 83, stories: 3, storiesDone: 3 });
  assert.deepEqual(
    data.orphans.map((o) => o.id),
    ['US-202'],
  );
});

test('Markdown (the default): counts, coverage and gaps with links, for a job summary', async () => {
  const { code, stdout } = await run('trace', 'examples');
  assert.equal(code, 0);
  assert.equal(
    stdout,
    `## Traceability

**2 PRDs** · 6 requirements, 5 covered (83 %), 5 delivered · 4 stories, 3 done · 1 gap

| PRD | Status | Requirements covered | Stories done | Releases | Gaps |
|---|---|---|---|---|---|
| [PRD-12](examples/prd/PRD-12-invoice-csv-export.md) Export invoices as CSV | launched | 5/6 (83 %) | 3/3 | REL-2.4.0 | 1 |
| [PRD-13](examples/broken/PRD-13-payment-reminders.md) Automatic payment reminders | aproved | – | 0/1 | – | 0 |

### Gaps

- [PRD-12](examples/prd/PRD-12-invoice-csv-export.md): PRD-12#FR-6 (could) has no story or epic implementing it

### Stories that reach no PRD

- [US-202](examples/broken/US-202-pay-by-card.md) Pay an invoice by card
`,
  );
});

test('paths choose the PRDs traced; the links are still read from the whole workspace', async () => {
  const { code, stdout } = await run('trace', 'examples/prd', '--format', 'mermaid');
  assert.equal(code, 0);
  const lines = stdout.split('\n');
  assert.equal(lines[0], 'flowchart LR');
  for (const line of [
    '  PRD_12["PRD-12 (launched)"]:::prd',
    '  PRD_12_FR_6["FR-6"]:::gap',
    '  EPIC_4 --> US_102',
    '  US_103 --> REL_2_4_0',
  ])
    assert.ok(lines.includes(line), `missing ${line}`);
  assert.ok(!stdout.includes('PRD_13'), 'only the PRDs among the paths');
});

test('usage errors exit 2', async () => {
  assert.equal((await run('trace', '--format', 'yaml')).code, 2);
  assert.match((await run('trace', 'no-such-folder')).stderr, /no such file or directory: no-such-folder/);
});
