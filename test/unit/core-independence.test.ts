// src/core must run in a web worker and in the browser extension host: no `vscode`, no Node built-ins.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const coreDir = join(import.meta.dirname, '../../src/core');
const forbidden = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|js|mjs)$/.test(n) ? [p] : [];
  });
}

test('src/core imports neither vscode nor Node built-ins', () => {
  const offenders: string[] = [];
  for (const file of sources(coreDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4]!;
      const bare = spec.split('/')[0]!;
      if (forbidden.has(spec) || forbidden.has(bare) || spec.startsWith('node:')) offenders.push(`${relative(coreDir, file)}: ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the check itself catches a forbidden import', () => {
  const sample = "import { readFile } from 'node:fs';\nimport * as vscode from 'vscode';\nconst p = require('path');";
  const found = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
  assert.deepEqual(found, ['node:fs', 'vscode', 'path']);
});
