// Phase 4, cache: with --cache, a file whose text, config and cross-document answers are unchanged
// keeps its cached result; every other file becomes a lint job (a file the cache vouched for by its
// stat, whose answers changed, is read now).

import type { CachedResult } from '../cache.js';
import type { ConfigInfo } from '../configInfo.js';
import type { LintJob } from '../pool.js';
import type { FileResult } from '../results.js';
import type { Indexes } from './buildIndex.js';
import type { ReadOutcome } from './read.js';
import type { LintRun } from './run.js';

export interface Job extends LintJob {
  info: ConfigInfo;
  hash?: string;
}

export async function answerFromCache(run: LintRun, read: ReadOutcome, index: Indexes): Promise<{ answered: FileResult[]; jobs: Job[] }> {
  const { cache, today } = run;
  const answersUnchanged = (scope: string, hit: CachedResult) => {
    const fingerprint = index.fingerprints.get(scope);
    if (fingerprint !== undefined && hit.index === fingerprint) return true;
    if (hit.workspace !== index.workspaceKey(scope, hit.queries)) return false;
    if (fingerprint !== undefined) cache!.confirmIndex(hit, fingerprint);
    return true;
  };
  const answered: FileResult[] = [];
  const jobs: Job[] = [];
  for (const { path, info, text, bytes, hash, hit: vouched } of read.files) {
    const hit = vouched ?? (hash !== undefined ? cache!.lookup(path, hash, info.fingerprint, today) : undefined);
    if (hit && answersUnchanged(info.key, hit)) {
      answered.push({ path, docType: hit.docType, findings: hit.findings });
      continue;
    }
    // Read but not kept (`bytes`): the worker reads it again. Vouched for by the cache: read it now.
    const body = text ?? (bytes !== undefined ? undefined : await read.readVouched(path));
    if (body === undefined && bytes === undefined) {
      run.failures.push(`cannot read ${run.rel(path)}: it no longer exists`);
      continue;
    }
    const source = body !== undefined ? { text: body } : { bytes };
    jobs.push({ path, ...source, configKey: info.key, ...(index.indexes.has(info.key) ? { scope: info.key } : {}), info, hash });
  }
  run.stats.cached = answered.length;
  return { answered, jobs };
}
