// The web extension (package.json's `browser`, loaded by the browser's web-worker extension host) must
// not reach for Node: its esbuild metafile is read for every module that went in and every import that
// stayed out of the bundle. The run in a real web-worker host is test/web (scripts/test-web.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { webExtensionTarget } from '../../scripts/webBundle.mjs';

const repo = join(import.meta.dirname, '../..');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

let cached: Metafile | undefined;
async function metafile(): Promise<Metafile> {
  cached ??= (await build({ ...webExtensionTarget, bundle: true, write: false, metafile: true, logLevel: 'silent', absWorkingDir: repo }))
    .metafile;
  return cached;
}

test("package.json's browser entry is the web bundle, next to the Node one", () => {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  assert.equal(pkg.browser, `./${webExtensionTarget.outfile}`);
  assert.equal(pkg.main, './dist/extension.cjs');
});

test('the web bundle imports nothing but vscode: no Node built-in, nothing left external', async () => {
  const meta = await metafile();
  const [output] = Object.values(meta.outputs).filter((o) => o.entryPoint);
  assert.ok(output, 'one output for the entry point');
  assert.deepEqual([...new Set(output.imports.map((i) => i.path))], ['vscode']);
  const builtins = Object.entries(meta.inputs).flatMap(([file, input]) =>
    input.imports.filter((i) => nodeBuiltins.has(i.path) || i.path.startsWith('node:')).map((i) => `${file} → ${i.path}`),
  );
  assert.deepEqual(builtins, []);
});

test('no module of the web bundle was stubbed out for the browser or needs the DOM (the host is a worker)', async () => {
  const inputs = Object.keys((await metafile()).inputs);
  // A package's `browser` map can replace a Node built-in with nothing ("(disabled):fs"): code that
  // needed it would break at run time. A DOM build (document, window) breaks in a web worker.
  assert.deepEqual(
    inputs.filter((f) => f.startsWith('(disabled)') || /\.dom\.js$/.test(f)),
    [],
  );
});

test('the web bundle takes the web platform, never the Node one', async () => {
  const inputs = Object.keys((await metafile()).inputs);
  assert.ok(inputs.includes('src/extension/platform/webPlatform.ts'));
  assert.ok(!inputs.includes('src/extension/platform/nodePlatform.ts'));
  assert.ok(!inputs.some((f) => f.startsWith('src/cli/') || f.startsWith('src/lsp/')), 'no CLI or language-server code');
});
