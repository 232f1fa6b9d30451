// `--cache`: lint results by content hash, under node_modules/.cache/pmdocs of the cwd. A file's entry is
// reused when its text, its config's fingerprint (the config file and every schema file it read), what
// the workspace index answers to the questions its lint asked (the cross-document rules: the ids it
// references, their types and statuses) and the pmdocs version are all unchanged. Configs and each
// file's workspace-index record are remembered too, so an unchanged re-run never resolves a config nor
// parses a file (no ajv, no YAML, no remark). Each file's size and modification time are kept with its
// hash: a file whose stat still matches is not even read (as ESLint's cache does by default); a changed
// stat means reading and hashing, so a touched but unchanged file still hits.

import { createHash } from 'node:crypto';
import type { ConfigProblem } from '../core/config/types.js';
import type { IndexedDoc, IndexQuery } from '../core/workspace/index.js';
import type { CliHost } from './host.js';
import { isConfigRecord, isFileRecord, validRecords } from './cacheShape.js';
import { limits } from '../core/limits.js';
import type { FileResult } from './results.js';

// Two files: configs.json (small, read first: it decides which files the run covers) and files.json,
// one record per file keyed by its path relative to the cwd (FORMAT 5: entries carry the graph's references
// and requirements), read once every file has been stat'ed (see lint/read.ts). On an unchanged re-run of
// 10,000 files, reading files.json is one of the larger
// costs, so its records are kept lean.
const FORMAT = 5;

/** Size and modification time of the file whose text had `hash`. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface CachedConfig {
  /** Hash of each source file's text (null: the file did not exist). */
  sources: Record<string, string | null>;
  fingerprint: string;
  problems: ConfigProblem[];
  include?: string[];
  exclude?: string[];
}

/** A file's lint result, for the text and config of its record. */
export interface CachedResult {
  docType?: string;
  findings: FileResult['findings'];
  /** What the lint asked the workspace index (absent: nothing). */
  queries?: IndexQuery[];
  /** Hash of the index's answers to `queries` ('none': linted without an index). */
  workspace: string;
  /** The fingerprint of the whole index when `workspace` was last confirmed (lint/buildIndex.ts: the index fingerprints). */
  index?: string;
  /** The day the findings hold for, when a rule compared a date with today (a changelog date in the future). */
  today?: string;
}

/** A workspace-index record without its path (the record's key says it). */
type CachedEntry = Omit<IndexedDoc, 'path'>;

/** Everything known about one file's text: `hash`, and the stat it had then (to skip reading it). */
interface FileRecord extends Partial<FileStamp> {
  hash: string;
  /** The fingerprint of the config `entry` and `result` were computed under. */
  config?: string;
  /** Its workspace-index record (null: not a pmdocs document; absent: not indexed yet). */
  entry?: CachedEntry | null;
  result?: CachedResult;
}

interface CacheFile<T> {
  format: number;
  version: string;
  records: Record<string, T>;
}

/** sha1, base64url: 27 characters where hex takes 40, and the cache holds a few per file. */
export const hashText = (text: string): string => createHash('sha1').update(text).digest('base64url');

export class LintCache {
  #configs: CacheFile<CachedConfig>;
  #files: CacheFile<FileRecord> | undefined;
  #configsDirty = false;
  #filesDirty = false;
  readonly #prefix: string;

  private constructor(
    private readonly host: CliHost,
    /** The folder of configs.json and files.json. */
    readonly dir: string,
    cwd: string,
    private readonly version: string,
    configs: unknown,
  ) {
    this.#prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
    this.#configs = this.#usable<CachedConfig>(configs, isConfigRecord);
  }

  /** The cache of the cwd, with its configs read (the file records are read by loadFiles). */
  static async open(host: CliHost, cwd: string, version: string): Promise<LintCache> {
    const dir = `${cwd === '/' ? '' : cwd}/node_modules/.cache/pmdocs`;
    return new LintCache(host, dir, cwd, version, await readJson(host, `${dir}/configs.json`));
  }

  /** Reads the file records (before that, the cache knows no file). */
  async loadFiles(): Promise<void> {
    this.#files ??= this.#usable<FileRecord>(await readJson(this.host, `${this.dir}/files.json`), isFileRecord);
  }

  /** The data when it is this format and version, else an empty cache (a cache is never an error). */
  #usable<T>(data: unknown, check: (v: unknown) => boolean): CacheFile<T> {
    const d = data as Partial<CacheFile<T>> | undefined;
    const ok = d && typeof d === 'object' && d.format === FORMAT && d.version === this.version;
    // Each record is checked (cacheShape.ts): one that does not fit is dropped and rebuilt, never used.
    return { format: FORMAT, version: this.version, records: ok ? validRecords<T>(d.records, check) : Object.create(null) };
  }

  config(path: string): CachedConfig | undefined {
    return this.#configs.records[path];
  }

  setConfig(path: string, entry: CachedConfig): void {
    this.#configs.records[path] = entry;
    this.#configsDirty = true;
  }

  /** The hash of the file's text when its size and modification time are what they were then. */
  knownHash(path: string, stamp: Partial<FileStamp> | undefined): string | undefined {
    const r = this.#record(path);
    return r && stamp?.mtimeMs !== undefined && r.size === stamp.size && r.mtimeMs === stamp.mtimeMs ? r.hash : undefined;
  }

  /** Remembers which text (by hash) the file held at this size and modification time. */
  stamp(path: string, hash: string, stamp: Partial<FileStamp> | undefined): void {
    const r = this.#recordFor(path, hash);
    if (stamp?.mtimeMs === undefined || stamp.size === undefined || (r.size === stamp.size && r.mtimeMs === stamp.mtimeMs)) return;
    r.size = stamp.size;
    r.mtimeMs = stamp.mtimeMs;
    this.#filesDirty = true;
  }

  /** The cached result, when text and config are unchanged: the caller still checks its workspace answers. */
  lookup(path: string, hash: string, configFingerprint: string, today?: string): CachedResult | undefined {
    const r = this.#record(path);
    const result = r && r.hash === hash && r.config === configFingerprint ? r.result : undefined;
    return result?.today !== undefined && result.today !== today ? undefined : result;
  }

  /** The file's workspace-index record, when text and config are unchanged (undefined: not cached). */
  entry(path: string, hash: string, configFingerprint: string): IndexedDoc | null | undefined {
    const r = this.#record(path);
    if (!r || r.hash !== hash || r.config !== configFingerprint || r.entry === undefined) return undefined;
    return r.entry && { path, ...r.entry };
  }

  storeEntry(path: string, hash: string, configFingerprint: string, entry: IndexedDoc | null): void {
    const r = this.#recordFor(path, hash, configFingerprint);
    if (entry) {
      const { path: _path, ...rest } = entry;
      r.entry = rest;
    } else r.entry = null;
    this.#filesDirty = true;
  }

  store(path: string, hash: string, configFingerprint: string, result: CachedResult): void {
    this.#recordFor(path, hash, configFingerprint).result = result;
    this.#filesDirty = true;
  }

  /** The result's workspace answers were found unchanged under this index: skip asking next time. */
  confirmIndex(result: CachedResult, indexFingerprint: string): void {
    if (result.index === indexFingerprint) return;
    result.index = indexFingerprint;
    this.#filesDirty = true;
  }

  async save(): Promise<void> {
    if (this.#configsDirty) await this.host.writeFile(`${this.dir}/configs.json`, JSON.stringify(this.#configs), { atomic: true });
    if (this.#files && this.#filesDirty) await this.host.writeFile(`${this.dir}/files.json`, JSON.stringify(this.#files), { atomic: true });
    this.#configsDirty = this.#filesDirty = false;
  }

  #key(path: string): string {
    return path.startsWith(this.#prefix) ? path.slice(this.#prefix.length) : path;
  }

  #records(): Record<string, FileRecord> {
    if (!this.#files) throw new Error('LintCache: loadFiles() first');
    return this.#files.records;
  }

  #record(path: string): FileRecord | undefined {
    const r = this.#records()[this.#key(path)];
    return r && typeof r === 'object' ? r : undefined;
  }

  /** The record for this text (and config): a record of another text, or config, is started afresh. */
  #recordFor(path: string, hash: string, configFingerprint?: string): FileRecord {
    let r = this.#record(path);
    if (!r || r.hash !== hash) {
      r = { hash };
      this.#records()[this.#key(path)] = r;
      this.#filesDirty = true;
    }
    if (configFingerprint !== undefined && r.config !== configFingerprint) {
      r.config = configFingerprint;
      delete r.entry;
      delete r.result;
    }
    return r;
  }
}

async function readJson(host: CliHost, file: string): Promise<unknown> {
  try {
    const text = await host.readFile(file, { maxBytes: limits().cacheBytes });
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // a torn, foreign, oversized or not-a-file cache is just a cold cache
  }
}
