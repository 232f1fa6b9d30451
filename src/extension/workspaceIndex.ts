// The editor's workspace index: the front matter of every pmdocs document of the workspace (read through
// workspace.fs, so virtual workspaces work), for the cross-document rules and for completing ids, and
// where each document names ids (IndexedDoc.mentions), for Go to Definition, references and rename.
//
// Scopes, the same as the CLI's (core/workspace/scope.ts): the documents that share a `.pmdocs.json`
// (below its folder, selected by its `include` globs, git-ignored files skipped; `exclude` does not
// apply) form one index; without a config file, the workspace folder does. Lazy: nothing is read until the first pmdocs document is linted (or an id is completed); until
// the scan is done the cross-document rules get no index and stay silent, then the documents linted
// without one are validated again. Kept current by a file watcher (create, change, delete) and by the
// open editors: an open document counts with its unsaved text (the diagnostics controller reports each
// lint here). Every change says which scopes changed, with the index before and after, so the
// controller re-validates exactly the documents whose findings depend on what changed.

import * as vscode from 'vscode';
import { readRegularFile } from './readRegular.js';
import type { ResolvedConfig } from '../core/config/types.js';
import type { KnownDoc } from '../core/assist/completion.js';
import type { LintResult } from '../core/engine.js';
import { createWorkspaceIndex, type IndexedDoc, type WorkspaceIndex } from '../core/workspace/index.js';
import type { ConfigProvider } from './config/configProvider.js';
import { MARKDOWN_GLOB, isMarkdownPath, selects } from '../core/workspace/scope.js';

const MAX_FILES = 10_000;
const READ_CONCURRENCY = 16;
/** A burst of file events (a branch switch, a save + its watcher event) becomes one change. */
const COALESCE_MS = 50;
const decoder = new TextDecoder('utf-8');

interface Placed {
  scope: string;
  root: string;
  entry?: IndexedDoc;
}

export interface ScopeChange {
  before?: WorkspaceIndex;
  after?: WorkspaceIndex;
}

export interface IndexChange {
  /** Scope key → the index before and after. */
  scopes: Map<string, ScopeChange>;
  /** Documents whose own text caused the change (their results are already current). */
  causes: Set<string>;
}

/** The scope a document belongs to: its config file, or its workspace folder's root without one. */
export function scopeKey(config: ResolvedConfig): string {
  return config.file ?? `root:${config.root}`;
}

export class WorkspaceIndexer implements vscode.Disposable {
  private readonly disk = new Map<string, Placed>();
  private readonly open = new Map<string, Placed>();
  private readonly snapshots = new Map<string, WorkspaceIndex>();
  private scan?: Promise<void>;
  private ready = false;
  /** Files created, changed or deleted while the first scan ran (its file list may predate them). */
  private readonly missed = new Map<string, vscode.Uri>();
  private generation = 0;
  /** Scans in progress (a rescan may start before the last one ends): events meanwhile are replayed. */
  private scansRunning = 0;
  private pending?: { scopes: Set<string>; causes: Set<string>; before: Map<string, WorkspaceIndex | undefined> };
  private timer?: ReturnType<typeof setTimeout>;
  private readonly changed = new vscode.EventEmitter<IndexChange>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly configs: ConfigProvider,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    // A folder created with its files in it (copied, unpacked, checked out) may be reported as the folder
    // alone: the watcher drops the events of a new folder's children. Its documents are read from it.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidCreate((uri) => void this.readFolder(uri)),
      watcher.onDidCreate((uri) => void this.readFromDisk(uri)),
      watcher.onDidChange((uri) => void this.readFromDisk(uri)),
      watcher.onDidDelete((uri) => this.removeTree(uri)),
      // Explorer operations are known at once, before the watcher reports them.
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => void this.readFromDisk(uri))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.removeTree(uri))),
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach(({ oldUri, newUri }) => (this.removeTree(oldUri), void this.readFromDisk(newUri))),
      ),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc.uri)),
      // Types and scopes come from the configuration: read everything again.
      configs.onDidChange(() => this.rescan()),
    );
  }

  /** The document's index, or undefined while the workspace has not been read (the scan starts now). */
  indexFor(uri: vscode.Uri, config: ResolvedConfig): WorkspaceIndex | undefined {
    if (!indexable(uri)) return undefined;
    if (!this.ready) {
      void this.ensureScanned();
      return undefined;
    }
    return this.snapshot(scopeKey(config), config.root);
  }

  /** The document's index once the workspace has been read (undefined: it has none, e.g. untitled). */
  async indexWhenReady(uri: vscode.Uri, config: ResolvedConfig): Promise<WorkspaceIndex | undefined> {
    if (!indexable(uri)) return undefined;
    await this.ensureScanned();
    return this.snapshot(scopeKey(config), config.root);
  }

  /** The scope of a document (undefined: it has no index, e.g. untitled or outside every folder). */
  scopeOf(uri: vscode.Uri, config: ResolvedConfig): string | undefined {
    return indexable(uri) ? scopeKey(config) : undefined;
  }

  /** The documents with an id in the document's scope, for completion (waits for the scan). */
  async knownDocs(uri: vscode.Uri, config: ResolvedConfig): Promise<KnownDoc[]> {
    if (!indexable(uri)) return [];
    await this.ensureScanned();
    return this.snapshot(scopeKey(config), config.root)
      .docs.filter((d) => d.idOk && d.id)
      .map((d) => ({
        id: d.id!,
        ...(d.type ? { type: d.type } : {}),
        ...(d.title ? { title: d.title } : {}),
        path: vscode.workspace.asRelativePath(vscode.Uri.from({ scheme: uri.scheme, authority: uri.authority, path: d.path })),
      }))
      .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  }

  /** Every scope's index once the workspace has been read (workspace symbols span them all). */
  async allIndexes(): Promise<WorkspaceIndex[]> {
    await this.ensureScanned();
    return [...this.scopes()].map((scope) => this.snapshotByKey(scope)).filter((i): i is WorkspaceIndex => !!i);
  }

  /** An open document was linted: its text (saved or not) is what the index holds for it now. */
  async noteLinted(uri: vscode.Uri, config: ResolvedConfig, result: LintResult): Promise<void> {
    if (!indexable(uri)) return;
    // Loaded with the engine already (there is a result): this import costs nothing.
    const { entryOf, withMentions } = await import('../core/workspace/entry.js');
    const key = uri.toString();
    const placed = this.place(uri, config, () => {
      const entry = entryOf(result.doc, uri.path, result.docType, config.schemas);
      return entry && withMentions(entry, result.doc, result.docType, config);
    });
    const old = this.open.get(key) ?? this.disk.get(key);
    if (samePlaced(old, placed)) {
      this.open.set(key, placed);
      this.mentionsMoved(old, placed);
      return;
    }
    this.mutate([old?.scope, placed.scope], key, () => this.open.set(key, placed));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }

  private ensureScanned(): Promise<void> {
    return (this.scan ??= this.scanAll(this.generation));
  }

  private rescan(): void {
    if (!this.scan) return; // never read: nothing to refresh
    this.generation++;
    this.scan = this.scanAll(this.generation);
  }

  /**
   * Reads the whole workspace, then reads again every file an event named meanwhile. Events keep coming
   * during a scan (a folder copied in: its config starts a rescan while its files are still being
   * written), and the scan's result replaces what those events put in; without the replay a file created
   * just after the scan listed the folder would be lost until its next change.
   */
  private async scanAll(generation: number): Promise<void> {
    this.scansRunning++;
    const current = await this.scanOnce(generation).finally(() => this.scansRunning--);
    if (!current) return; // a newer scan replaces this one, and replays what was missed
    const missed = [...this.missed.values()];
    this.missed.clear();
    for (const uri of missed) void this.readFromDisk(uri);
  }

  /** One scan; false when a newer one (the config changed) made it moot. */
  private async scanOnce(generation: number): Promise<boolean> {
    const started = Date.now();
    const found = new Map<string, Placed>();
    try {
      const files = await vscode.workspace.findFiles(MARKDOWN_GLOB, '**/node_modules/**', MAX_FILES);
      let next = 0;
      const worker = async () => {
        while (next < files.length) {
          const uri = files[next++]!;
          const placed = await this.readPlaced(uri);
          if (placed) found.set(uri.toString(), placed);
        }
      };
      await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    } catch (e) {
      this.log.error(`Reading the workspace's documents failed: ${(e as Error)?.stack ?? String(e)}`);
    }
    if (generation !== this.generation) return false; // a newer scan (the config changed) replaces this one
    const before = new Map<string, WorkspaceIndex>();
    if (this.ready) for (const scope of this.scopes()) before.set(scope, this.snapshotByKey(scope)!);
    this.disk.clear();
    for (const [k, v] of found) this.disk.set(k, v);
    // Open documents count with their editor text; their scope may have changed with the config.
    for (const [key, placed] of this.open) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (!doc) this.open.delete(key);
      else this.open.set(key, { ...placed, ...(found.get(key) ? { scope: found.get(key)!.scope, root: found.get(key)!.root } : {}) });
    }
    this.snapshots.clear();
    this.ready = true;
    const scopes = new Set([...before.keys(), ...this.scopes()]);
    const change: IndexChange = { scopes: new Map(), causes: new Set() };
    for (const scope of scopes) change.scopes.set(scope, { before: before.get(scope), after: this.snapshotByKey(scope) });
    const docs = [...this.disk.values()].filter((p) => p.entry).length;
    this.log.info(`Workspace index: ${docs} document(s) in ${scopes.size} workspace(s), ${Date.now() - started} ms.`);
    this.changed.fire(change);
    return true;
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (!indexable(uri) || !isMarkdownPath(uri.path)) return;
    // Reading again after the scan settles both "created" and "deleted".
    if (this.scansRunning) this.missed.set(uri.toString(), uri);
    if (!this.ready) {
      if (this.scan) this.missed.set(uri.toString(), uri);
      return;
    }
    const generation = this.generation;
    const placed = await this.readPlaced(uri);
    if (generation !== this.generation) {
      // A rescan began while this file was read (with the config it replaces): read it again after that
      // scan rather than trust the scan's file listing to have caught it.
      if (this.scansRunning) this.missed.set(uri.toString(), uri);
      else void this.readFromDisk(uri);
      return;
    }
    const key = uri.toString();
    const old = this.disk.get(key);
    const update = () => (placed ? this.disk.set(key, placed) : this.disk.delete(key));
    if (this.open.has(key)) update();
    else if (samePlaced(old, placed)) {
      update();
      this.mentionsMoved(old, placed);
    } else this.mutate([old?.scope, placed?.scope], key, update);
  }

  /** The documents of a folder that appeared (a name without an extension is checked; files are not). */
  private async readFolder(uri: vscode.Uri): Promise<void> {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (!indexable(uri) || name.includes('.') || name === 'node_modules') return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, MARKDOWN_GLOB), '**/node_modules/**', MAX_FILES);
      for (const file of files) void this.readFromDisk(file);
    } catch {
      // Gone again, or not readable: nothing to index.
    }
  }

  private async readPlaced(uri: vscode.Uri): Promise<Placed | undefined> {
    try {
      const { config } = await this.configs.configFor(uri);
      // A file on disk: git-ignored ones are not documents (core/workspace/scope.ts, as for the CLI).
      if (!(await this.configs.scopeFor(uri)?.isDocument(config, uri.path))) return undefined;
      const text = decoder.decode(await readRegularFile(uri));
      const { indexEntry } = await import('../core/workspace/entry.js');
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      return this.place(uri, config, () => indexEntry(body, uri.path, config, undefined, { mentions: true }));
    } catch {
      return undefined; // gone or unreadable: not a document to point at
    }
  }

  private place(uri: vscode.Uri, config: ResolvedConfig, entry: () => IndexedDoc | undefined): Placed {
    // An open document was named by the user: it counts when its config's globs select it, ignored or not.
    const included = selects(config, uri.path);
    const e = included ? entry() : undefined;
    return { scope: scopeKey(config), root: config.root, ...(e ? { entry: e } : {}) };
  }

  private removeTree(uri: vscode.Uri): void {
    if (this.scansRunning) this.missed.set(uri.toString(), uri);
    if (!this.ready) {
      if (this.scan) this.missed.set(uri.toString(), uri); // re-read after the scan: gone, or a folder
      return;
    }
    const key = uri.toString();
    const prefix = key.replace(/\/?$/, '/');
    for (const [k, placed] of [...this.disk]) {
      if (k !== key && !k.startsWith(prefix)) continue;
      if (!this.open.has(k) && placed.entry) this.mutate([placed.scope], k, () => this.disk.delete(k));
      else this.disk.delete(k);
    }
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    const old = this.open.get(key);
    if (!old) return;
    // The saved file is what counts again (unsaved edits were discarded or saved).
    const now = this.disk.get(key);
    if (samePlaced(old, now)) {
      this.open.delete(key);
      this.mentionsMoved(old, now);
    } else this.mutate([old.scope, now?.scope], undefined, () => this.open.delete(key));
  }

  /** Only where the document names ids changed: no rule sees that (no change event), but navigation reads the next snapshot. */
  private mentionsMoved(old: Placed | undefined, now: Placed | undefined): void {
    const scope = now?.scope ?? old?.scope;
    if (scope !== undefined && JSON.stringify(old?.entry?.mentions ?? null) !== JSON.stringify(now?.entry?.mentions ?? null))
      this.snapshots.delete(scope);
  }

  /**
   * Changes the data of some scopes: their indexes from before are kept for the change event, which
   * comes a moment later for a whole burst of changes.
   */
  private mutate(scopes: (string | undefined)[], cause: string | undefined, apply: () => void): void {
    if (!this.ready) {
      apply();
      return;
    }
    const pending = (this.pending ??= { scopes: new Set(), causes: new Set(), before: new Map() });
    const touched = scopes.filter((s): s is string => s !== undefined);
    for (const scope of touched) if (!pending.before.has(scope)) pending.before.set(scope, this.snapshotByKey(scope));
    apply();
    for (const scope of touched) {
      pending.scopes.add(scope);
      this.snapshots.delete(scope);
    }
    if (cause) pending.causes.add(cause);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), COALESCE_MS);
  }

  private scopes(): Set<string> {
    return new Set([...this.disk.values(), ...this.open.values()].map((p) => p.scope));
  }

  private flush(): void {
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const change: IndexChange = { scopes: new Map(), causes: pending.causes };
    for (const scope of pending.scopes) change.scopes.set(scope, { before: pending.before.get(scope), after: this.snapshotByKey(scope) });
    this.changed.fire(change);
  }

  private snapshotByKey(scope: string): WorkspaceIndex | undefined {
    const cached = this.snapshots.get(scope);
    if (cached) return cached;
    const any = [...this.open.values(), ...this.disk.values()].find((p) => p.scope === scope);
    return any ? this.snapshot(scope, any.root) : undefined;
  }

  private snapshot(scope: string, root: string): WorkspaceIndex {
    let index = this.snapshots.get(scope);
    if (!index) {
      const docs: IndexedDoc[] = [];
      for (const [key, placed] of this.disk) if (placed.scope === scope && placed.entry && !this.open.has(key)) docs.push(placed.entry);
      for (const placed of this.open.values()) if (placed.scope === scope && placed.entry) docs.push(placed.entry);
      index = createWorkspaceIndex({ root, docs: docs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) });
      this.snapshots.set(scope, index);
    }
    return index;
  }
}

/** Files of a workspace folder (real or virtual); not untitled documents, diffs or output panes. */
function indexable(uri: vscode.Uri): boolean {
  return uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** The same for the rules: where the document names ids (mentions) is for navigation only. */
function samePlaced(a: Placed | undefined, b: Placed | undefined): boolean {
  return JSON.stringify(forRules(a)) === JSON.stringify(forRules(b));
}

const forRules = (p: Placed | undefined) => (p ? { ...p, ...(p.entry ? { entry: { ...p.entry, mentions: undefined } } : {}) } : null);
