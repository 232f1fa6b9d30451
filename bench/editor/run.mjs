#!/usr/bin/env node
// `npm run bench:editor`: the editor under load (issue 16, item 4). Generates a workspace of N documents
// (bench/gen-corpus.mjs, default 10,000), opens it in a real VS Code host (code-server, as the
// integration tests do: scripts/run-vscode-tests.cjs) and runs bench/editor/inHost.ts there: bursts of
// typing into one PRD, first idle, then while Validate Workspace works through every document.
// Prints the figures and writes them into BENCHMARKS.md (between the bench:editor markers).
//   node bench/editor/run.mjs [--docs N] [--bursts N] [--debounce MS] [--no-write]

import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeIntoBenchmarks } from '../lib/report.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: o } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    bursts: { type: 'string', default: '30' },
    debounce: { type: 'string', default: '100' },
    'no-write': { type: 'boolean', default: false },
  },
});
const log = (m) => process.stderr.write(`bench:editor: ${m}\n`);
if (!existsSync(join(repo, 'dist/extension.cjs'))) {
  log('dist/extension.cjs is missing: run `npm run build` first');
  process.exit(2);
}

const outDir = join(repo, 'bench/.editor');
mkdirSync(outDir, { recursive: true });
const bundle = join(outDir, 'inHost.cjs');
await build({
  entryPoints: [join(repo, 'bench/editor/inHost.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});

const workspace = mkdtempSync(join(tmpdir(), 'pmdocs-editor-bench-'));
const gen = spawnSync(process.execPath, [join(repo, 'bench/gen-corpus.mjs'), workspace, '--docs', o.docs, '--force'], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(`gen-corpus failed: ${gen.stderr}`);
log(gen.stdout.trim());
writeFileSync(join(workspace, '.pmdocs.json'), '{}\n');
mkdirSync(join(workspace, '.vscode'));
writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify({ 'pmdocs.debounceMs': Number(o.debounce) }, null, 1));

const setup = spawnSync('bash', [join(repo, 'scripts/setup-vscode-test.sh')], { stdio: ['ignore', 2, 2] });
if (setup.status !== 0) throw new Error(`scripts/setup-vscode-test.sh failed (exit ${setup.status})`);

const result = join(outDir, 'result.json');
rmSync(result, { force: true });
process.env.PMDOCS_EDITOR_BENCH_OUT = result;
process.env.PMDOCS_EDITOR_BENCH_BURSTS = o.bursts;
process.env.VSCODE_TEST_TIMEOUT_MS ??= String(40 * 60 * 1000);
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const started = Date.now();
try {
  await runTests({
    vscodeExecutablePath: join(repo, 'scripts/run-vscode-tests.cjs'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: bundle,
    launchArgs: [workspace, '--disable-extensions'],
  });
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
if (!existsSync(result)) throw new Error('the run in the extension host wrote no result');
const r = JSON.parse(readFileSync(result, 'utf8'));
const ms = (x) => (x === undefined || x === null || Number.isNaN(x) ? '–' : `${Math.round(x)} ms`);
const md = [
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} by \`npm run bench:editor\` (code-server, Node extension host), ${Number(o.docs).toLocaleString('en-US')} documents, load average at start ${load}, ${Math.round((Date.now() - started) / 1000)} s in all. Bursts of ${r.keysPerBurst} keystrokes ${r.keyGapMs} ms apart into one PRD; \`pmdocs.debounceMs\` ${r.debounceMs}.`,
  '',
  '| while typing | bursts | keystroke → diagnostics p50 | p95 | max | longest event-loop stall |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  `| idle workspace | ${r.idle.bursts} | ${ms(r.idle.p50)} | ${ms(r.idle.p95)} | ${ms(r.idle.max)} | ${ms(r.idle.longestStallMs)} |`,
  `| Validate Workspace running (${r.loaded.filesValidatedDuringBursts.toLocaleString('en-US')} files validated meanwhile) | ${r.loaded.bursts} | ${ms(r.loaded.p50)} | ${ms(r.loaded.p95)} | ${ms(r.loaded.max)} | ${ms(r.loaded.longestStallMs)} |`,
  '',
  `Validate Workspace: ${r.validation.files.toLocaleString('en-US')} files from disk in ${ms(r.validation.ms)}; longest stall over the whole run ${ms(r.validation.longestStallMs)}; extension host peak RSS ${r.validation.peakRssMiB} MiB${r.validation.heapAfterGcMiB === undefined ? '' : `, heap after a full collection ${r.validation.heapAfterGcMiB} MiB`}. Targets (issue 16): p95 ≤ 250 ms after the last keystroke (the debounce included), no stall over 50 ms.`,
].join('\n');
process.stdout.write(`${md}\n`);
if (!o['no-write']) {
  writeIntoBenchmarks(join(repo, 'BENCHMARKS.md'), md, 'editor');
  log('wrote the figures into BENCHMARKS.md');
}
