// Builds dist/ when it is missing or older than the sources (npm test builds first, so this is for
// single test-file runs).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '../..');

export function ensureBuilt(): void {
  const newest = (p: string): number =>
    statSync(p).isDirectory() ? Math.max(0, ...readdirSync(p).map((n) => newest(join(p, n)))) : statSync(p).mtimeMs;
  const built = ['dist/cli.mjs', 'dist/worker.mjs'].map((f) => join(repo, f));
  const sources = ['src/cli', 'src/core', 'src/lsp', 'schemas'].map((d) => join(repo, d)).filter(existsSync);
  const stale = built.some((f) => !existsSync(f)) || Math.min(...built.map((f) => statSync(f).mtimeMs)) < Math.max(...sources.map(newest));
  if (!stale) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, encoding: 'utf8' });
  assert.equal(r.status, 0, `build failed: ${r.stderr}`);
}
