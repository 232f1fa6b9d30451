// Worker threads for big runs: min(cores, 4) workers, each with its own engine, fed batches of files
// as they finish. Start-up is not free (each worker loads the engine), so small runs stay in-process.
// Two kinds of batches: `index` (each file's workspace-index record, from its front matter) and `lint`.

import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config/types.js';
import type { IndexedDoc, WorkspaceIndexData } from '../core/workspace/index.js';
import type { FileResult } from './results.js';

export interface LintJob {
  path: string;
  /**
   * The text as read (BOM dropped). Undefined: the worker reads the file itself; on big runs the main
   * thread keeps no file's text (issue 16: every text held at once was ~80 MB of a 10k run's memory).
   */
  text?: string;
  /** The file's size, for batching when there is no text. */
  bytes?: number;
  configKey: string;
  /** The workspace index the file is linted with (a key of the indexes), if any. */
  scope?: string;
  /** Today's date (YYYY-MM-DD, local) for rules that compare dates with it. */
  today?: string;
}

export interface ToWorker {
  id: number;
  kind: 'lint' | 'index';
  /** Configs this worker has not seen yet (resolved configs are plain data). */
  configs: [string, ResolvedConfig][];
  /** Workspace indexes this worker has not seen yet (plain data, sent once per worker). */
  indexes: [string, WorkspaceIndexData][];
  jobs: LintJob[];
}

export interface FromWorker {
  id: number;
  /** `lint` batches. */
  results?: FileResult[];
  /** `index` batches: each file's record (null: no pmdocs document). */
  entries?: [string, IndexedDoc | null][];
}

/** Below this many files, linting in-process is faster than starting workers. */
export const POOL_THRESHOLD = 50;

const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 50;

// What a worker keeps between files is small (the engine, configs, the index: about 20 MB live on the
// 10k bench corpus); everything else is one file's parse, dead before the next file. V8's defaults let
// each worker's heap grow to several times that before collecting (up to 48 MB of young generation
// alone), which made a 10k run's resident memory ~150 MB larger than it needed (issue 16). Bounded
// heaps are collected early and cheaply. A file whose lint needs more than the bound (a multi-megabyte
// document) runs the worker out of memory: that batch is then retried on a worker without the bound.
const BOUNDED = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };
const UNBOUNDED = { maxYoungGenerationSizeMb: 8 };

type Limits = typeof UNBOUNDED & { maxOldGenerationSizeMb?: number };

function startWorker(resourceLimits: Limits): Worker {
  // From the bundle: dist/worker.mjs next to dist/cli.mjs. From source (tests run through tsx), the
  // worker registers tsx's loader first, then imports worker.ts.
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.mjs', import.meta.url), { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`, {
    eval: true,
    resourceLimits,
  });
}

/**
 * PMDOCS_WORKER_HEAP_MB overrides the bound (tests force the out-of-memory retry with a tiny one). From
 * source, tsx compiles the engine inside each worker: no bound there unless asked for.
 */
function boundedLimits(): Limits {
  const mb = Number(process.env['PMDOCS_WORKER_HEAP_MB']);
  if (Number.isFinite(mb) && mb > 0) return { ...BOUNDED, maxOldGenerationSizeMb: mb };
  return import.meta.url.endsWith('.ts') ? UNBOUNDED : BOUNDED;
}

const outOfMemory = (e: unknown) => (e as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

function batches(jobs: LintJob[], workers: number): LintJob[][] {
  // Small batches keep both cores busy to the end; a byte cap keeps one huge file from hiding others.
  const perBatch = Math.max(4, Math.min(BATCH_FILES, Math.ceil(jobs.length / (workers * 8))));
  const out: LintJob[][] = [];
  let current: LintJob[] = [];
  let bytes = 0;
  for (const job of jobs) {
    const size = job.text?.length ?? job.bytes ?? 0;
    if (current.length && (current.length >= perBatch || bytes + size > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(job);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

export interface Pool {
  readonly size: number;
  /** Lints the jobs on the workers; results come back in no particular order. */
  lint(jobs: LintJob[], configs: Map<string, ResolvedConfig>, indexes?: Map<string, WorkspaceIndexData>): Promise<FileResult[]>;
  /** The files' workspace-index records, computed on the workers. */
  index(jobs: LintJob[], configs: Map<string, ResolvedConfig>): Promise<Map<string, IndexedDoc | null>>;
  close(): Promise<void>;
}

/** Starts the workers now, so they load the engine while the main thread is still reading files. */
interface Slot {
  worker: Worker;
  /** The worker's last error (it is always listened to: an error between batches must not crash the run). */
  error?: unknown;
  exited: boolean;
  /** Replaced once already after running out of memory. */
  retried: boolean;
  /** Configs and workspace indexes this worker has been sent. */
  configs: Set<string>;
  indexes: Set<string>;
}

export function createPool(size: number): Pool {
  const start = (limits: Limits): Slot => {
    const slot: Slot = { worker: startWorker(limits), exited: false, retried: false, configs: new Set(), indexes: new Set() };
    slot.worker.on('error', (e) => (slot.error = e)).on('exit', () => (slot.exited = true));
    // Idle workers do not keep the process alive (a run that throws or returns early still ends); they
    // are referenced only while a lint is waiting for them.
    slot.worker.unref();
    return slot;
  };
  const limits = boundedLimits();
  const slots = Array.from({ length: size }, () => start(limits));
  /** Out of memory under the bound: once per slot, a fresh worker without it takes over. */
  const replace = (w: number): Slot | undefined => {
    const old = slots[w]!;
    if (old.retried || !outOfMemory(old.error)) return undefined;
    const slot = (slots[w] = start(UNBOUNDED));
    slot.retried = true;
    return slot;
  };
  const died = (slot: Slot, code?: number) =>
    new Error(`a lint worker stopped unexpectedly${slot.error instanceof Error ? `: ${slot.error.message}` : ` (exit code ${code})`}`);
  let id = 0;
  const dispatch = async (
    kind: ToWorker['kind'],
    jobs: LintJob[],
    configs: Map<string, ResolvedConfig>,
    indexes: Map<string, WorkspaceIndexData>,
    onResult: (msg: FromWorker) => void,
  ) => {
    const queue = batches(jobs, size);
    await Promise.all(
      slots.map(
        (_, w) =>
          new Promise<void>((resolve, reject) => {
            let slot = slots[w]!;
            let inFlight: LintJob[] | undefined;
            const post = (batch: LintJob[]) => {
              inFlight = batch;
              const fresh = [...new Set(batch.map((j) => j.configKey))].filter((k) => !slot.configs.has(k));
              for (const k of fresh) slot.configs.add(k);
              const scopes = [...new Set(batch.flatMap((j) => (j.scope !== undefined ? [j.scope] : [])))].filter(
                (k) => !slot.indexes.has(k) && indexes.has(k),
              );
              for (const k of scopes) slot.indexes.add(k);
              slot.worker.postMessage({
                id: ++id,
                kind,
                configs: fresh.map((k) => [k, configs.get(k)!]),
                indexes: scopes.map((k) => [k, indexes.get(k)!]),
                jobs: batch,
              } satisfies ToWorker);
            };
            const next = () => {
              const batch = queue.shift();
              if (batch) return post(batch);
              inFlight = undefined;
              detach();
              slot.worker.unref();
              resolve();
            };
            const onMessage = (msg: FromWorker) => {
              onResult(msg);
              next();
            };
            const onExit = (code: number) => {
              detach();
              const fresh = replace(w);
              if (!fresh) return reject(died(slot, code));
              slot = fresh;
              attach();
              if (inFlight) post(inFlight);
              else next();
            };
            const attach = () => {
              slot.worker.ref();
              slot.worker.on('message', onMessage).on('exit', onExit);
            };
            const detach = () => slot.worker.off('message', onMessage).off('exit', onExit);
            // A worker that died while idle (out of memory loading the engine) is replaced first.
            if (slot.exited) {
              const fresh = replace(w);
              if (!fresh) return reject(died(slot));
              slot = fresh;
            }
            attach();
            next();
          }),
      ),
    );
  };
  return {
    size,
    async lint(jobs, configs, indexes = new Map()) {
      const results: FileResult[] = [];
      await dispatch('lint', jobs, configs, indexes, (msg) => results.push(...(msg.results ?? [])));
      return results;
    },
    async index(jobs, configs) {
      const entries = new Map<string, IndexedDoc | null>();
      await dispatch('index', jobs, configs, new Map(), (msg) => {
        for (const [path, entry] of msg.entries ?? []) entries.set(path, entry);
      });
      return entries;
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
