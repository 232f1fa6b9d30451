// x-pmdocs `headingMatch` (issue 11): `normalized` (default) matches headings ignoring case and
// punctuation; `exact` accepts only a heading written exactly as a name, synonym or closedSections extra,
// and reports a required section written another way, with a safe rename to the written form.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/load.js';
import { createEngine } from '../../src/core/engine.js';
import { applyEdits } from '../../src/core/fixes/applyFixes.js';
import { memoryHost } from '../helpers/memoryHost.js';

const engine = createEngine();

async function lint(headingMatch: string | undefined, body: string) {
  const xPmdocs = {
    type: 'eip',
    sections: [
      { name: 'Abstract', required: true },
      { name: 'Motivation', synonyms: ['Why'], required: true },
    ],
    order: ['Abstract', 'Motivation'],
    closedSections: ['Appendix'],
    ...(headingMatch ? { headingMatch } : {}),
  };
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', 'x-pmdocs': xPmdocs };
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({ docTypes: { eip: { schema: './eip.schema.json' } } }),
    '/ws/eip.schema.json': JSON.stringify(schema),
  });
  const config = await loadConfig(host, '/ws/a.md');
  assert.deepEqual(config.problems, []);
  const text = `---\ntype: eip\n---\n\n${body}`;
  return { text, findings: engine.lint(text, { path: '/ws/a.md', config }).findings };
}

const BODY = '## abstract\n\nWhat.\n\n## Why\n\nBecause.\n\n## APPENDIX\n\nMore.\n';

test('normalized (the default): case and punctuation do not matter', async () => {
  assert.deepEqual((await lint(undefined, BODY)).findings, []);
  assert.deepEqual((await lint('normalized', BODY)).findings, []);
});

test('exact: a required section written another way is reported on its heading, with a safe rename', async () => {
  const { text, findings } = await lint('exact', BODY);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.line, f.column, f.endColumn, f.message]),
    [
      [
        'required-section',
        5,
        1,
        12,
        "Heading 'abstract' is the required section 'Abstract' written differently; the 'eip' type matches headings exactly (headingMatch: exact): rename it.",
      ],
      [
        'section-unexpected',
        13,
        1,
        12,
        "Section 'APPENDIX' is not a section the 'eip' type allows. Did you mean 'Appendix'? Allowed: Abstract, Motivation, Appendix.",
      ],
    ],
  );
  const fix = findings[0]!.fixes![0]!;
  assert.equal(fix.safe, true);
  assert.equal(fix.title, "Rename the heading to 'Abstract'");
  const fixed = applyEdits(text, fix.edits);
  assert.match(fixed, /\n## Abstract\n/);
  assert.deepEqual(
    (await lint('exact', fixed.slice(fixed.indexOf('## Abstract')))).findings.map((f) => f.ruleId),
    ['section-unexpected'],
  );
});

test('exact: a synonym and an allowed extra written exactly are accepted; a missing section is still missing', async () => {
  assert.deepEqual((await lint('exact', '## Abstract\n\nA.\n\n## Why\n\nB.\n\n## Appendix\n\nC.\n')).findings, []);
  const { findings } = await lint('exact', '## Abstract\n\nA.\n');
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.message]),
    [['required-section', "Missing required section 'Motivation' (also accepted: Why)."]],
  );
});
