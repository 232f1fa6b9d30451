// The language server over stdio with a plain JSON-RPC client: initialize → didOpen → diagnostics →
// didChange → updated diagnostics → code action → shutdown/exit, with a clean exit and nothing on stdout
// that is not a protocol message.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient.js';
import { ensureBuilt } from '../helpers/ensureBuilt.js';

const BROKEN = `---
type: prd
id: PRD-7
title: Reminders
status: aproved
owner: "@ana"
created: 2026-03-02
---

# Reminders

## Problem

Clients forget to pay.
`;

let dir: string;
before(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pmdocs-lsp-'));
  writeFileSync(join(dir, 'PRD-7-reminders.md'), BROKEN);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('initialize → didOpen → diagnostics → didChange → updated diagnostics → shutdown/exit', async (t) => {
  const client = new LspClient();
  t.after(() => client.kill());
  const rootUri = pathToFileURL(dir).href;
  const uri = pathToFileURL(join(dir, 'PRD-7-reminders.md')).href;

  const init = await client.initialize(rootUri);
  assert.equal(init.result.serverInfo.name, 'pmdocs');
  // The version `pmdocs lsp` hands the server (src/lsp imports no CLI code).
  assert.equal(init.result.serverInfo.version, JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  assert.ok(init.result.capabilities.codeActionProvider);
  assert.ok(init.result.capabilities.completionProvider);
  assert.equal(init.result.capabilities.hoverProvider, true);
  assert.ok(init.result.capabilities.documentSymbolProvider);

  const first = client.diagnostics(uri, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: BROKEN } });
  const published = (await first).params;
  const status = published.diagnostics.find((d: any) => d.code === 'frontmatter-schema' && /aproved/.test(d.message));
  assert.ok(status, `no frontmatter-schema diagnostic in ${JSON.stringify(published.diagnostics)}`);
  assert.equal(status.source, 'pmdocs');
  assert.equal(status.severity, 1);
  assert.deepEqual(status.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 15 } });
  assert.match(status.message, /aproved/);
  assert.match(status.codeDescription.href, /docs\/rules\/frontmatter-schema\.md$/);

  // A quick fix for it: replace the misspelt status.
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: status.range,
    context: { diagnostics: [status] },
  });
  const replace = actions.result.find((a: any) => /approved/.test(a.title));
  assert.ok(replace, `no fix offering 'approved' in ${JSON.stringify(actions.result.map((a: any) => a.title))}`);
  assert.deepEqual(replace.edit.changes[uri], [{ range: status.range, newText: 'approved' }]);

  // The user fixes it (incremental change): the next diagnostics, for version 2, no longer have it.
  const second = client.diagnostics(uri, 2);
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: status.range, text: 'approved' }],
  });
  const updated = (await second).params;
  assert.equal(updated.diagnostics.filter((d: any) => d.code === 'frontmatter-schema').length, 0, JSON.stringify(updated.diagnostics));
  assert.equal(updated.diagnostics.length, published.diagnostics.length - 1);

  const exit = await client.shutdown();
  assert.deepEqual(exit, { code: 0, signal: null }, client.stderr);
  assert.deepEqual(client.junk, [], 'stdout held something that is not a protocol message');
  assert.ok(client.received.every((m) => m.jsonrpc === '2.0'));
});

test('exit without shutdown ends the server with exit code 1 (as the protocol says)', async (t) => {
  const client = new LspClient();
  t.after(() => client.kill());
  await client.initialize(null);
  client.notify('exit');
  assert.deepEqual(await client.exited, { code: 1, signal: null });
  assert.deepEqual(client.junk, []);
});

test('pmdocs lsp without --stdio is a usage error (exit 2), not a hang', async () => {
  const client = new LspClient(['lsp']);
  client.process.stdin.end();
  assert.deepEqual(await client.exited, { code: 2, signal: null });
  assert.match(client.stderr, /'pmdocs lsp' needs --stdio/);
});
