// Warm re-lint of one 400-line PRD, as the editor does after each keystroke (issue 16, item 4): one
// engine, a workspace index of a generated corpus, the same document re-linted after a one-character
// edit each time. In-process, from the sources (like bench:navigation). `npm run bench` runs it and
// reports the figures; alone: `node --import tsx bench/relint.ts [--docs N] [--runs N] [--json]`.
// The PRD is the generator's big-table PRD with most of its requirement rows dropped: 400 lines of
// real sections, lists and a table.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../src/core/config/types.js';
import { createEngine } from '../src/core/engine.js';
import { indexEntry, registryFor } from '../src/core/workspace/entry.js';
import { createWorkspaceIndex, type IndexedDoc } from '../src/core/workspace/index.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const docs = Number(arg('--docs', '1000'));
const runs = Number(arg('--runs', '300'));
const LINES = 400;
const repo = join(import.meta.dirname, '..');

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (n.endsWith('.md')) out.push(p);
  }
  return out;
}

function generate(dir: string, extra: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bench/gen-corpus.mjs'), dir, '--seed', '1', '--force', ...extra], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`gen-corpus failed: ${r.stderr}`);
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; tableRows?: number }[] };
}

/** The table PRD cut to LINES lines by dropping table rows (each table keeps its header, separator and first row) from the end. */
function shorten(text: string): string {
  const lines = text.split('\n');
  const separator = (l: string) => /^\|[\s|:-]+$/.test(l);
  const rows = lines
    .map((_, i) => i)
    .filter((i) => i > 0 && lines[i]!.startsWith('|') && lines[i - 1]!.startsWith('|') && !separator(lines[i]!));
  // every table keeps its first row; the other rows go, the last ones first
  const droppable = rows.filter((i) => rows.includes(i - 1));
  const drop = new Set(droppable.slice(droppable.length - Math.min(droppable.length, Math.max(0, lines.length - LINES))));
  return lines.filter((_, i) => !drop.has(i)).join('\n');
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

const dir = mkdtempSync(join(tmpdir(), 'pmdocs-bench-relint-'));
try {
  generate(join(dir, 'ws'), ['--docs', String(docs)]);
  const big = generate(join(dir, 'big'), ['--docs', '16', '--big']);
  const table = big.files.find((f) => f.tableRows)!;
  const config = defaultConfig(join(dir, 'ws'));
  const registry = registryFor(config);
  const path = join(dir, 'ws', 'prd', 'PRD-99999-relint-bench.md');
  const prd = shorten(readFileSync(join(dir, 'big', table.path), 'utf8')).replace(/^id: PRD-\d+$/m, 'id: PRD-99999');
  const entries: IndexedDoc[] = [];
  for (const p of [...files(join(dir, 'ws')), path].sort()) {
    const e = indexEntry(p === path ? prd : readFileSync(p, 'utf8'), p, config, registry);
    if (e) entries.push(e);
  }
  const workspace = createWorkspaceIndex({ root: join(dir, 'ws'), docs: entries });
  const engine = createEngine();
  // The edit the editor bench types: characters appended to line 30's text, one more each time.
  const lines = prd.split('\n');
  const edited = (i: number) => [...lines.slice(0, 29), `${lines[29]}${'x'.repeat(1 + (i % 20))}`, ...lines.slice(30)].join('\n');
  const lint = (text: string) => engine.lint(text, { path, config, workspace, today: '2026-12-01' });
  const first = lint(prd);
  for (let i = 0; i < 30; i++) lint(edited(i)); // warm: compiled validators, patterns, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const text = edited(i);
    const t = performance.now();
    lint(text);
    times.push(performance.now() - t);
  }
  const out = {
    lines: lines.length,
    bytes: Buffer.byteLength(prd),
    findings: first.findings.length,
    workspaceDocs: entries.length,
    runs,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: Math.max(...times),
  };
  if (args.includes('--json')) console.log(JSON.stringify(out));
  else
    console.log(
      `warm re-lint of a ${out.lines}-line PRD (${out.findings} findings, workspace of ${out.workspaceDocs} documents), ${runs} runs: p50 ${out.p50Ms.toFixed(2)} ms, p95 ${out.p95Ms.toFixed(2)} ms, max ${out.maxMs.toFixed(2)} ms`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
