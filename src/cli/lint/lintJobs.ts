// Phase 5, lint: the jobs the cache could not answer, on the workers when there are many, else
// in-process; each result is stored in the cache with what its cross-document answers were.

import type { ResolvedConfig } from '../../core/config/types.js';
import { loadEngine } from '../engine.js';
import { lintText } from '../lintText.js';
import type { FileResult } from '../results.js';
import type { Indexes } from './buildIndex.js';
import { readAgain } from './read.js';
import type { Job } from './cacheAnswers.js';
import type { LintRun } from './run.js';

export async function lintJobs(run: LintRun, jobs: Job[], index: Indexes): Promise<FileResult[]> {
  run.stats.linted = jobs.length;
  const pool = run.workers.for(jobs.length);
  run.stats.workers = jobs.length ? run.workers.size : 0;
  if (!jobs.length) return [];
  const { today, cache } = run;
  const configs = new Map<string, ResolvedConfig>();
  for (const job of jobs) if (!configs.has(job.configKey)) configs.set(job.configKey, await run.resolveConfig(job.info));
  let linted: FileResult[];
  if (pool) {
    linted = await pool.lint(
      jobs.map(({ path, text, bytes, configKey, scope }) => ({
        path,
        ...(text !== undefined ? { text } : { bytes }),
        configKey,
        today,
        ...(scope !== undefined ? { scope } : {}),
      })),
      configs,
      index.data,
    );
  } else {
    const engine = await loadEngine();
    linted = [];
    for (const j of jobs) {
      const text = j.text ?? (await readAgain(run, j.path).catch(() => undefined));
      const workspace = j.scope !== undefined ? index.indexes.get(j.scope) : undefined;
      linted.push(
        text === undefined
          ? { path: j.path, findings: [], unreadable: 'it no longer exists' }
          : lintText(engine, j.path, text, configs.get(j.configKey)!, workspace, today),
      );
    }
  }
  const byFile = new Map(jobs.map((j) => [j.path, j]));
  const results: FileResult[] = [];
  for (const r of linted) {
    if (r.crash) {
      run.failures.push(`internal error while linting ${run.rel(r.path)} (please report it): ${r.crash}`);
      continue;
    }
    if (r.unreadable !== undefined) {
      run.failures.push(`cannot read ${run.rel(r.path)}: ${r.unreadable}`);
      continue;
    }
    const { workspaceQueries, today: usedToday, ...result } = r;
    results.push(result);
    const job = byFile.get(r.path)!;
    if (cache && job.hash) {
      const fingerprint = index.fingerprints.get(job.info.key);
      cache.store(r.path, job.hash, job.info.fingerprint, {
        docType: r.docType,
        findings: r.findings,
        ...(workspaceQueries?.length ? { queries: workspaceQueries } : {}),
        workspace: index.workspaceKey(job.info.key, workspaceQueries),
        ...(fingerprint !== undefined ? { index: fingerprint } : {}),
        ...(usedToday ? { today: usedToday } : {}),
      });
    }
  }
  return results;
}
