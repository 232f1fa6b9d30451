// The five bugs found writing a community's doc type from the docs alone (issue 11), one test each.
// Each failed before its fix.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IHost } from '../../src/core/host.js';
import { loadConfig } from '../../src/core/config/load.js';
import { createEngine } from '../../src/core/engine.js';

function memoryHost(files: Record<string, string>): IHost {
  return {
    async readFile(path) {
      return files[path];
    },
    async stat(path) {
      return path in files ? { isFile: true, isDirectory: false, size: files[path]!.length } : undefined;
    },
  };
}

const engine = createEngine();
const SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

async function lintWith(schema: Record<string, unknown>, text: string, extra: Record<string, unknown> = {}, path = '/ws/docs/a.md') {
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({ docTypes: { note: { schema: './note.schema.json' } }, ...extra }),
    '/ws/note.schema.json': JSON.stringify({ $schema: SCHEMA, ...schema }),
  });
  const config = await loadConfig(host, path);
  assert.deepEqual(config.problems, []);
  return engine.lint(text, { path, config }).findings.map((f) => `${f.line}:${f.ruleId} ${f.message}`);
}

test('bug: an else branch states the condition that applies (status is not Stagnant), not the if', async () => {
  const schema = {
    type: 'object',
    properties: { type: { const: 'note' }, status: { enum: ['Stagnant', 'Final'] }, summary: { type: 'string' } },
    if: { properties: { status: { const: 'Stagnant' } } },
    then: { required: ['reason'] },
    else: { required: ['summary'] },
    'x-pmdocs': { type: 'note' },
  };
  assert.deepEqual(await lintWith(schema, '---\ntype: note\nstatus: Final\n---\n\nText.\n'), [
    "1:frontmatter-schema Missing required key 'summary': it is required when status is not 'Stagnant' (it is 'Final').",
  ]);
  assert.deepEqual(await lintWith(schema, '---\ntype: note\nstatus: Stagnant\nsummary: s\n---\n\nText.\n'), [
    "1:frontmatter-schema Missing required key 'reason': it is required when status is 'Stagnant'.",
  ]);
});

test("bug: a path-associated file without `type:` is not validated as if its type's name were its `type` value", async () => {
  // In this community `type` is a domain field (Standards Track, Meta), not pmdocs' doc type name.
  const schema = {
    type: 'object',
    properties: { type: { enum: ['Standards Track', 'Meta'] }, title: { type: 'string' } },
    required: ['title'],
    'x-pmdocs': { type: 'note' },
  };
  const associated = { associations: { 'docs/**': 'note' } };
  assert.deepEqual(await lintWith(schema, '---\ntitle: T\n---\n\nText.\n', associated), []);
  assert.deepEqual(await lintWith(schema, '---\ntitle: T\ntype: Meta\n---\n\nText.\n', associated), []);
  // Where `type` names the doc type, the association still stands in for a missing `type:`.
  const named = { ...schema, properties: { ...schema.properties, type: { const: 'note' } }, required: ['type', 'title'] };
  assert.deepEqual(await lintWith(named, '---\ntitle: T\n---\n\nText.\n', associated), []);
});

test("bug: requiredWhen messages quote the file's value, not the condition list", async () => {
  const schema = {
    type: 'object',
    properties: { type: { const: 'note' }, status: { enum: ['Draft', 'Review', 'Final'] } },
    'x-pmdocs': { type: 'note', sections: [{ name: 'Rationale', requiredWhen: { status: ['Review', 'Final'] } }] },
  };
  assert.deepEqual(await lintWith(schema, '---\ntype: note\nstatus: Final\n---\n\n## Other\n\nText.\n'), [
    "4:required-section Missing required section 'Rationale', required because status is 'Final'.",
  ]);
  const negated = {
    ...schema,
    'x-pmdocs': { type: 'note', sections: [{ name: 'Rationale', requiredWhen: { not: { status: 'Draft' } } }] },
  };
  assert.deepEqual(await lintWith(negated, '---\ntype: note\nstatus: Review\n---\n\n## Other\n\nText.\n'), [
    "4:required-section Missing required section 'Rationale', required because status is not 'Draft' (it is 'Review').",
  ]);
  assert.deepEqual(await lintWith(negated, '---\ntype: note\nstatus: Draft\n---\n\n## Other\n\nText.\n'), []);
});

test('bug: a stray H1 after the H2 sections, with the title in the front matter, does not make H1 the section level', async () => {
  const schema = {
    type: 'object',
    properties: { type: { const: 'note' }, title: { type: 'string' } },
    'x-pmdocs': {
      type: 'note',
      sections: [
        { name: 'Abstract', required: true },
        { name: 'Motivation', required: true },
      ],
    },
  };
  const text = '---\ntype: note\ntitle: T\n---\n\n## Abstract\n\nA.\n\n## Motivation\n\nB.\n\n# Appendix\n\nC.\n';
  assert.deepEqual(await lintWith(schema, text), []);
});

test('bug: a failed `not` says what is not allowed', async () => {
  const schema = {
    type: 'object',
    properties: { type: { const: 'note' }, id: { type: 'string', not: { pattern: '^TMP-' } }, status: { not: { enum: ['Living'] } } },
    'x-pmdocs': { type: 'note' },
  };
  assert.deepEqual(await lintWith(schema, '---\ntype: note\nid: TMP-1\nstatus: Living\n---\n\nText.\n'), [
    "3:frontmatter-schema id 'TMP-1' is not allowed here: it must not match /^TMP-/.",
    "4:frontmatter-schema status 'Living' is not allowed here: it must not be 'Living'.",
  ]);
});

test('author messages: x-pmdocs-message (or errorMessage) on a subschema replaces the generated message, which stays as the detail', async () => {
  const schema = {
    type: 'object',
    properties: {
      type: { const: 'note' },
      status: { enum: ['Draft', 'Final'], 'x-pmdocs-message': 'Use a status from the process document: Draft or Final.' },
      id: {
        type: 'string',
        not: { pattern: '^TMP-' },
        errorMessage: { not: 'Temporary ids are for drafts on a branch only; take the next number.' },
      },
    },
    required: ['type', 'status'],
    'x-pmdocs': { type: 'note' },
  };
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({ docTypes: { note: { schema: './note.schema.json' } } }),
    '/ws/note.schema.json': JSON.stringify({ $schema: SCHEMA, ...schema }),
  });
  const config = await loadConfig(host, '/ws/a.md');
  const findings = engine.lint('---\ntype: note\nstatus: Finall\nid: TMP-3\n---\n\nText.\n', { path: '/ws/a.md', config }).findings;
  assert.deepEqual(
    findings.map((f) => [f.line, f.message, f.detail]),
    [
      [
        3,
        'Use a status from the process document: Draft or Final.',
        "status 'Finall' is not allowed for a note. Did you mean 'Final'? Allowed: Draft, Final.",
      ],
      [
        4,
        'Temporary ids are for drafts on a branch only; take the next number.',
        "id 'TMP-3' is not allowed here: it must not match /^TMP-/.",
      ],
    ],
  );
  // The did-you-mean fix still comes with it.
  assert.deepEqual(
    findings[0]!.fixes?.map((f) => f.title),
    ["Replace with 'Final'"],
  );
});
