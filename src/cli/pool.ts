// Worker threads for big runs: min(cores, 4) workers, each with its own engine, fed batches of files
// as they finish. Start-up is not free (each worker loads the engine), so small runs stay in-process.
// Two kinds of batches: `index` (each file's workspace-index record, from its front matter) and `lint`.

import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config/types.js';
import type { IndexedDoc, WorkspaceIndexData } from '../core/workspace/index.js';
import type { FileResult } from './results.js';

export interface LintJob {
  path: string;
  text: string;
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

const BATCH_BYTES = 512 * 1024;

function startWorker(): Worker {
  // From the bundle: dist/worker.mjs next to dist/cli.mjs. From source (tests run through tsx), the
  // worker registers tsx's loader first, then imports worker.ts.
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.mjs', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`, {
    eval: true,
  });
}

function batches(jobs: LintJob[], workers: number): LintJob[][] {
  // Small batches keep both cores busy to the end; a byte cap keeps one huge file from hiding others.
  const perBatch = Math.max(4, Math.min(100, Math.ceil(jobs.length / (workers * 8))));
  const out: LintJob[][] = [];
  let current: LintJob[] = [];
  let bytes = 0;
  for (const job of jobs) {
    if (current.length && (current.length >= perBatch || bytes + job.text.length > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(job);
    bytes += job.text.length;
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
export function createPool(size: number): Pool {
  const workers = Array.from({ length: size }, startWorker);
  // Idle workers do not keep the process alive (a run that throws or returns early still ends); they
  // are referenced only while a lint is waiting for them.
  for (const w of workers) w.unref();
  const sent = workers.map(() => new Set<string>());
  const sentIndexes = workers.map(() => new Set<string>());
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
      workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const batch = queue.shift();
              if (!batch) {
                worker.off('message', onMessage).off('error', reject).off('exit', onExit);
                worker.unref();
                return resolve();
              }
              const fresh = [...new Set(batch.map((j) => j.configKey))].filter((k) => !sent[w]!.has(k));
              for (const k of fresh) sent[w]!.add(k);
              const scopes = [...new Set(batch.flatMap((j) => (j.scope !== undefined ? [j.scope] : [])))].filter(
                (k) => !sentIndexes[w]!.has(k) && indexes.has(k),
              );
              for (const k of scopes) sentIndexes[w]!.add(k);
              worker.postMessage({
                id: ++id,
                kind,
                configs: fresh.map((k) => [k, configs.get(k)!]),
                indexes: scopes.map((k) => [k, indexes.get(k)!]),
                jobs: batch,
              } satisfies ToWorker);
            };
            const onMessage = (msg: FromWorker) => {
              onResult(msg);
              next();
            };
            const onExit = (code: number) => reject(new Error(`a lint worker stopped unexpectedly (exit code ${code})`));
            worker.ref();
            worker.on('message', onMessage).on('error', reject).on('exit', onExit);
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
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
