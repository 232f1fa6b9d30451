// Phase 2, read: every file's text as pmdocs sees it, read once (binary and huge files become
// `file-skipped` results, not lints). With --cache a file whose size and modification time the cache
// still vouches for is not read at all: its hash, its workspace-index record and maybe its result are
// known. The index records the cache does not have are left to the index phase.

import type { FileStat } from '../../core/host.js';
import type { IndexedDoc } from '../../core/workspace/index.js';
import { hashText, type CachedResult } from '../cache.js';
import type { ConfigInfo } from '../configInfo.js';
import { skipped, type FileResult } from '../results.js';
import type { Discovered } from './discover.js';
import type { LintRun } from './run.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ReadFile {
  path: string;
  info: ConfigInfo;
  /** Undefined when the cache vouched for the file by its stat: read only if it must be linted after all. */
  text?: string;
  /** Set instead of `text` when the text was read but not kept: a worker reads the file again (see keepTexts). */
  bytes?: number;
  hash?: string;
  /** The cached result for this text and config, when there is one. */
  hit?: CachedResult;
}

/** A text whose workspace-index record must be computed (the cache does not have it). */
export interface ToIndex {
  path: string;
  info: ConfigInfo;
  /** Undefined (`bytes` set) when the text was not kept: a worker reads the file again. */
  text?: string;
  bytes?: number;
  hash?: string;
}

export interface ReadOutcome {
  /** The linted files that could be read (or that the cache vouched for). */
  files: ReadFile[];
  /** Results for the files that are not linted (binary, huge). */
  skipped: FileResult[];
  /** The workspace-index records known so far, by path (null records are not kept). */
  records: Map<string, IndexedDoc>;
  toIndex: ToIndex[];
  /** --cache: each file's text hash, for the index fingerprints. */
  hashes: Map<string, string>;
  /** --fix: the texts as linted, with their BOM. */
  texts: Map<string, { text: string; bom: boolean }>;
  /** Reads a file the cache vouched for (its hash is known), once it must be linted after all. */
  readVouched(path: string): Promise<string | undefined>;
}

type Text = { text: string; bom: boolean; hash?: string } | 'binary' | undefined;

export async function readFiles(run: LintRun, { files, scopes, indexOnly }: Discovered): Promise<ReadOutcome> {
  const { io, cache, options, today, rel, failures } = run;
  const out: ReadOutcome = { files: [], skipped: [], records: new Map(), toIndex: [], hashes: new Map(), texts: new Map(), readVouched };
  const indexed = new Set(scopes.flatMap((s) => s.paths));
  // A big run without --cache or --fix lints on the workers (the pool is started already): each file is
  // read here once (binary? gone?) but its text is not kept; the worker reads it again for the index and
  // for the lint. Holding every text until the lint phase cost ~80 MB on 10k documents (issue 16).
  const keepTexts = Boolean(cache || options.fix) || !run.workers.size;
  const kept = (text: string) => (keepTexts ? { text } : { bytes: text.length });

  // Every stat first, then the cache's file records: parsing those first (a large heap for the collector
  // to trace) made 10k stats about three times slower on a two-core machine.
  const stats = new Map<string, FileStat | undefined | Error>();
  await forEachLimit([...files.map((f) => f.path), ...indexOnly.map((f) => f.path)], 32, async (path) => {
    stats.set(path, await io.host.stat(path).catch((e: Error) => e));
  });
  await cache?.loadFiles();

  /**
   * A file's text, read once: the BOM stripped (editors hide it; columns must match them) and, with
   * --cache, hashed and stamped with the stat it was read under (`s` null: a file the cache already
   * vouched for by its stat, whose hash is known). 'binary': NUL bytes.
   */
  async function readText(path: string, s: FileStat | undefined | null): Promise<Text> {
    run.stats.reads++;
    const raw = await io.host.readFile(path);
    if (raw === undefined) return undefined;
    if (raw.includes('\0')) return 'binary';
    const bom = raw.charCodeAt(0) === 0xfeff;
    const text = bom ? raw.slice(1) : raw;
    if (!cache || s === null) return { text, bom };
    const hash = hashText(text);
    cache.stamp(path, hash, s);
    out.hashes.set(path, hash);
    return { text, bom, hash };
  }
  async function readVouched(path: string): Promise<string | undefined> {
    const got = await readText(path, null).catch(() => undefined);
    return got === 'binary' ? undefined : got?.text;
  }
  /** The cache's record for this text, else a job for the index phase. */
  const indexText = (path: string, text: string, hash: string | undefined, info: ConfigInfo) => {
    const cached = cache && hash !== undefined ? cache.entry(path, hash, info.fingerprint) : undefined;
    if (cached === undefined) out.toIndex.push({ path, info, ...kept(text), hash });
    else if (cached) out.records.set(path, cached);
  };

  const readIndexOnly = forEachLimit(indexOnly, 16, async ({ path, info }) => {
    // Only for the index: a file that cannot be read, or is binary or huge, is no document to point at.
    const s = stats.get(path);
    if (s instanceof Error) return;
    if (!s?.isFile || s.size > MAX_FILE_BYTES) return;
    const known = cache?.knownHash(path, s);
    const record = known !== undefined ? cache!.entry(path, known, info.fingerprint) : undefined;
    if (record !== undefined) {
      out.hashes.set(path, known!);
      if (record) out.records.set(path, record); // unchanged since it was indexed: not even read
      return;
    }
    const got = await readText(path, s).catch(() => undefined);
    if (got && got !== 'binary') indexText(path, got.text, got.hash, info);
  });

  const readLinted = forEachLimit(files, 32, async ({ path, info }) => {
    let got: Text;
    try {
      const s = stats.get(path);
      if (s instanceof Error) throw s;
      if (s && s.size > MAX_FILE_BYTES) {
        const mb = (s.size / 1024 / 1024).toFixed(1);
        out.skipped.push(skipped(path, `Not linted: the file is ${mb} MB; pmdocs skips files over ${MAX_FILE_BYTES / 1024 / 1024} MB.`));
        return;
      }
      // Unchanged since the cache saw it (same size and modification time), with a result and an index
      // record for that text: no need to read it unless the workspace answers changed (cache phase).
      const known = cache && !options.fix ? cache.knownHash(path, s) : undefined;
      const hit = known !== undefined ? cache!.lookup(path, known, info.fingerprint, today) : undefined;
      if (hit) {
        const record = indexed.has(path) ? cache!.entry(path, known!, info.fingerprint) : null;
        if (record !== undefined) {
          if (record) out.records.set(path, record);
          out.hashes.set(path, known!);
          out.files.push({ path, info, hash: known, hit });
          return;
        }
      }
      got = await readText(path, s);
    } catch (e) {
      failures.push(`cannot read ${rel(path)}: ${(e as Error).message}`);
      return;
    }
    if (got === undefined) {
      failures.push(`cannot read ${rel(path)}: it no longer exists`);
      return;
    }
    if (got === 'binary') {
      out.skipped.push(skipped(path, 'Not linted: the file looks binary (it contains NUL bytes).'));
      return;
    }
    const { text, bom, hash } = got;
    if (options.fix) out.texts.set(path, { text, bom });
    if (indexed.has(path)) indexText(path, text, hash, info);
    out.files.push({ path, info, ...kept(text), hash });
  });
  await Promise.all([readIndexOnly, readLinted]);
  return out;
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}

/** A file's text once more, BOM dropped as readFiles drops it (for in-process work on a text not kept). */
export async function readAgain(run: LintRun, path: string): Promise<string | undefined> {
  const raw = await run.io.host.readFile(path);
  return raw !== undefined && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}
