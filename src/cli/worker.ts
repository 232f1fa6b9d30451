// A lint worker thread: one engine (compiled validators cached across batches), configs and workspace
// indexes sent once each.

import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { createEngine } from '../core/engine.js';
import type { ResolvedConfig } from '../core/config/types.js';
import { createWorkspaceIndex, type IndexedDoc, type WorkspaceIndex } from '../core/workspace/index.js';
import { indexEntry } from '../core/workspace/entry.js';
import { lintText } from './lintText.js';
import { configureLimits, parseLimits } from '../core/limits.js';
import type { ToWorker, FromWorker, LintJob } from './pool.js';
import type { FileResult } from './results.js';

configureLimits(parseLimits(process.env['PMDOCS_LIMITS'] ?? '').overrides); // as main.ts does
const engine = createEngine();
const configs = new Map<string, ResolvedConfig>();
const indexes = new Map<string, WorkspaceIndex>();

/** The job's text; else the file read here, BOM dropped as the main thread drops it (see LintJob.text). */
function textOf(job: LintJob): string {
  if (job.text !== undefined) return job.text;
  const raw = readFileSync(job.path, 'utf8');
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

parentPort!.on('message', (msg: ToWorker) => {
  for (const [key, config] of msg.configs) configs.set(key, config);
  for (const [key, data] of msg.indexes) indexes.set(key, createWorkspaceIndex(data));
  if (msg.kind === 'index') {
    const entries = msg.jobs.map((job): [string, IndexedDoc | null] => {
      try {
        return [job.path, indexEntry(textOf(job), job.path, configs.get(job.configKey)!) ?? null];
      } catch {
        return [job.path, null]; // unreadable now (the parse turns bad input into problems): not a document then
      }
    });
    parentPort!.postMessage({ id: msg.id, entries } satisfies FromWorker);
    return;
  }
  const results = msg.jobs.map((job): FileResult => {
    let text: string;
    try {
      text = textOf(job);
    } catch (e) {
      return { path: job.path, findings: [], unreadable: (e as Error).message };
    }
    return lintText(
      engine,
      job.path,
      text,
      configs.get(job.configKey)!,
      job.scope !== undefined ? indexes.get(job.scope) : undefined,
      job.today,
    );
  });
  parentPort!.postMessage({ id: msg.id, results } satisfies FromWorker);
});
