// Navigation on a generated corpus (`npm run bench:navigation [-- --docs N] [--seed S]`): how long
// indexing takes with and without recording where documents name ids, how long "references of one PRD"
// takes cold (the first query builds the id → occurrences map) and warm, and how long planning the
// rename of a PRD that 50 documents reference takes. In-process, the way the editor hosts do it; prints
// a Markdown table for BENCHMARKS.md. Each figure is the median of several runs.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../src/core/config/types.js';
import { builtInDocTypes } from '../src/core/doctypes/builtins.js';
import { indexEntry, registryFor } from '../src/core/workspace/entry.js';
import { createWorkspaceIndex, type IndexedDoc } from '../src/core/workspace/index.js';
import { referencesOf } from '../src/core/navigation/occurrences.js';
import { planRename } from '../src/core/navigation/rename.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const docs = Number(arg('--docs', '10000'));
const seed = arg('--seed', '1');
const repo = join(import.meta.dirname, '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (n.endsWith('.md')) out.push(p);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'pmdocs-bench-nav-'));
try {
  const gen = spawnSync(process.execPath, [join(repo, 'bench/gen-corpus.mjs'), dir, '--docs', String(docs), '--seed', seed, '--force'], {
    encoding: 'utf8',
  });
  if (gen.status !== 0) throw new Error(`gen-corpus failed: ${gen.stderr}`);
  const config = defaultConfig(dir);
  const registry = registryFor(config);
  const texts = files(dir)
    .sort()
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  // Indexing, with and without mentions (three rounds each, median).
  const build = (mentions: boolean) => {
    const out: IndexedDoc[] = [];
    for (const { path, text } of texts) {
      const e = indexEntry(text, path, config, registry, { mentions });
      if (e) out.push(e);
    }
    return out;
  };
  // Alternating, so that a change in the machine's load hits both alike.
  const rounds = docs >= 5000 ? 1 : 3;
  build(false); // warm the caches (schemas, patterns)
  const plain: number[] = [];
  const withMentions: number[] = [];
  let entries: IndexedDoc[] = [];
  for (let i = 0; i < rounds; i++) {
    plain.push(time(() => build(false)));
    withMentions.push(time(() => (entries = build(true))));
  }
  const plainMs = median(plain);
  const withMs = median(withMentions);
  const mentions = entries.reduce((n, e) => n + (e.mentions?.length ?? 0), 0);

  // The PRD the most documents name.
  const prds = entries.filter((e) => e.type === 'prd' && e.idOk && e.id);
  const index = createWorkspaceIndex({ root: dir, docs: entries });
  const coldMs = time(() => referencesOf(index, prds[0]!.id!));
  // One document edited: a new snapshot, whose map reuses the other entries' occurrences.
  const edited = entries.map((e, i) => (i === 0 ? { ...e } : e));
  const afterEditMs = time(() => referencesOf(createWorkspaceIndex({ root: dir, docs: edited }), prds[0]!.id!));
  let target = prds[0]!;
  let most = 0;
  for (const p of prds) {
    const n = referencesOf(index, p.id!).length;
    if (n <= most) continue;
    most = n;
    target = p;
  }
  const warm = median(Array.from({ length: 200 }, () => time(() => referencesOf(index, target.id!))));

  // The PRD made one that exactly 50 other documents reference (new stories naming it in front matter
  // and body), then its rename planned.
  const naming = (prdId: string) => new Set(referencesOf(index, prdId).map((o) => o.path)).size - 1;
  const id = (prds.find((p) => naming(p.id!) <= 50) ?? target).id!;
  const extra: IndexedDoc[] = [];
  const already = naming(id);
  for (let i = 0; i < Math.max(0, 50 - already); i++) {
    const path = join(dir, 'stories', `US-9${String(i).padStart(4, '0')}-bench.md`);
    const text = `---\ntype: user-story\nid: US-9${String(i).padStart(4, '0')}\ntitle: Bench ${i}\nstatus: draft\nprd: ${id}\n---\n\n# Bench\n\nPart of ${id}.\n`;
    extra.push(indexEntry(text, path, config, registry, { mentions: true })!);
  }
  const renameIndex = createWorkspaceIndex({ root: dir, docs: [...entries, ...extra].sort((a, b) => (a.path < b.path ? -1 : 1)) });
  const referencing = new Set(referencesOf(renameIndex, id).map((o) => o.path)).size - 1;
  const newId = `PRD-${900_000 + (Number(id.slice(4)) % 100_000)}`;
  const plan = () => planRename(renameIndex, id, newId, { docTypes: builtInDocTypes, renameFiles: true });
  const first = plan();
  if (!first.ok) throw new Error(first.message);
  const edits = first.plan.files.reduce((n, f) => n + f.edits.length, 0);
  const planMs = median(Array.from({ length: 20 }, () => time(plan)));

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:navigation -- --docs ${docs}\` (seed ${seed}) on ${cpus().length} × ${cpu}, load average ${loadavg()[0]!.toFixed(1)} (a shared machine).\n`,
  );
  console.log('| step | figure |');
  console.log('| --- | ---: |');
  console.log(`| index ${texts.length} files, front matter only (as \`pmdocs lint\`) | ${ms(plainMs)} ms |`);
  console.log(`| index ${texts.length} files with mentions (as the editor hosts) | ${ms(withMs)} ms (${mentions} mentions) |`);
  console.log(`| references of one PRD, cold (builds the id → occurrences map) | ${ms(coldMs)} ms |`);
  console.log(
    `| references of one PRD after one document changed (a new snapshot: the map is rebuilt from kept occurrences) | ${ms(afterEditMs)} ms |`,
  );
  console.log(`| references of ${target.id} (${most} occurrences), warm, median of 200 | ${ms(warm)} ms |`);
  console.log(
    `| plan the rename of ${id} (${referencing} other documents name it, ${edits} edits, file rename), median of 20 | ${ms(planMs)} ms |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
