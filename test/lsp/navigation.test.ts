// Navigation over the protocol (`pmdocs lsp --stdio`): definition, references, prepareRename and rename
// (with a file rename, and both refusals), documentLink and workspace/symbol, from the same core as the
// VS Code extension. Exact ranges (0-based) and messages.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient.js';
import { ensureBuilt } from '../helpers/ensureBuilt.js';

const PRD = (id: string, title: string) =>
  `---\ntype: prd\nid: ${id}\ntitle: ${title}\nstatus: draft\nowner: "@maria"\ncreated: 2026-07-01\n---\n\n# ${id}: ${title}\n`;
const EPIC = '---\ntype: epic\nid: EPIC-1401\ntitle: Exports\nstatus: active\nprd: PRD-1401\n---\n\nDelivers PRD-1401, not `PRD-1401`.\n';
const STORY =
  '---\ntype: user-story\nid: US-1401\ntitle: Export as CSV\nstatus: draft\nprd: PRD-1401\nepic: EPIC-1401\n---\n\nSee PRD-1401 and EPIC-1401.\n';

let dir: string;
const file = (name: string) => join(dir, name);
const uri = (name: string) => pathToFileURL(file(name)).href;

before(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pmdocs-lsp-nav-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(file('docs/PRD-1401-exports.md'), PRD('PRD-1401', 'Accountant exports'));
  writeFileSync(file('docs/PRD-1-search.md'), PRD('PRD-1', 'Saved searches'));
  writeFileSync(file('docs/EPIC-1401.md'), EPIC);
  writeFileSync(file('docs/US-1401-csv.md'), STORY);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** `name:line:start-end` of LSP locations, relative to the temporary workspace. */
const where = (ls: { uri: string; range: any }[]) =>
  ls.map(
    (l) => `${l.uri.slice(pathToFileURL(dir).href.length + 1)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`,
  );

test('definition, references, rename, document links and workspace symbols over the protocol', async (t) => {
  const client = new LspClient();
  t.after(() => client.kill());
  const init = await client.initialize(
    pathToFileURL(dir).href,
    { debounceMs: 0, rename: { renameFiles: true } },
    { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['rename'] } } },
  );
  const caps = init.result.capabilities;
  assert.equal(caps.definitionProvider, true);
  assert.equal(caps.referencesProvider, true);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.documentLinkProvider);
  assert.equal(caps.workspaceSymbolProvider, true);

  const story = uri('docs/US-1401-csv.md');
  const published = client.diagnostics(story, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri: story, languageId: 'markdown', version: 1, text: STORY } });
  await published;
  const ready = await client.request('pmdocs/indexReady', { uri: story });
  assert.equal(ready.result.documents, 4);
  const at = (line: number, character: number) => ({ textDocument: { uri: story }, position: { line, character } });

  // On `prd: PRD-1401` (line 5) and on the body mention (line 9).
  for (const position of [at(5, 7), at(9, 6)]) {
    const definition = await client.request('textDocument/definition', position);
    assert.deepEqual(where(definition.result), ['docs/PRD-1401-exports.md:2:4-12']);
  }

  const references = await client.request('textDocument/references', { ...at(5, 7), context: { includeDeclaration: true } });
  assert.deepEqual(where(references.result), [
    'docs/EPIC-1401.md:5:5-13',
    'docs/EPIC-1401.md:8:9-17',
    'docs/PRD-1401-exports.md:2:4-12',
    'docs/PRD-1401-exports.md:9:2-10',
    'docs/US-1401-csv.md:5:5-13',
    'docs/US-1401-csv.md:9:4-12',
  ]);
  const withoutDeclaration = await client.request('textDocument/references', { ...at(5, 7), context: { includeDeclaration: false } });
  assert.equal(withoutDeclaration.result.length, 5);

  const links = await client.request('textDocument/documentLink', { textDocument: { uri: story } });
  assert.deepEqual(
    links.result.map(
      (l: any) =>
        `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} ${l.target.slice(l.target.lastIndexOf('/') + 1)}`,
    ),
    ['5:5-13 PRD-1401-exports.md#L3,5', '6:6-15 EPIC-1401.md#L3,5', '9:4-12 PRD-1401-exports.md#L3,5', '9:17-26 EPIC-1401.md#L3,5'],
  );

  const symbols = await client.request('workspace/symbol', { query: 'accountant' });
  assert.deepEqual(
    symbols.result.map((s: any) => `${s.name} (${s.containerName}) ${where([s.location])[0]}`),
    ['PRD-1401 Accountant exports (prd) docs/PRD-1401-exports.md:2:4-4'],
  );

  const prepare = await client.request('textDocument/prepareRename', at(5, 7));
  assert.deepEqual(prepare.result, {
    range: { start: { line: 5, character: 5 }, end: { line: 5, character: 13 } },
    placeholder: 'PRD-1401',
  });
  const nowhere = await client.request('textDocument/prepareRename', at(3, 9));
  assert.equal(nowhere.error?.message, 'Put the cursor on a document id (its id:, a reference or a mention such as PRD-12) to rename it.');

  const taken = await client.request('textDocument/rename', { ...at(5, 7), newName: 'PRD-1' });
  assert.equal(taken.error?.message, 'PRD-1 already exists: docs/PRD-1-search.md. Pick an id no document has.');
  const wrongPrefix = await client.request('textDocument/rename', { ...at(5, 7), newName: 'EPIC-77' });
  assert.equal(wrongPrefix.error?.message, "'EPIC-77' does not start with 'PRD-', the id prefix of prd documents.");

  const rename = await client.request('textDocument/rename', { ...at(9, 6), newName: 'PRD-1499' });
  const [fileOp, ...edits] = rename.result.documentChanges;
  assert.deepEqual(fileOp, {
    kind: 'rename',
    oldUri: uri('docs/PRD-1401-exports.md'),
    newUri: uri('docs/PRD-1499-exports.md'),
    options: { overwrite: false },
  });
  assert.deepEqual(
    edits.map(
      (e: any) =>
        `${e.textDocument.uri.slice(e.textDocument.uri.lastIndexOf('/') + 1)} v${e.textDocument.version} ${e.edits.map((x: any) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.character}=${x.newText}`).join(' ')}`,
    ),
    [
      'EPIC-1401.md vnull 5:5-13=PRD-1499 8:9-17=PRD-1499',
      'PRD-1499-exports.md vnull 2:4-12=PRD-1499 9:2-10=PRD-1499',
      'US-1401-csv.md v1 5:5-13=PRD-1499 9:4-12=PRD-1499',
    ],
  );

  const exit = await client.shutdown();
  assert.equal(exit.code, 0);
  assert.deepEqual(client.junk, []);
});
