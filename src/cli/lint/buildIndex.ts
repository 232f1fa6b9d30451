// Phase 3, index: the workspace-index records the cache did not have (front matter only; on the workers
// when there are many), then one index per workspace, and with --cache a fingerprint of what each index
// was built from.

import type { ResolvedConfig } from '../../core/config/types.js';
import {
  createWorkspaceIndex,
  queryAnswer,
  type IndexedDoc,
  type IndexQuery,
  type WorkspaceIndex,
  type WorkspaceIndexData,
} from '../../core/workspace/index.js';
import { hashText } from '../cache.js';
import type { IndexScope } from '../workspace.js';
import { readAgain, type ReadOutcome, type ToIndex } from './read.js';
import type { LintRun } from './run.js';

export interface Indexes {
  /** By config key ('' for the files without a config). */
  indexes: Map<string, WorkspaceIndex>;
  /** The same indexes as plain data, for the workers. */
  data: Map<string, WorkspaceIndexData>;
  /**
   * --cache: what each index was built from (every document's path and text, the config, the root). A
   * result confirmed under the same fingerprint needs no answers recomputed: the index is the same.
   */
  fingerprints: Map<string, string>;
  /** Hash of what the scope's index answers to these queries ('none': no index). */
  workspaceKey(scope: string, queries: readonly IndexQuery[] | undefined): string;
}

export async function buildIndexes(run: LintRun, scopes: IndexScope[], read: ReadOutcome): Promise<Indexes> {
  const records = read.records;
  if (read.toIndex.length) {
    for (const [path, record] of await computeRecords(run, read.toIndex)) {
      if (record) records.set(path, record);
    }
  }
  run.stats.indexed = records.size;

  const indexes = new Map<string, WorkspaceIndex>();
  const data = new Map<string, WorkspaceIndexData>();
  for (const scope of scopes) {
    const d = { root: scope.root, docs: scope.paths.map((p) => records.get(p)).filter((e): e is IndexedDoc => !!e) };
    data.set(scope.key, d);
    indexes.set(scope.key, createWorkspaceIndex(d));
  }
  const fingerprints = new Map<string, string>();
  if (run.cache) {
    for (const scope of scopes) {
      const { fingerprint } = await run.configs.get(scope.key || undefined);
      const parts = [scope.root, fingerprint, ...scope.paths.map((p) => `${p}\0${read.hashes.get(p) ?? ''}`)];
      fingerprints.set(scope.key, hashText(parts.join('\n')));
    }
  }
  // Many files ask the same questions ("every PRD"): each answer is hashed once per scope and run, and a
  // file's key is the hash of its questions' hashes, not of their answers written out again per file
  // (on 10k documents that re-check took three quarters of a --cache re-run after a small edit).
  const answerHashes = new Map<string, Map<IndexQuery, string>>();
  const workspaceKey = (scope: string, queries: readonly IndexQuery[] | undefined) => {
    const index = indexes.get(scope);
    if (!index) return 'none';
    let hashes = answerHashes.get(scope);
    if (!hashes) answerHashes.set(scope, (hashes = new Map()));
    const lines = [`root ${index.root}`];
    for (const q of [...(queries ?? [])].sort()) {
      let h = hashes.get(q);
      if (h === undefined) hashes.set(q, (h = hashText(queryAnswer(index, q))));
      lines.push(`${q} ${h}`);
    }
    return hashText(lines.join('\n'));
  };
  return { indexes, data, fingerprints, workspaceKey };
}

/** Each text's record (null: no pmdocs document), stored in the cache for the next run. */
async function computeRecords(run: LintRun, toIndex: ToIndex[]): Promise<Map<string, IndexedDoc | null>> {
  const configs = new Map<string, ResolvedConfig>();
  for (const f of toIndex) if (!configs.has(f.info.key)) configs.set(f.info.key, await run.resolveConfig(f.info));
  const pool = run.workers.for(toIndex.length);
  let computed: Map<string, IndexedDoc | null>;
  if (pool)
    computed = await pool.index(
      toIndex.map(({ path, text, bytes, info }) => ({ path, ...(text !== undefined ? { text } : { bytes }), configKey: info.key })),
      configs,
    );
  else {
    const { indexEntry } = await import('../../core/workspace/entry.js');
    computed = new Map();
    for (const { path, text, info } of toIndex) {
      const body = text ?? (await readAgain(run, path).catch(() => undefined));
      computed.set(path, body === undefined ? null : (indexEntry(body, path, configs.get(info.key)!) ?? null));
    }
  }
  const out = new Map<string, IndexedDoc | null>();
  for (const { path, info, hash } of toIndex) {
    const record = computed.get(path) ?? null;
    out.set(path, record);
    if (run.cache && hash !== undefined) run.cache.storeEntry(path, hash, info.fingerprint, record);
  }
  return out;
}
