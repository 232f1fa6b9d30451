// The trace CodeLens over the protocol (`pmdocs lsp --stdio`): textDocument/codeLens on a PRD's and an
// epic's title heading, none on a story, none with the codeLens setting off. The same core as VS Code's.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient.js';
import { ensureBuilt } from '../helpers/ensureBuilt.js';

const fm = (lines: string, body: string) => `---\n${lines.trim()}\n---\n\n${body}`;
const PRD = fm(
  'type: prd\nid: PRD-1402\ntitle: Trace\nstatus: approved\nowner: "@maria"\ncreated: 2026-07-01',
  '# PRD-1402: Trace\n\n## Requirements\n\n- FR-1: Export a range (Must)\n- FR-2: Choose the columns (Should)\n',
);
const EPIC = fm('type: epic\nid: EPIC-1402\ntitle: Exports\nstatus: active\nowner: "@maria"\nprd: PRD-1402', 'Intro.\n\n## Scope\n');
const STORY = fm(
  'type: user-story\nid: US-1402\ntitle: Range\nstatus: done\nepic: EPIC-1402\nimplements: [PRD-1402#FR-1]\nrelease: REL-14.2.0',
  '# Range\n',
);
const RELEASE = fm('type: release-notes\nid: REL-14.2.0\ntitle: R\nstatus: released\nversion: "14.2.0"\ndate: 2026-08-01', '# 14.2.0\n');

let dir: string;
const file = (name: string) => join(dir, name);
const uri = (name: string) => pathToFileURL(file(name)).href;

before(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pmdocs-lsp-lens-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(file('docs/PRD-1402.md'), PRD);
  writeFileSync(file('docs/EPIC-1402.md'), EPIC);
  writeFileSync(file('docs/US-1402.md'), STORY);
  writeFileSync(file('docs/REL-14.2.0.md'), RELEASE);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function lenses(settings: Record<string, unknown>): Promise<Record<string, string[]>> {
  const client = new LspClient();
  try {
    const init = await client.initialize(pathToFileURL(dir).href, { debounceMs: 0, ...settings });
    assert.deepEqual(init.result.capabilities.codeLensProvider, { resolveProvider: false });
    const out: Record<string, string[]> = {};
    for (const [name, text] of [
      ['PRD-1402.md', PRD],
      ['EPIC-1402.md', EPIC],
      ['US-1402.md', STORY],
    ] as const) {
      const u = uri(`docs/${name}`);
      const published = client.diagnostics(u, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
      await published;
      await client.request('pmdocs/indexReady', { uri: u });
      const found = await client.request('textDocument/codeLens', { textDocument: { uri: u } });
      out[name] = found.result.map(
        (l: any) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character} ${l.command.title}`,
      );
    }
    const exit = await client.shutdown();
    assert.equal(exit.code, 0);
    assert.deepEqual(client.junk, []);
    return out;
  } finally {
    client.kill();
  }
}

test('textDocument/codeLens: the trace line on a PRD’s and an epic’s title heading, none on a story', async () => {
  assert.deepEqual(await lenses({}), {
    'PRD-1402.md': ['9:0-9:0 1 story · 1 done · 1/2 requirements covered · in REL-14.2.0'],
    // No level-1 heading: the first heading.
    'EPIC-1402.md': ['11:0-11:0 1 story · 1 done · in REL-14.2.0'],
    'US-1402.md': [],
  });
});

test('textDocument/codeLens: none with the codeLens setting off', async () => {
  assert.deepEqual(await lenses({ codeLens: false }), { 'PRD-1402.md': [], 'EPIC-1402.md': [], 'US-1402.md': [] });
});
