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
import type { FileResult } from './results.js';

const FORMAT = 3;

/** Size and modification time of the file whose text had `hash`. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface CachedConfig {
  /** sha1 of each source file's text (null: the file did not exist). */
  sources: Record<string, string | null>;
  fingerprint: string;
  problems: ConfigProblem[];
  include?: string[];
  exclude?: string[];
}

export interface CachedFile {
  hash: string;
  config: string;
  docType?: string;
  findings: FileResult['findings'];
  /** What the lint asked the workspace index (absent: nothing). */
  queries?: IndexQuery[];
  /** Hash of the index's answers to `queries` at lint time ('none': linted without an index). */
  workspace: string;
}

/** A file's record in the workspace index (null: not a pmdocs document), by text and config. */
export interface CachedEntry {
  hash: string;
  config: string;
  entry: IndexedDoc | null;
}

interface CacheData {
  format: number;
  version: string;
  configs: Record<string, CachedConfig>;
  files: Record<string, CachedFile>;
  index: Record<string, CachedEntry>;
  /** path → the stamp of the file when it was hashed, and that hash. */
  stamps: Record<string, FileStamp & { hash: string }>;
}

export const hashText = (text: string): string => createHash('sha1').update(text).digest('hex');

export class LintCache {
  #data: CacheData;
  #dirty = false;

  private constructor(
    private readonly host: CliHost,
    readonly file: string,
    data: CacheData | undefined,
    version: string,
  ) {
    this.#data = data && data.format === FORMAT && data.version === version ? data : { format: FORMAT, version, configs: {}, files: {}, index: {}, stamps: {} };
  }

  static async open(host: CliHost, cwd: string, version: string): Promise<LintCache> {
    const file = `${cwd === '/' ? '' : cwd}/node_modules/.cache/pmdocs/cache.json`;
    let data: CacheData | undefined;
    try {
      const text = await host.readFile(file);
      data = text ? (JSON.parse(text) as CacheData) : undefined;
    } catch {
      data = undefined; // a torn or foreign cache file is just a cold cache
    }
    return new LintCache(host, file, data, version);
  }

  config(path: string): CachedConfig | undefined {
    return this.#data.configs[path];
  }

  setConfig(path: string, entry: CachedConfig): void {
    this.#data.configs[path] = entry;
    this.#dirty = true;
  }

  /** The hash of the file's text when its size and modification time are what they were then. */
  knownHash(path: string, stamp: Partial<FileStamp> | undefined): string | undefined {
    const s = this.#data.stamps[path];
    return s && stamp?.mtimeMs !== undefined && s.size === stamp.size && s.mtimeMs === stamp.mtimeMs ? s.hash : undefined;
  }

  /** Remembers which text (by hash) the file held at this size and modification time. */
  stamp(path: string, hash: string, stamp: Partial<FileStamp> | undefined): void {
    if (stamp?.mtimeMs === undefined || stamp.size === undefined) return;
    const s = this.#data.stamps[path];
    if (s && s.hash === hash && s.size === stamp.size && s.mtimeMs === stamp.mtimeMs) return;
    this.#data.stamps[path] = { size: stamp.size, mtimeMs: stamp.mtimeMs, hash };
    this.#dirty = true;
  }

  /** The cached result, when text and config are unchanged: the caller still checks `workspace` (see workspaceKey). */
  lookup(path: string, hash: string, configFingerprint: string): CachedFile | undefined {
    const e = this.#data.files[path];
    return e && e.hash === hash && e.config === configFingerprint ? e : undefined;
  }

  /** The file's workspace-index record, when text and config are unchanged (undefined: not cached). */
  entry(path: string, hash: string, configFingerprint: string): IndexedDoc | null | undefined {
    const e = this.#data.index[path];
    return e && e.hash === hash && e.config === configFingerprint ? e.entry : undefined;
  }

  storeEntry(path: string, value: CachedEntry): void {
    this.#data.index[path] = value;
    this.#dirty = true;
  }

  store(path: string, entry: CachedFile): void {
    this.#data.files[path] = entry;
    this.#dirty = true;
  }

  async save(): Promise<void> {
    if (!this.#dirty) return;
    await this.host.writeFile(this.file, JSON.stringify(this.#data), { atomic: true });
    this.#dirty = false;
  }
}
