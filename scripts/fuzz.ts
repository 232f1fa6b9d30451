// `npm run fuzz -- --docs N --seed S [--workers W]`: mutated documents through the engine, the fixes and
// the preview renderer (test/fuzz/fuzzer.ts). Every exception, "please report" finding, non-idempotent or
// corrupting fix, unsafe preview HTML or operation over 1 s of CPU is shrunk to a small reproducer and
// saved under test/fixtures/fuzz/ (test/unit/fuzz.test.ts runs each one). Prints the figures BENCHMARKS.md
// records; exits 1 when anything failed.
//
// The documents are shared out to W worker processes (document i to worker i mod W; each generates the
// same sequence). Processes, not threads: process.cpuUsage() is then the CPU time of one engine, and each
// worker's RSS is what one engine holds after linting its share in one process, as the editor does.
// Times are CPU, not wall: on a shared machine the clock measures the neighbours. An operation over the
// limit is timed again once the workers have finished, alone, and counts only if it is still over.

import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/core/engine.js';
import {
  checkDocument,
  fuzzDocuments,
  fuzzSteps,
  minimize,
  slowest,
  type FailureKind,
  type RunSummary,
  type Stage,
} from '../test/fuzz/fuzzer.js';

const SLOW_MS = 1000;
// Each worker's heap is capped: V8 otherwise lets garbage pile up to gigabytes before it collects, so
// peak RSS would measure its laziness, not what the engine holds. What one document needs must fit in
// this (a worker that runs out ends the run with an error); what the engine keeps stays far below.
const HEAP_MB = 200;
/** Where failures are saved as reproducers (test/unit/fuzz.test.ts runs each one). */
const FIXTURES = join(import.meta.dirname, '../test/fixtures/fuzz');
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** What a worker sends its parent. */
type Message =
  | { type: 'progress'; done: number; rss: number; cpuMs: number; slowest: RunSummary['slowest'] }
  | { type: 'failure'; failure: RunSummary['failures'][number] }
  | { type: 'start'; index: number }
  | { type: 'done' };

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    'no-save': { type: 'boolean' },
    // One JSON line with the figures, last on stdout (npm run bench reads it).
    json: { type: 'boolean' },
    // Internal: this process is worker `part` of `parts`.
    part: { type: 'string' },
  },
});
const docs = Number(values.docs);
const seed = values.seed!;
const workers = Number(values.workers);
if (!Number.isSafeInteger(docs) || docs < 1) throw new Error(`--docs needs a positive whole number, not '${values.docs}'`);
if (!Number.isSafeInteger(workers) || workers < 1) throw new Error(`--workers needs a positive whole number, not '${values.workers}'`);

if (values.part !== undefined) await runWorker(Number(values.part));
else await runParent();

async function runWorker(part: number): Promise<void> {
  let done = 0;
  const started = process.cpuUsage();
  const progress = (slowestOp: RunSummary['slowest']): Message => {
    const used = process.cpuUsage(started);
    // maxRSS: the process's high-water mark (getrusage, KB), peaks within a document included.
    return {
      type: 'progress',
      done,
      rss: process.resourceUsage().maxRSS * 1024,
      cpuMs: (used.user + used.system) / 1000,
      slowest: slowestOp,
    };
  };
  const steps = fuzzSteps(docs, seed, {
    timeLimitMs: SLOW_MS,
    part,
    parts: workers,
    onFailure: (failure) => process.send!({ type: 'failure', failure } satisfies Message),
    onStart: (index) => process.send!({ type: 'start', index } satisfies Message),
    onDocument: (_index, _counts, slowestOp) => {
      if (++done % 100 === 0) process.send!(progress(slowestOp));
    },
  });
  let step = steps.next();
  // Each worker's messages (progress, failures) are written out between documents, not queued to the end.
  for (; !step.done; step = steps.next()) await new Promise<void>((resolve) => setImmediate(resolve));
  process.send!(progress(step.value.slowest));
  process.send!({ type: 'done' } satisfies Message, () => process.exit(0));
}

/**
 * The workers run this script bundled by esbuild (as the CLI ships), not through tsx: tsx's loader thread
 * and the sources it compiles cost each worker about 100 MB of RSS, which the peak would then count
 * against the engine. The bundle sits two folders below the repository, as test/fuzz/fuzzer.ts does, so
 * the documents it reads from the repository are found the same way.
 */
async function workerBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(import.meta.dirname, '../node_modules/.pmdocs-fuzz/worker.mjs');
  await build({
    entryPoints: [import.meta.filename],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    // ESM bundles that inline CommonJS dependencies (ajv) need a real `require` for Node built-ins.
    banner: {
      js: "import { createRequire as __fuzzCreateRequire } from 'node:module'; const require = __fuzzCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

/** Document `index` of this run's sequence, written to test/fixtures/fuzz/<name>.md as it was checked (not shrunk). */
function saveDocument(name: string, index: number): void {
  let i = 0;
  for (const text of fuzzDocuments(index + 1, seed)) {
    if (i++ < index) continue;
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(join(FIXTURES, `${name}.md`), text);
    process.stderr.write(`fuzz: saved test/fixtures/fuzz/${name}.md\n`);
  }
}

async function runParent(): Promise<void> {
  const started = performance.now();
  const worker = await workerBundle();
  const state = Array.from({ length: workers }, () => ({ done: 0, rss: 0, cpuMs: 0, slowest: undefined as RunSummary['slowest'] }));
  const failures: RunSummary['failures'] = [];
  let lastReport = 0;
  const children: ChildProcess[] = [];
  // A long run can be stopped (SIGINT, SIGTERM): it then reports the documents checked so far.
  let stop: () => void = () => undefined;
  const stopped = new Promise<'stopped'>((resolve) => (stop = () => resolve('stopped')));
  process.once('SIGINT', () => stop());
  process.once('SIGTERM', () => stop());
  const finished = Promise.all(
    Array.from(
      { length: workers },
      (_, part) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(worker, [...process.argv.slice(2), '--part', String(part)], {
            stdio: 'inherit',
            execArgv: [`--max-old-space-size=${HEAP_MB}`],
          });
          children.push(child);
          let ended = false;
          let current: number | undefined;
          child.on('message', (m: Message) => {
            if (m.type === 'done') return void (ended = true);
            if (m.type === 'start') return void (current = m.index);
            if (m.type === 'failure') return void failures.push(m.failure);
            state[part] = { done: m.done, rss: m.rss, cpuMs: m.cpuMs, slowest: m.slowest };
            if (performance.now() - lastReport < 30_000) return;
            lastReport = performance.now();
            const total = state.reduce((a, w) => a + w.done, 0);
            process.stderr.write(
              `fuzz: ${total}/${docs} documents, ${Math.round((performance.now() - started) / 1000)} s, ${failures.length} failures so far, worker peak RSS ${state.map((w) => mb(w.rss)).join('/')} MB\n`,
            );
          });
          child.on('exit', (code, signal) => {
            if (ended) return resolve();
            // The document it died on (out of memory, a crash) is saved like any failure.
            const at = current === undefined ? '' : ` on document #${current}`;
            if (current !== undefined && !values['no-save']) saveDocument(`died-${part}-${current}`, current);
            reject(new Error(`fuzz worker ${part} ended (${signal ?? `exit ${code}`})${at} before finishing`));
          });
        }),
    ),
  ).then(() => 'finished' as const);
  const how = await Promise.race([finished, stopped]);
  if (how === 'stopped') for (const child of children) child.kill();
  const checked = state.reduce((a, w) => a + w.done, 0);
  failures.sort((a, b) => a.index - b.index);
  const counts = { exception: 0, 'please-report': 0, 'fix-not-idempotent': 0, 'fix-corrupts': 0, 'unsafe-html': 0, slow: 0 } as Record<
    FailureKind,
    number
  >;
  for (const f of failures) counts[f.failure.kind]++;
  const slowestOp = state
    .map((w) => w.slowest)
    .filter((x) => x !== undefined)
    .sort((a, b) => b.ms - a.ms)[0];

  // Over the limit while the workers ran: time it again, alone in this process (twice, the smaller time).
  const engine = createEngine();
  const overLimit = failures.filter((f) => f.failure.kind === 'slow');
  const confirmed: typeof failures = [];
  for (const f of overLimit) {
    const runs = [0, 1].map(() => {
      const times: Partial<Record<Stage, number>> = {};
      checkDocument(engine, f.text, undefined, times);
      return slowest(times)!;
    });
    const best = runs.sort((a, b) => a[1] - b[1])[0]!;
    if (best[1] > SLOW_MS)
      confirmed.push({
        ...f,
        failure: { kind: 'slow', detail: `${best[0]}: ${Math.round(best[1])} ms of CPU alone, ${f.text.length} characters` },
      });
  }
  counts.slow = confirmed.length;
  const kept = [...failures.filter((f) => f.failure.kind !== 'slow'), ...confirmed];
  const wallS = Math.round((performance.now() - started) / 1000);
  const peaks = state.map((w) => w.rss);

  const saved: string[] = [];
  if (!values['no-save'] && kept.length) {
    mkdirSync(FIXTURES, { recursive: true });
    const done = new Set<string>();
    for (const { text, failure } of kept) {
      const key = failure.kind + failure.detail.slice(0, 40);
      if (done.has(key)) continue; // one reproducer per distinct failure
      done.add(key);
      const small = minimize(engine, text, failure.kind, failure.kind === 'slow' ? 40 : 400, failure.kind === 'slow' ? SLOW_MS : undefined);
      const name = `${failure.kind}-${createHash('sha1').update(small).digest('hex').slice(0, 10)}.md`;
      writeFileSync(join(FIXTURES, name), small);
      saved.push(`${name}: ${failure.detail}`);
    }
  }

  const c = counts;
  const cpuS = Math.round(state.reduce((a, w) => a + w.cpuMs, 0) / 1000);
  console.log(
    `fuzz: ${checked} documents${how === 'stopped' ? ` (stopped; ${docs} asked for)` : ''}, seed ${JSON.stringify(seed)}, ${workers} workers, ${wallS} s wall, ${cpuS} s CPU in the workers`,
  );
  console.log(
    `  exceptions ${c.exception}, please-report findings ${c['please-report']}, non-idempotent fixes ${c['fix-not-idempotent']}, corrupting fixes ${c['fix-corrupts']}, unsafe preview HTML ${c['unsafe-html']}, operations over ${SLOW_MS / 1000} s of CPU ${c.slow} (${overLimit.length} over while the workers ran)`,
  );
  if (slowestOp)
    console.log(
      `  slowest operation: ${slowestOp.stage} of document #${slowestOp.index} (${slowestOp.chars} characters), ${Math.round(slowestOp.ms)} ms of CPU while the workers ran`,
    );
  console.log(`  peak RSS per worker ${peaks.map((r) => `${mb(r)} MB`).join(', ')} (${mb(Math.max(...peaks))} MB at most in one process)`);
  for (const s of saved) console.log(`  saved test/fixtures/fuzz/${s}`);
  for (const f of kept.slice(0, 20)) console.log(`  #${f.index} ${f.failure.kind}: ${f.failure.detail}`);
  if (values.json)
    console.log(
      JSON.stringify({
        docs: checked,
        asked: docs,
        seed,
        workers,
        wallS,
        cpuS,
        counts: c,
        overWhileRunning: overLimit.length,
        slowest: slowestOp ?? null,
        peakRssMb: peaks.map(mb),
        heapCapMb: HEAP_MB,
        failures: kept.map((f) => ({ index: f.index, kind: f.failure.kind, detail: f.failure.detail })),
      }),
    );
  process.exitCode = kept.length ? 1 : 0;
  if (how === 'stopped') process.exit();
}
