// A lint worker thread: one engine (compiled validators cached across batches), configs sent once each.

import { parentPort } from 'node:worker_threads';
import { createEngine } from '../core/engine.js';
import type { ResolvedConfig } from '../core/config/types.js';
import { lintText } from './lintText.js';
import type { ToWorker, FromWorker } from './pool.js';

const engine = createEngine();
const configs = new Map<string, ResolvedConfig>();

parentPort!.on('message', (msg: ToWorker) => {
  for (const [key, config] of msg.configs) configs.set(key, config);
  const results = msg.jobs.map((job) => lintText(engine, job.path, job.text, configs.get(job.configKey)!));
  parentPort!.postMessage({ id: msg.id, results } satisfies FromWorker);
});
