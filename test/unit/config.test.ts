// Config loading through an in-memory host: discovery, JSONC, errors with positions, workspace doc types
// from JSON/YAML schema files with local $refs, associations, and caching by content.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IHost } from '../../src/core/host.js';
import { createConfigLoader, loadConfig } from '../../src/core/config/load.js';
import { createRegistry, detectDocType } from '../../src/core/doctypes/registry.js';
import { parseDoc } from '../../src/core/document/parse.js';

function memoryHost(files: Record<string, string>): IHost & { files: Record<string, string>; reads: string[] } {
  const reads: string[] = [];
  return {
    files,
    reads,
    async readFile(path) {
      reads.push(path);
      return files[path];
    },
    async stat(path) {
      if (path in files) return { isFile: true, isDirectory: false, size: files[path]!.length };
      const dir = path.endsWith('/') ? path : `${path}/`;
      return Object.keys(files).some((f) => f.startsWith(dir)) ? { isFile: false, isDirectory: true, size: 0 } : undefined;
    },
  };
}

const ADR_SCHEMA = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    type: { const: 'adr' },
    id: { type: 'string' },
    title: { type: 'string' },
    status: { $ref: './common.schema.json#/$defs/status' },
  },
  required: ['type', 'id', 'title'],
  'x-pmdocs': {
    type: 'adr',
    label: 'Architecture decision record',
    idPrefix: 'ADR-',
    sections: [
      { name: 'Context', required: true },
      { name: 'Decision', required: true },
    ],
  },
});

test('discovery walks up to the nearest .pmdocs.json and stops at the workspace root', async () => {
  const host = memoryHost({
    '/.pmdocs.json': '{ "rules": { "rice-score": "off" } }',
    '/ws/.pmdocs.json': '{ "rules": { "date-order": "warning" } }',
    '/ws/team/.pmdocs.json': '{ "rules": { "section-order": "off" } }',
  });
  const nearest = await loadConfig(host, '/ws/team/prd/a/PRD-1.md', { workspaceRoot: '/ws' });
  assert.equal(nearest.file, '/ws/team/.pmdocs.json');
  assert.deepEqual(nearest.rules, { 'section-order': 'off' });
  assert.equal(nearest.root, '/ws/team');

  const upper = await loadConfig(host, '/ws/other/PRD-2.md', { workspaceRoot: '/ws' });
  assert.equal(upper.file, '/ws/.pmdocs.json');

  delete host.files['/ws/.pmdocs.json'];
  const none = await loadConfig(host, '/ws/other/PRD-2.md', { workspaceRoot: '/ws' });
  assert.equal(none.file, undefined, 'the config above the workspace root is not used');
  assert.deepEqual(none.problems, []);

  const unbounded = await loadConfig(host, '/ws/other/PRD-2.md');
  assert.equal(unbounded.file, '/.pmdocs.json', 'without a workspace root, discovery goes to the filesystem root');
});

test('an explicit config is used for every file', async () => {
  const host = memoryHost({ '/ci/pmdocs.json': '{ "rules": { "rice-score": "error" } }', '/ws/.pmdocs.json': '{}' });
  const c = await loadConfig(host, '/ws/docs/x.md', { explicitConfig: '/ci/pmdocs.json' });
  assert.equal(c.file, '/ci/pmdocs.json');
  assert.deepEqual(c.rules, { 'rice-score': 'error' });
  assert.equal(c.root, '/ci');
});

test('JSON with comments and trailing commas is read; include, exclude and rules resolve', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': `{
  // which files
  "include": ["docs/**/*.md"], /* and which not */
  "exclude": ["docs/archive/**",],
  "rules": { "section-order": "off", "rice-score": "warning", },
}`,
  });
  const c = await loadConfig(host, '/ws/docs/a.md');
  assert.deepEqual(c.problems, []);
  assert.deepEqual(c.include, ['docs/**/*.md']);
  assert.deepEqual(c.exclude, ['docs/archive/**']);
  assert.deepEqual(c.rules, { 'section-order': 'off', 'rice-score': 'warning' });
});

test('a JSON syntax error is one problem with line and column, and the defaults apply', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': '{\n  "rules": {\n    "rice-score": "warning"\n    "date-order": "off"\n  }\n}\n',
  });
  const c = await loadConfig(host, '/ws/x.md');
  assert.deepEqual(c.problems, [
    {
      file: '/ws/.pmdocs.json',
      line: 4,
      column: 5,
      message: "Not valid JSON: expected ',' between entries. Until this is fixed, pmdocs uses its defaults.",
    },
  ]);
  assert.deepEqual(c.rules, {});
  assert.equal(c.file, '/ws/.pmdocs.json');
});

test('schema-invalid config: unknown key and bad severity are named with positions; valid parts still apply', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': '{\n  "rulez": {},\n  "rules": { "rice-score": "warn", "date-order": "off" }\n}\n',
  });
  const c = await loadConfig(host, '/ws/x.md');
  assert.deepEqual(c.problems, [
    {
      file: '/ws/.pmdocs.json',
      line: 2,
      column: 3,
      message: "Unknown key 'rulez'. Did you mean 'rules'? Allowed keys: $schema, include, exclude, rules, associations, docTypes.",
    },
    {
      file: '/ws/.pmdocs.json',
      line: 3,
      column: 28,
      message: "rules.rice-score is 'warn', which is not allowed. Did you mean 'warning'? Use one of: off, info, warning, error.",
    },
  ]);
  assert.deepEqual(c.rules, { 'date-order': 'off' });
});

test('wrong types and unknown rule ids are reported', async () => {
  const host = memoryHost({ '/ws/.pmdocs.json': '{ "include": "docs/**", "rules": { "rice-scor": "off" } }' });
  const c = await loadConfig(host, '/ws/x.md');
  assert.deepEqual(
    c.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    [
      "1:14 include must be a list, but it is the string 'docs/**'.",
      "1:36 Unknown rule 'rice-scor' in rules. Did you mean 'rice-score'? Run 'pmdocs rules' for the list.",
    ],
  );
  assert.equal(c.include, undefined);
});

test('a missing schema file is one problem at the config line; other workspace types keep working', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json':
      '{\n  "docTypes": {\n    "adr": { "schema": "./schemas/adr.schema.json" },\n    "rfc": { "schema": "./schemas/missing.json" }\n  }\n}',
    '/ws/schemas/adr.schema.json': ADR_SCHEMA,
    '/ws/schemas/common.schema.json': '{ "$defs": { "status": { "enum": ["proposed", "accepted"] } } }',
  });
  const c = await loadConfig(host, '/ws/docs/ADR-1.md');
  assert.deepEqual(c.problems, [
    {
      file: '/ws/.pmdocs.json',
      line: 4,
      column: 24,
      message:
        "Doc type 'rfc' is not available: its schema file './schemas/missing.json' does not exist (looked for /ws/schemas/missing.json).",
    },
  ]);
  assert.deepEqual(
    c.docTypes.map((t) => t.type),
    ['adr'],
  );
  assert.deepEqual(c.sources, [
    '/ws/.pmdocs.json',
    '/ws/schemas/adr.schema.json',
    '/ws/schemas/missing.json',
    '/ws/schemas/common.schema.json',
  ]);
});

test('a local $ref is loaded relative to the referring file and rewritten to a file URI', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': '{ "docTypes": { "adr": { "schema": "schemas/adr.schema.json" } } }',
    '/ws/schemas/adr.schema.json': ADR_SCHEMA,
    '/ws/schemas/common.schema.json': '{ "$defs": { "status": { "$ref": "./sub/status.yaml" } } }',
    '/ws/schemas/sub/status.yaml': 'enum: [proposed, accepted, superseded]\n',
  });
  const c = await loadConfig(host, '/ws/ADR-1.md');
  assert.deepEqual(c.problems, []);
  const adr = c.docTypes[0]!;
  assert.equal(adr.source, '/ws/schemas/adr.schema.json');
  assert.deepEqual((adr.schema['properties'] as Record<string, unknown>)['status'], {
    $ref: 'file:///ws/schemas/common.schema.json#/$defs/status',
  });
  assert.deepEqual(c.schemas, [
    { $defs: { status: { $ref: 'file:///ws/schemas/sub/status.yaml' } }, $id: 'file:///ws/schemas/common.schema.json' },
    { enum: ['proposed', 'accepted', 'superseded'], $id: 'file:///ws/schemas/sub/status.yaml' },
  ]);
});

test('a remote $ref is never fetched: the type is dropped with a problem at the $ref', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': '{ "docTypes": { "adr": { "schema": "adr.json" } } }',
    '/ws/adr.json': '{\n  "type": "object",\n  "properties": { "id": { "$ref": "https://example.com/id.json" } }\n}',
  });
  const c = await loadConfig(host, '/ws/ADR-1.md');
  assert.equal(c.docTypes.length, 0);
  assert.equal(c.problems.length, 1);
  assert.equal(c.problems[0]!.file, '/ws/adr.json');
  assert.equal(c.problems[0]!.line, 3);
  assert.match(
    c.problems[0]!.message,
    /^Doc type 'adr': "\$ref": "https:\/\/example.com\/id.json" points outside the workspace; pmdocs never downloads schemas/,
  );
  assert.ok(!host.reads.some((p) => p.includes('example.com')));
});

test('a YAML schema file with x-pmdocs becomes a doc type; inline overrides replace its sections', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({
      docTypes: {
        adr: {
          schema: './adr.yaml',
          sections: [
            { name: 'Context', required: true },
            { name: 'Consequences', required: true },
          ],
          idPrefix: 'DEC-',
          reopenStatus: 'proposed',
        },
      },
    }),
    '/ws/adr.yaml': [
      '$schema: https://json-schema.org/draft/2020-12/schema',
      'type: object',
      'properties:',
      '  type: { const: adr }',
      '  status: { enum: [proposed, accepted] }',
      'x-pmdocs:',
      '  type: adr',
      '  idPrefix: ADR-',
      '  sections:',
      '    - name: Context',
      '      required: true',
      '  template: "# {{title}}\\n"',
      '  settledStatuses: [accepted]',
      '',
    ].join('\n'),
  });
  const c = await loadConfig(host, '/ws/x.md');
  assert.deepEqual(c.problems, []);
  const adr = c.docTypes[0]!;
  assert.equal(adr.type, 'adr');
  assert.equal(adr.idPrefix, 'DEC-');
  assert.deepEqual([adr.settledStatuses, adr.reopenStatus], [['accepted'], 'proposed'], 'lifecycle data from x-pmdocs and from the config');
  assert.equal(adr.template, '# {{title}}\n', 'what the config does not override comes from x-pmdocs');
  assert.deepEqual(
    adr.sections.map((s) => s.name),
    ['Context', 'Consequences'],
  );
  assert.equal(adr.builtIn, false);
});

test('a workspace type named like a built-in one replaces it', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': '{ "docTypes": { "prd": { "schema": "prd.yaml", "sections": [{ "name": "Pitch", "required": true }] } } }',
    '/ws/prd.yaml': 'type: object\nproperties:\n  type: { const: prd }\n',
  });
  const c = await loadConfig(host, '/ws/x.md');
  const prd = createRegistry(c.docTypes).get('prd')!;
  assert.equal(prd.builtIn, false);
  assert.deepEqual(
    prd.sections.map((s) => s.name),
    ['Pitch'],
  );
});

test('broken schema files are named with their own positions: YAML syntax, invalid JSON Schema, invalid x-pmdocs', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json':
      '{ "docTypes": { "a": { "schema": "a.yaml" }, "b": { "schema": "b.json" }, "c": { "schema": "c.json" }, "d": { "schema": "d.json" } } }',
    '/ws/a.yaml': 'type: object\nproperties:\n  id: [unclosed\n',
    '/ws/b.json': '{ "type": "objekt" }',
    '/ws/c.json': '{\n  "type": "object",\n  "x-pmdocs": { "sections": [{ "nme": "Context" }] }\n}',
    '/ws/d.json': '{ "$schema": "http://json-schema.org/draft-07/schema#" }',
  });
  const c = await loadConfig(host, '/ws/x.md');
  assert.deepEqual(c.docTypes, []);
  const byFile = Object.fromEntries(c.problems.map((p) => [p.file, p]));
  assert.equal(byFile['/ws/a.yaml']!.line, 4);
  assert.match(byFile['/ws/a.yaml']!.message, /^Doc type 'a': Not valid YAML: /);
  assert.match(byFile['/ws/b.json']!.message, /^Doc type 'b': it is not a valid JSON Schema: type /);
  assert.equal(byFile['/ws/c.json']!.line, 3);
  assert.match(byFile['/ws/c.json']!.message, /^Doc type 'c': x-pmdocs: .*sections\[0\]/);
  assert.match(byFile['/ws/d.json']!.message, /draft 2020-12/);
  assert.equal(c.problems.length, 4);
});

test('associations map globs (relative to the config folder) to doc types; unknown types are reported', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': '{ "associations": { "docs/prd/**/*.md": "prd", "stories/**": "user-story", "adr/**": "adrr" } }',
  });
  const c = await loadConfig(host, '/ws/docs/prd/2026/launch.md');
  assert.deepEqual(c.associations, [
    { glob: 'docs/prd/**/*.md', type: 'prd' },
    { glob: 'stories/**', type: 'user-story' },
  ]);
  assert.equal(c.problems.length, 1);
  assert.match(c.problems[0]!.message, /^associations\["adr\/\*\*"\] names the doc type 'adrr', which does not exist\. Known types: prd, /);
  const registry = createRegistry(c.docTypes);
  const detect = (path: string) => detectDocType(registry, parseDoc('# No front matter\n').frontMatter, path, c)?.docType.type;
  assert.equal(detect('/ws/docs/prd/2026/launch.md'), 'prd');
  assert.equal(detect('/ws/stories/US-1.md'), 'user-story');
  assert.equal(detect('/ws/docs/notes.md'), undefined);
  assert.equal(detect('/elsewhere/docs/prd/x.md'), undefined, 'globs are relative to the config folder');
});

test('resolved configs are reused while the config and its schema files are unchanged', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': '{ "docTypes": { "adr": { "schema": "adr.yaml" } } }',
    '/ws/adr.yaml': 'type: object\n',
  });
  const loader = createConfigLoader(host, { workspaceRoot: '/ws' });
  const a = await loader.load('/ws/a/one.md');
  const b = await loader.load('/ws/b/two.md');
  assert.equal(a, b);
  const readsBefore = host.reads.length;
  await loader.load('/ws/a/three.md');
  assert.equal(host.reads.length, readsBefore, 'a loader reads each config and folder once');

  assert.equal(await loadConfig(host, '/ws/c.md'), a, 'a fresh load with the same content returns the same object');
  host.files['/ws/adr.yaml'] = 'type: object\nrequired: [id]\n';
  const changed = await loadConfig(host, '/ws/c.md');
  assert.notEqual(changed, a, 'a changed schema file gives a new config');
  assert.deepEqual(changed.docTypes[0]!.schema['required'], ['id']);
});

test('a config that cannot be read is a problem, not a crash', async () => {
  const host: IHost = {
    async readFile(path) {
      if (path === '/ws/.pmdocs.json') throw new Error('EACCES: permission denied');
      return undefined;
    },
    async stat() {
      return undefined;
    },
  };
  const c = await loadConfig(host, '/ws/x.md', { explicitConfig: '/ws/.pmdocs.json' });
  assert.deepEqual(c.problems, [{ file: '/ws/.pmdocs.json', message: 'The config file could not be read: EACCES: permission denied' }]);
  const found = await loadConfig(host, '/ws/docs/x.md');
  assert.equal(found.file, '/ws/.pmdocs.json', 'discovery does not skip a config it cannot read');
  assert.equal(found.problems.length, 1);
});

test('a workspace type with local $refs validates front matter through the engine', async () => {
  const { createEngine } = await import('../../src/core/engine.js');
  const host = memoryHost({
    '/ws/.pmdocs.json': '{ "docTypes": { "adr": { "schema": "schemas/adr.schema.json" } }, "associations": { "decisions/**": "adr" } }',
    '/ws/schemas/adr.schema.json': ADR_SCHEMA,
    '/ws/schemas/common.schema.json': '{ "$defs": { "status": { "$ref": "./sub/status.yaml" } } }',
    '/ws/schemas/sub/status.yaml': 'enum: [proposed, accepted, superseded]\n',
  });
  const config = await loadConfig(host, '/ws/decisions/ADR-1.md');
  assert.deepEqual(config.problems, []);
  const engine = createEngine();
  const doc = (status: string) =>
    `---\ntype: adr\nid: ADR-1\ntitle: Use Postgres\nstatus: ${status}\n---\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n`;
  const ok = engine.lint(doc('accepted'), { path: '/ws/decisions/ADR-1.md', config });
  assert.equal(ok.docType?.type, 'adr');
  assert.deepEqual(
    ok.findings.map((f) => f.ruleId),
    [],
  );
  const bad = engine.lint(doc('acepted'), { path: '/ws/decisions/ADR-1.md', config });
  assert.deepEqual(
    bad.findings.map((f) => [f.ruleId, f.line, f.column]),
    [['frontmatter-schema', 5, 9]],
  );
  assert.match(bad.findings[0]!.message, /'acepted'.*Did you mean 'accepted'\?/);
});
