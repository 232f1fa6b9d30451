// `npm run fuzz -- --docs N --seed S`: mutated documents through the engine, the fixes and the preview
// renderer (test/fuzz/fuzzer.ts). Every exception, "please report" finding, non-idempotent or corrupting
// fix, unsafe preview HTML or document over 1 s is shrunk to a small reproducer and saved under
// test/fixtures/fuzz/ (test/unit/fuzz.test.ts runs each one). Prints the figures BENCHMARKS.md records;
// exits 1 when anything failed.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/core/engine.js';
import { fuzz, minimize } from '../test/fuzz/fuzzer.js';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, 'no-save': { type: 'boolean' } },
});
const docs = Number(values.docs);
const seed = values.seed!;
if (!Number.isSafeInteger(docs) || docs < 1) throw new Error(`--docs needs a positive whole number, not '${values.docs}'`);

const SLOW_MS = 1000;
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 200);
const started = performance.now();
const summary = fuzz(docs, seed, {
  timeLimitMs: SLOW_MS,
  onProgress: (done, counts) => {
    sample();
    const found = Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    process.stderr.write(
      `fuzz: ${done}/${docs} documents, ${Math.round((performance.now() - started) / 1000)} s, peak RSS ${Math.round(peakRss / 1048576)} MB; ${found}\n`,
    );
  },
});
clearInterval(timer);
sample();

const outDir = join(import.meta.dirname, '../test/fixtures/fuzz');
const saved: string[] = [];
if (!values['no-save'] && summary.failures.length) {
  mkdirSync(outDir, { recursive: true });
  const engine = createEngine();
  const done = new Set<string>();
  for (const { text, failure } of summary.failures) {
    if (done.has(failure.kind + failure.detail.slice(0, 40))) continue; // one reproducer per distinct failure
    done.add(failure.kind + failure.detail.slice(0, 40));
    const small = minimize(engine, text, failure.kind, failure.kind === 'slow' ? 40 : 400, failure.kind === 'slow' ? SLOW_MS : undefined);
    const name = `${failure.kind}-${createHash('sha1').update(small).digest('hex').slice(0, 10)}.md`;
    writeFileSync(join(outDir, name), small);
    saved.push(`${name}: ${failure.detail}`);
  }
}

const c = summary.counts;
console.log(`fuzz: ${docs} documents, seed ${JSON.stringify(seed)}, ${Math.round((performance.now() - started) / 1000)} s`);
console.log(
  `  exceptions ${c.exception}, please-report findings ${c['please-report']}, non-idempotent fixes ${c['fix-not-idempotent']}, corrupting fixes ${c['fix-corrupts']}, unsafe preview HTML ${c['unsafe-html']}, documents over ${SLOW_MS / 1000} s of CPU ${c.slow}`,
);
console.log(`  slowest document ${Math.round(summary.slowestMs)} ms of CPU, peak RSS ${Math.round(peakRss / 1048576)} MB`);
for (const s of saved) console.log(`  saved test/fixtures/fuzz/${s}`);
process.exitCode = summary.failures.length ? 1 : 0;
