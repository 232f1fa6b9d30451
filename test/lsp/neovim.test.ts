// The language server with a real client: Neovim's built-in LSP client, headless, configured by the
// Neovim block of docs/editors.md taken verbatim as init.lua (a `pmdocs` on PATH runs dist/cli.mjs), and
// driven by test/lsp/neovim.lua. Neovim comes from Debian (scripts/ensure-neovim.sh installs it when
// missing, as CI needs).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../helpers/ensureBuilt.js';

const repo = join(import.meta.dirname, '../..');
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
  if (spawnSync('sh', ['-c', 'command -v nvim']).status !== 0) {
    const r = spawnSync('bash', [join(repo, 'scripts/ensure-neovim.sh')], { stdio: 'inherit' });
    assert.equal(r.status, 0, 'scripts/ensure-neovim.sh failed');
  }
  dir = mkdtempSync(join(tmpdir(), 'pmdocs-nvim-'));
  writeFileSync(join(dir, 'PRD-7-reminders.md'), BROKEN);
  const docs = readFileSync(join(repo, 'docs/editors.md'), 'utf8');
  const block = /## Neovim \(tested\)[\s\S]*?```lua\n([\s\S]*?)```/.exec(docs);
  assert.ok(block, "docs/editors.md has no Lua block under '## Neovim (tested)'");
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/init.lua'), block[1]!);
  writeFileSync(join(dir, 'bin/pmdocs'), `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'dist/cli.mjs')}" "$@"\n`);
  chmodSync(join(dir, 'bin/pmdocs'), 0o755);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('Neovim: diagnostics for a broken PRD, a code action applied, the diagnostics follow', () => {
  const doc = join(dir, 'PRD-7-reminders.md');
  const outFile = join(dir, 'result.json');
  const r = spawnSync(
    'nvim',
    ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'bin/init.lua'), '-c', `luafile ${join(repo, 'test/lsp/neovim.lua')}`],
    {
      cwd: dir,
      env: {
        ...process.env,
        PATH: `${join(dir, 'bin')}:${process.env['PATH']}`,
        PMDOCS_DOC: doc,
        PMDOCS_OUT: outFile,
        XDG_CONFIG_HOME: dir,
        XDG_DATA_HOME: dir,
        XDG_STATE_HOME: dir,
        XDG_CACHE_HOME: dir,
      },
      encoding: 'utf8',
      timeout: 120_000, // a guard against a hang, far above the few seconds it takes
    },
  );
  assert.equal(r.status, 0, `nvim exited with ${r.status ?? r.signal}: ${r.stderr}`);
  const out = JSON.parse(readFileSync(outFile, 'utf8'));
  assert.equal(out.error, undefined, out.error);
  assert.equal(out.attached, true);
  assert.equal(out.gotDiagnostics, true);

  // What `pmdocs lint` reports for the same file: count, lines and codes (Neovim's lines are 0-based).
  const cli = spawnSync(process.execPath, [join(repo, 'dist/cli.mjs'), 'lint', '-f', 'json', doc], { cwd: dir, encoding: 'utf8' });
  const expected = JSON.parse(cli.stdout)[0].findings.map((f: { line: number; ruleId: string }) => ({ line: f.line - 1, code: f.ruleId }));
  const seen = out.before.map((d: { line: number; code: string }) => ({ line: d.line, code: d.code }));
  const order = (a: { line: number; code: string }, b: { line: number; code: string }) => a.line - b.line || a.code.localeCompare(b.code);
  assert.deepEqual(seen.sort(order), expected.sort(order));
  assert.deepEqual(
    seen.map((d: { line: number; code: string }) => `${d.line + 1} ${d.code}`),
    ['5 frontmatter-schema', '12 required-section', '12 required-section', '12 required-section', '12 required-section'],
  );
  assert.ok(out.before.every((d: { source: string }) => d.source === 'pmdocs'));

  assert.ok(out.actions.includes("Replace with 'approved'"), JSON.stringify(out.actions));
  assert.equal(out.lineAfterFix, 'status: approved');
  assert.equal(out.updated, true);
  assert.equal(out.after.length, out.before.length - 1);
  assert.equal(out.stopped, true);
});
