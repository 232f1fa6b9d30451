// The language server's workspace index, for the cross-document rules (ref-unresolved, duplicate-id,
// release-story-not-done), id completion and navigation (each entry records where its document names
// ids). The same scopes as `pmdocs lint` and the VS Code extension (core/workspace/scope.ts decides):
// the documents a `.pmdocs.json` selects below its folder; without a config file, the workspace folder's Markdown files. Built in the background the first time a document of a scope is linted: until then that
// document is linted without an index (the cross-document rules stay silent) and never waits; when the
// scan is done the open documents of the scope are linted again. Open documents count with their editor
// text; files changed on disk are read again when the client reports them.

import type { ResolvedConfig } from '../core/config/types.js';
import type { LintResult } from '../core/engine.js';
import type { KnownDoc } from '../core/assist/completion.js';
import { relativePath } from '../core/config/paths.js';
import { createWorkspaceIndex, type IndexedDoc, type WorkspaceIndex } from '../core/workspace/index.js';
import { entryOf, indexEntry, withMentions } from '../core/workspace/entry.js';
import { fileLister, workspaceFiles, type ScopeHost } from '../core/workspace/scope.js';
import type { LspConfigs } from './configs.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024; // as `pmdocs lint`: bigger files are no documents to point at
const READ_CONCURRENCY = 16;

interface Scope {
  key: string;
  root: string;
  /** Where to look, and for which config file (undefined: the files with none). */
  base: string;
  /** The config's include globs (none: every Markdown file). */
  patterns: string[];
  configFile?: string;
  folder?: string;
  disk: Map<string, IndexedDoc>;
  scan?: Promise<void>;
  ready: boolean;
  snapshot?: WorkspaceIndex;
}

export class LspWorkspaceIndex {
  private scopes = new Map<string, Scope>();
  /** Open documents: their entry from the editor's text, and the scope they belong to. */
  private readonly open = new Map<string, { scope: string; entry?: IndexedDoc }>();
  private generation = 0;

  constructor(
    private readonly host: ScopeHost,
    private readonly configs: LspConfigs,
    /** A scope's index is ready or changed: its open documents may need linting again. */
    private readonly changed: (scope: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** The scope of a document (undefined: no index, e.g. an unsaved document, or a file outside every folder without a config). */
  scopeOf(path: string | undefined, config: ResolvedConfig, folder: string | undefined): string | undefined {
    if (!path) return undefined;
    if (config.file) return config.file;
    return folder ? `root:${folder}` : undefined;
  }

  /** The document's index, or undefined while its scope has not been read (the scan starts now, in the background). */
  indexFor(path: string | undefined, config: ResolvedConfig, folder: string | undefined): WorkspaceIndex | undefined {
    const scope = this.ensure(path, config, folder);
    if (!scope?.ready) return undefined;
    return this.snapshot(scope);
  }

  /** Resolves when the document's scope has been read (for id completion and the `pmdocs/indexReady` request). */
  async whenReady(path: string | undefined, config: ResolvedConfig, folder: string | undefined): Promise<WorkspaceIndex | undefined> {
    const scope = this.ensure(path, config, folder);
    if (!scope) return undefined;
    await scope.scan;
    return this.snapshot(scope);
  }

  async knownDocs(path: string | undefined, config: ResolvedConfig, folder: string | undefined): Promise<KnownDoc[]> {
    const index = await this.whenReady(path, config, folder);
    if (!index) return [];
    return index.docs
      .filter((d) => d.idOk && d.id)
      .map((d) => ({
        id: d.id!,
        ...(d.type ? { type: d.type } : {}),
        ...(d.title ? { title: d.title } : {}),
        path: relativePath(index.root, d.path),
      }))
      .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  }

  /** An open document was linted: its text is what the index holds for it now. True when that changed the index. */
  noteLinted(path: string, scopeKey: string | undefined, config: ResolvedConfig, result: LintResult): boolean {
    if (!scopeKey) return false;
    const plain = entryOf(result.doc, path, result.docType, config.schemas);
    const entry = plain && withMentions(plain, result.doc, result.docType, config);
    const before = this.open.get(path);
    const now = { scope: scopeKey, ...(entry ? { entry } : {}) };
    this.open.set(path, now);
    const previous = before ?? { scope: scopeKey, entry: this.scopes.get(scopeKey)?.disk.get(path) };
    if (same(previous, now)) {
      // Only where it names ids may have changed: navigation reads a new snapshot, no document is linted again.
      if (!sameMentions(previous, now)) this.touch(scopeKey);
      return false;
    }
    this.touch(previous.scope);
    this.touch(scopeKey);
    return true;
  }

  /** A document was closed: the file on disk counts again. */
  closed(path: string): void {
    const was = this.open.get(path);
    if (!was) return;
    this.open.delete(path);
    const disk = this.scopes.get(was.scope)?.disk.get(path);
    const now = { scope: was.scope, ...(disk ? { entry: disk } : {}) };
    if (!same(was, now)) this.touch(was.scope, true);
    else if (!sameMentions(was, now)) this.touch(was.scope);
  }

  /** A Markdown file was created, changed or deleted on disk. */
  async fileChanged(path: string): Promise<void> {
    const generation = this.generation;
    for (const scope of this.scopes.values()) {
      if (!scope.ready || !path.startsWith(scope.base.endsWith('/') ? scope.base : `${scope.base}/`)) continue;
      const entry = await this.read(path);
      if (generation !== this.generation) return;
      const old = scope.disk.get(path);
      if (entry) scope.disk.set(path, entry);
      else scope.disk.delete(path);
      if (this.open.has(path)) continue;
      const was = { scope: scope.key, ...(old ? { entry: old } : {}) };
      const now = { scope: scope.key, ...(entry ? { entry } : {}) };
      if (!same(was, now)) this.touch(scope.key, true);
      else if (!sameMentions(was, now)) this.touch(scope.key);
    }
  }

  /** The index of every scope read so far, once read (workspace symbols span them all). */
  async allIndexes(): Promise<WorkspaceIndex[]> {
    const scopes = [...this.scopes.values()];
    await Promise.all(scopes.map((s) => s.scan));
    return scopes.filter((s) => s.ready).map((s) => this.snapshot(s));
  }

  /** Configuration changed: every scope is read again when next asked for. */
  reset(): void {
    this.generation++;
    this.scopes = new Map();
  }

  private ensure(path: string | undefined, config: ResolvedConfig, folder: string | undefined): Scope | undefined {
    const key = this.scopeOf(path, config, folder);
    if (!key) return undefined;
    let scope = this.scopes.get(key);
    if (!scope) {
      const base = config.file ? config.root : folder!;
      scope = {
        key,
        root: config.root || base,
        base,
        patterns: config.include ?? [],
        ...(config.file ? { configFile: config.file } : {}),
        ...(folder ? { folder } : {}),
        disk: new Map(),
        ready: false,
      };
      this.scopes.set(key, scope);
      scope.scan = this.scan(scope, config, this.generation);
    }
    return scope;
  }

  private async scan(scope: Scope, config: ResolvedConfig, generation: number): Promise<void> {
    const started = Date.now();
    try {
      // Which files: core/workspace/scope.ts, as for `pmdocs lint` and the VS Code extension.
      const loader = this.configs.loaderFor(scope.folder);
      const { documents } = await workspaceFiles(
        fileLister(this.host, scope.base),
        { root: scope.base, include: scope.patterns },
        scope.configFile,
        loader.configFileFor,
      );
      let next = 0;
      const worker = async () => {
        while (next < documents.length) {
          const path = documents[next++]!;
          const entry = await this.read(path, config);
          if (entry) scope.disk.set(path, entry);
        }
      };
      await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    } catch (e) {
      this.log(`Reading the workspace's documents below ${scope.base} failed: ${(e as Error)?.message ?? String(e)}`);
    }
    if (generation !== this.generation) return;
    scope.ready = true;
    scope.snapshot = undefined;
    this.log(`Workspace index: ${scope.disk.size} document(s) below ${scope.base}, ${Date.now() - started} ms.`);
    this.changed(scope.key);
  }

  private async read(path: string, known?: ResolvedConfig): Promise<IndexedDoc | undefined> {
    try {
      const s = await this.host.stat(path);
      if (!s?.isFile || s.size > MAX_FILE_BYTES) return undefined;
      let text = await this.host.readFile(path);
      if (text === undefined || text.includes('\0')) return undefined;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const config = known ?? (await this.configs.configFor(path)).config;
      return indexEntry(text, path, config, undefined, { mentions: true });
    } catch {
      return undefined; // gone or unreadable: not a document to point at
    }
  }

  private touch(key: string, notify = false): void {
    const scope = this.scopes.get(key);
    if (!scope) return;
    scope.snapshot = undefined;
    if (notify && scope.ready) this.changed(key);
  }

  private snapshot(scope: Scope): WorkspaceIndex {
    if (!scope.snapshot) {
      const docs = new Map(scope.disk);
      for (const [path, o] of this.open) {
        if (o.scope !== scope.key) continue;
        if (o.entry) docs.set(path, o.entry);
        else docs.delete(path);
      }
      const sorted = [...docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      scope.snapshot = createWorkspaceIndex({ root: scope.root, docs: sorted });
    }
    return scope.snapshot;
  }
}

/** The same for the rules: where a document names ids (mentions) is for navigation only. */
function same(a: { scope: string; entry?: IndexedDoc }, b: { scope: string; entry?: IndexedDoc }): boolean {
  return a.scope === b.scope && JSON.stringify(forRules(a.entry)) === JSON.stringify(forRules(b.entry));
}

const forRules = (e: IndexedDoc | undefined) => (e ? { ...e, mentions: undefined } : null);

function sameMentions(a: { entry?: IndexedDoc }, b: { entry?: IndexedDoc }): boolean {
  return JSON.stringify(a.entry?.mentions ?? null) === JSON.stringify(b.entry?.mentions ?? null);
}
