// The x-pmdocs keywords of issue 11 beyond what the configured fixtures show: the exact messages and
// the quick fixes of keyOrder (reordering keeps comments, values and line breaks), closedSections
// (rename to the close name) and fileName (set the value the file name holds).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { createConfigLoader } from '../../src/core/config/load.js';
import { createNodeHost, toSlash } from '../../src/cli/nodeHost.js';
import { applyEdits } from '../../src/core/fixes/applyFixes.js';
import { reorderKeysEdit } from '../../src/core/fixes/keyOrder.js';

const dir = toSlash(join(import.meta.dirname, '../fixtures/configured/rfc/rfcs'));
const engine = createEngine();
const loader = createConfigLoader(createNodeHost());

async function lint(name: string, text?: string) {
  const path = `${dir}/${name}`;
  const config = await loader.load(path);
  const source = text ?? readFileSync(path, 'utf8');
  return { source, findings: engine.lint(source, { path, config }).findings };
}

test('keyOrder: the reorder keeps each key with its comments, nested lines and the blank lines between', () => {
  const yaml = '# top comment\nstatus: Draft # inline\ntitle: T\n\n# about the authors\nauthor:\n  - "@a"\n  - "@b"\nrfc: 2\nx-extra: 1\n';
  const edit = reorderKeysEdit(yaml, 0, ['rfc', 'title', 'status', 'author']);
  assert.ok(edit);
  assert.equal(
    applyEdits(yaml, [edit]),
    '# top comment\nrfc: 2\ntitle: T\n\nstatus: Draft # inline\n# about the authors\nauthor:\n  - "@a"\n  - "@b"\nx-extra: 1\n',
  );
  assert.equal(reorderKeysEdit('rfc: 1\ntitle: T\n', 0, ['rfc', 'title']), undefined, 'already in order: no edit');
  assert.equal(reorderKeysEdit('{ b: 1, a: 2 }\n', 0, ['a', 'b']), undefined, 'a flow mapping is left alone');
});

test('keyOrder: the finding names the key and the expected order; its fix is safe and leaves the file clean', async () => {
  const { source, findings } = await lint('rfc-2.md');
  const f = findings.find((x) => x.ruleId === 'frontmatter-key-order')!;
  assert.equal(
    f.message,
    "Key 'title' is out of order: it belongs before 'status'. Expected order: rfc, title, status, type, author, created.",
  );
  assert.deepEqual([f.line, f.column, f.endColumn], [4, 1, 6]);
  assert.equal(f.fixes?.[0]?.safe, true);
  const fixed = applyEdits(source, f.fixes![0]!.edits);
  assert.equal(fixed.split('\n').slice(1, 4).join('\n'), 'rfc: 2\ntitle: Deploy on Fridays # expect: frontmatter-key-order\nstatus: Draft');
  const again = await lint('rfc-2.md', fixed);
  assert.deepEqual(
    again.findings.filter((x) => x.ruleId === 'frontmatter-key-order'),
    [],
  );
});

test('keyOrder: CRLF line breaks stay CRLF', () => {
  const yaml = 'title: T\r\nrfc: 1\r\n';
  const edit = reorderKeysEdit(yaml, 4, ['rfc', 'title'])!;
  assert.deepEqual(edit, { start: 4, end: 4 + yaml.length, newText: 'rfc: 1\r\ntitle: T\r\n' });
});

test('closedSections: each unexpected heading, with a did-you-mean and a rename fix to the allowed name', async () => {
  const { source, findings } = await lint('rfc-2.md');
  const unexpected = findings.filter((x) => x.ruleId === 'section-unexpected');
  assert.deepEqual(
    unexpected.map((x) => x.message),
    [
      "Section 'Apendix' is not a section the 'rfc' type allows. Did you mean 'Appendix'? Allowed: Summary, Motivation, Proposal, Rationale, Open questions, Appendix, References.",
      "Section 'Budget' is not a section the 'rfc' type allows. Allowed: Summary, Motivation, Proposal, Rationale, Open questions, Appendix, References.",
    ],
  );
  assert.deepEqual(
    unexpected[0]!.fixes?.map((x) => x.title),
    ["Rename to 'Appendix'"],
  );
  assert.match(applyEdits(source, unexpected[0]!.fixes![0]!.edits), /^## Appendix <!-- expect: section-unexpected -->$/m);
  assert.equal(unexpected[1]!.fixes, undefined);
});

test('fileName: the value the file name holds, with a fix writing it; a name that does not fit the pattern', async () => {
  const { source, findings } = await lint('rfc-3.md');
  const f = findings.find((x) => x.ruleId === 'file-name-pattern')!;
  assert.equal(
    f.message,
    "rfc is 4, but the file name 'rfc-3.md' says '3' (pattern 'rfc-{{rfc}}.md'): expected rfc: 3, or rename the file to 'rfc-4.md'.",
  );
  assert.deepEqual(
    f.fixes?.map((x) => x.title),
    ['Set rfc to 3'],
  );
  assert.match(applyEdits(source, f.fixes![0]!.edits), /^rfc: 3 # expect/m);
  const odd = await lint('notes.md', readFileSync(`${dir}/rfc-1.md`, 'utf8'));
  assert.deepEqual(
    odd.findings.map((x) => `${x.line} ${x.ruleId} ${x.message}`),
    ["1 file-name-pattern File name 'notes.md' does not fit the pattern 'rfc-{{rfc}}.md': expected 'rfc-1.md'."],
  );
});

test('sectionLevel 2: a stray H1 after the sections changes nothing (rfc-3 ends with "# Appendix")', async () => {
  const { findings } = await lint('rfc-3.md');
  assert.deepEqual(findings.map((x) => x.ruleId).sort(), ['file-name-pattern', 'frontmatter-schema']);
});
