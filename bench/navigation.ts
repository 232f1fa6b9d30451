// Navigation on a generated corpus (`npm run bench:navigation [-- --docs N] [--seed S]`): how long
// indexing takes with and without recording where documents name ids, how long "references of one PRD"
// takes cold (the first query builds the id → occurrences map) and warm, and how long planning the
// rename of a PRD that 50 documents reference takes; then the document graph (core/graph): indexing with
// requirement ids, building the incoming-edge map, "references of one PRD" and "trace of one PRD" cold
// and warm, the trace of every PRD, and one cold `pmdocs lint` of the same corpus to compare with
// (`--no-lint` leaves it out; it needs `npm run build`). In-process, the way the editor hosts do it;
// prints a Markdown table for BENCHMARKS.md. Each figure is the median of several runs.

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
import { doneTest, traceOf, workspaceTrace } from '../src/core/graph/trace.js';
import type { ResolvedConfig } from '../src/core/config/types.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const docs = Number(arg('--docs', '10000'));
const lintToo = !args.includes('--no-lint');
const seed = arg('--seed', '1');
const repo = join(import.meta.dirname, '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x >= 0.0005 ? x.toFixed(3) : '< 0.001');

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
  // The document graph. The corpus's PRDs number their requirements … (the built-in PRD type
  // reads FR-), so the graph is indexed with requirementIdPrefix "R-" for PRDs; the corpus's stories name
  // their PRD and epic but implement no requirement id, so each story that names a PRD is given one
  // `implements` edge to one of its requirements (in memory), for traces with coverage to compute.
  const graphConfig: ResolvedConfig = {
    ...config,
    docTypes: [...config.docTypes, { ...builtInDocTypes.find((t) => t.type === 'prd')!, requirementIdPrefix: 'R-' }],
  };
  const graphRegistry = registryFor(graphConfig);
  const buildGraph = () => {
    const out: IndexedDoc[] = [];
    for (const { path, text } of texts) {
      const e = indexEntry(text, path, graphConfig, graphRegistry);
      if (e) out.push(e);
    }
    return out;
  };
  // Alternating, so that a change in the machine's load hits both alike.
  const rounds = docs >= 5000 ? 1 : 3;
  build(false); // warm the caches (schemas, patterns)
  const plain: number[] = [];
  const withMentions: number[] = [];
  const withGraph: number[] = [];
  let entries: IndexedDoc[] = [];
  let graphEntries: IndexedDoc[] = [];
  buildGraph();
  for (let i = 0; i < rounds; i++) {
    plain.push(time(() => build(false)));
    withMentions.push(time(() => (entries = build(true))));
    withGraph.push(time(() => (graphEntries = buildGraph())));
  }
  const graphIndexMs = median(withGraph);
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

  const requirementsOf = new Map(graphEntries.filter((e) => e.type === 'prd' && e.id).map((e) => [e.id!, e.requirements ?? []]));
  let implemented = 0;
  graphEntries = graphEntries.map((e, i) => {
    const prd = e.type === 'user-story' ? e.refs?.find((r) => r.key === 'prd') : undefined;
    const reqs = prd && requirementsOf.get(prd.id);
    if (!reqs?.length) return e;
    implemented++;
    return { ...e, refs: [...e.refs!, { key: 'implements', id: prd.id, anchor: reqs[i % reqs.length]!.id }] };
  });
  const requirementCount = [...requirementsOf.values()].reduce((n, r) => n + r.length, 0);
  const isDone = doneTest(builtInDocTypes);
  const graphPrds = graphEntries.filter((e) => e.type === 'prd' && e.idOk && e.id);
  // The PRD with the most incoming edges, for the per-PRD queries.
  let busiest = graphPrds[0]!;
  {
    const counted = createWorkspaceIndex({ root: dir, docs: graphEntries });
    for (const p of graphPrds) if (counted.referencing(p.id!).length > counted.referencing(busiest.id!).length) busiest = p;
  }
  // Cold: a fresh snapshot (as after an edit), so the first question builds the incoming-edge map.
  const fresh = () => createWorkspaceIndex({ root: dir, docs: graphEntries });
  const edgesMs = median(
    Array.from({ length: 5 }, () => {
      const ix = fresh();
      return time(() => ix.referencing(busiest.id!));
    }),
  );
  const refsColdMs = edgesMs; // the first "references of one PRD" is exactly that map plus one lookup
  const traceColdMs = median(
    Array.from({ length: 5 }, () => {
      const ix = fresh();
      return time(() => traceOf(ix, busiest.id!, isDone));
    }),
  );
  const graphIndex = fresh();
  const incoming = graphIndex.referencing(busiest.id!).length;
  const refsWarmMs = median(Array.from({ length: 200 }, () => time(() => graphIndex.referencing(busiest.id!))));
  const busiestTrace = traceOf(graphIndex, busiest.id!, isDone)!;
  const traceWarmMs = median(Array.from({ length: 200 }, () => time(() => traceOf(graphIndex, busiest.id!, isDone))));
  let all = workspaceTrace(graphIndex, isDone);
  const allMs = median(Array.from({ length: 3 }, () => time(() => (all = workspaceTrace(graphIndex, isDone)))));

  // One cold lint of the same corpus (the built CLI, no cache, in a child process as a user runs it).
  let lintMs: number | undefined;
  if (lintToo) {
    const cli = join(repo, 'dist/cli.mjs');
    const t = performance.now();
    const lint = spawnSync(process.execPath, [cli, 'lint', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    lintMs = performance.now() - t;
    if (lint.status !== 0 && lint.status !== 1) throw new Error(`pmdocs lint failed (${lint.status}): ${lint.stderr}`);
  }

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
  console.log('');
  console.log('| document graph (core/graph) | figure |');
  console.log('| --- | ---: |');
  console.log(
    `| index ${texts.length} files with edges and requirement ids (${requirementCount} requirements in ${requirementsOf.size} PRDs) | ${ms(graphIndexMs)} ms |`,
  );
  console.log(`| build the incoming-edge map (first \`referencing\` on a new snapshot), median of 5 | ${ms(edgesMs)} ms |`);
  console.log(`| references of ${busiest.id} (${incoming} documents name it): cold, median of 5 | ${ms(refsColdMs)} ms |`);
  console.log(`| references of ${busiest.id}: warm, median of 200 | ${ms(refsWarmMs)} ms |`);
  const c = busiestTrace.coverage;
  console.log(
    `| trace of ${busiest.id} (${c.requirements} requirements, ${c.stories} stories, ${busiestTrace.epics.length} epics, ${busiestTrace.releases.length} releases, ${busiestTrace.gaps.length} gaps): cold, median of 5 | ${ms(traceColdMs)} ms |`,
  );
  console.log(`| trace of ${busiest.id}: warm, median of 200 | ${ms(traceWarmMs)} ms |`);
  console.log(
    `| trace of every PRD (${all.totals.prds} PRDs, ${all.totals.gaps} gaps; ${implemented} stories given an \`implements\` edge), median of 3 | ${ms(allMs)} ms |`,
  );
  if (lintMs !== undefined) {
    const share = (x: number) => `${((x / lintMs) * 100).toFixed(1)} %`;
    console.log(`| \`pmdocs lint . --format json\`, cold, no cache (one run) | ${ms(lintMs)} ms |`);
    console.log(
      `| index with edges and requirement ids + incoming-edge map, as a share of that cold lint | ${share(graphIndexMs + edgesMs)} |`,
    );
    console.log(
      `| what reading the requirement ids and building the edge map add to the lint's own index (${ms(graphIndexMs - plainMs + edgesMs)} ms), as a share of the cold lint | ${share(graphIndexMs - plainMs + edgesMs)} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
