// A lint worker thread: one engine (compiled validators cached across batches), configs and workspace
// indexes sent once each.

import { parentPort } from 'node:worker_threads';
import { createEngine } from '../core/engine.js';
import type { ResolvedConfig } from '../core/config/types.js';
import { createWorkspaceIndex, type IndexedDoc, type WorkspaceIndex } from '../core/workspace/index.js';
import { indexEntry } from '../core/workspace/entry.js';
import { lintText } from './lintText.js';
import { readBoundedSync } from './nodeHost.js';
import { configureLimits, parseLimits } from '../core/limits.js';
import type { ToWorker, FromWorker, LintJob } from './pool.js';
import type { FileResult } from './results.js';

configureLimits(parseLimits(process.env['PMDOCS_LIMITS'] ?? '').overrides); // as main.ts does
const engine = createEngine();
const configs = new Map<string, ResolvedConfig>();
const indexes = new Map<string, WorkspaceIndex>();

/**
 * The job's text; else the file read here as the main thread reads it (see LintJob.text): a regular file
 * only, within the size limit, a name that is not UTF-8 turned back into its bytes, the BOM dropped.
 */
function textOf(job: LintJob): string {
  if (job.text !== undefined) return job.text;
  const bytes = readBoundedSync(job.path);
  if (bytes === undefined) throw new Error('it no longer exists');
  const raw = bytes.toString('utf8');
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

// One batch at a time (the pool sends the next only after this one's answer), one file at a time.
parentPort!.on('message', (msg: ToWorker) => {
  for (const [key, config] of msg.configs) configs.set(key, config);
  for (const [key, data] of msg.indexes) indexes.set(key, createWorkspaceIndex(data));
  if (msg.kind === 'index') {
    const entries: [string, IndexedDoc | null][] = [];
    for (const job of msg.jobs) {
      try {
        entries.push([job.path, indexEntry(textOf(job), job.path, configs.get(job.configKey)!) ?? null]);
      } catch {
        entries.push([job.path, null]); // unreadable now (the parse turns bad input into problems): not a document then
      }
    }
    parentPort!.postMessage({ id: msg.id, entries } satisfies FromWorker);
    return;
  }
  const results: FileResult[] = [];
  for (const job of msg.jobs) {
    let text: string;
    try {
      text = textOf(job);
    } catch (e) {
      results.push({ path: job.path, findings: [], unreadable: (e as Error).message });
      continue;
    }
    results.push(
      lintText(
        engine,
        job.path,
        text,
        configs.get(job.configKey)!,
        job.scope !== undefined ? indexes.get(job.scope) : undefined,
        job.today,
      ),
    );
  }
  parentPort!.postMessage({ id: msg.id, results } satisfies FromWorker);
});
