// A lint worker thread: one engine (compiled validators cached across batches), configs and workspace
// indexes sent once each.

import { parentPort } from 'node:worker_threads';
import { createEngine } from '../core/engine.js';
import type { ResolvedConfig } from '../core/config/types.js';
import { createWorkspaceIndex, type IndexedDoc, type WorkspaceIndex } from '../core/workspace/index.js';
import { indexEntry } from '../core/workspace/entry.js';
import { lintText } from './lintText.js';
import { configureLimits, parseLimits } from '../core/limits.js';
import type { ToWorker, FromWorker } from './pool.js';

configureLimits(parseLimits(process.env['PMDOCS_LIMITS'] ?? '').overrides); // as main.ts does
const engine = createEngine();
const configs = new Map<string, ResolvedConfig>();
const indexes = new Map<string, WorkspaceIndex>();

parentPort!.on('message', (msg: ToWorker) => {
  for (const [key, config] of msg.configs) configs.set(key, config);
  for (const [key, data] of msg.indexes) indexes.set(key, createWorkspaceIndex(data));
  if (msg.kind === 'index') {
    const entries = msg.jobs.map((job): [string, IndexedDoc | null] => {
      try {
        return [job.path, indexEntry(job.text, job.path, configs.get(job.configKey)!) ?? null];
      } catch {
        return [job.path, null]; // never happens (the parse turns bad input into problems); not a document then
      }
    });
    parentPort!.postMessage({ id: msg.id, entries } satisfies FromWorker);
    return;
  }
  const results = msg.jobs.map((job) =>
    lintText(
      engine,
      job.path,
      job.text,
      configs.get(job.configKey)!,
      job.scope !== undefined ? indexes.get(job.scope) : undefined,
      job.today,
    ),
  );
  parentPort!.postMessage({ id: msg.id, results } satisfies FromWorker);
});
