// The diagnostics lifecycle: validate on open, as you type (debounced) or on save (`pmdocs.run`), drop
// diagnostics on close (unless the file is validated from disk: workspace validation) and on delete.
// Every run is numbered per document; a result is published only if it is still the newest run for that
// document and the document is still at the version that was linted, so stale results never overwrite
// newer ones. When the workspace index changes (another document was created, edited, deleted), the
// documents whose cross-document findings may differ are validated again: those linted before the index
// existed, and those for which the index now answers what their lint asked differently.

import * as vscode from 'vscode';
import { readRegularFile } from '../readRegular.js';
import { isMarkdownPath } from '../../core/workspace/scope.js';
import type { Finding } from '../../core/types.js';
import type { DocType } from '../../core/doctypes/docType.js';
import type { LintResult } from '../../core/engine.js';
import { queryAnswers } from '../../core/workspace/index.js';
import type { Linter } from './linter.js';
import type { IndexChange, WorkspaceIndexer } from '../workspaceIndex.js';
import { toDiagnostic } from './toDiagnostic.js';
import { offsetMapperFor } from './textPositions.js';
import { readSettings } from '../config/settings.js';

export interface ValidationEvent {
  uri: vscode.Uri;
  /** The editor version that was linted; undefined when the file was read from disk. */
  version?: number;
  docType?: DocType;
  findings: readonly Finding[];
}

const decoder = new TextDecoder('utf-8');

/** What is kept of a result once its document is not open: everything but the parsed document. */
export type LintSummary = Omit<LintResult, 'doc'>;

function summaryOf(result: LintResult): LintSummary {
  const { doc: _doc, ...summary } = result;
  return summary;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pmdocs');
  private readonly runs = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * The newest result of each document. For a file validated from disk (not open) only its summary is
   * kept, not the parsed document behind it: no editor asks for that one, and Validate Workspace over
   * 10,000 files would otherwise hold about 120 KB a file (1.2 GB) in the extension host, whose garbage
   * collections then stall it.
   */
  private readonly latest = new Map<string, { version?: number; result: LintResult | LintSummary; scope?: string }>();
  /** Files validated from disk (workspace validation): on close they are re-read instead of dropped. */
  private readonly fromDisk = new Set<string>();
  private readonly validated = new vscode.EventEmitter<ValidationEvent>();
  readonly onDidValidate = this.validated.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.validated];

  constructor(
    private readonly linter: Linter,
    private readonly log: vscode.LogOutputChannel,
    private readonly indexer?: WorkspaceIndexer,
  ) {}

  /** Start listening and validate what is open already. */
  start(): void {
    const ws = vscode.workspace;
    this.disposables.push(
      ws.onDidOpenTextDocument((doc) => void this.validateOpen(doc)),
      ws.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !isLintable(e.document)) return;
        const settings = readSettings(e.document.uri);
        if (settings.run === 'onType') this.schedule(e.document, settings.debounceMs);
        else this.cancel(e.document.uri); // the previous result stays until the save
      }),
      ws.onDidSaveTextDocument((doc) => void this.validateOpen(doc)),
      ws.onDidCloseTextDocument((doc) => this.closed(doc)),
    );
    const watcher = ws.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      watcher,
      watcher.onDidDelete((uri) => this.forget(uri)),
      watcher.onDidCreate((uri) => this.diskChanged(uri)),
      watcher.onDidChange((uri) => this.diskChanged(uri)),
      ws.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forgetTree(uri))),
      ws.onDidRenameFiles((e) => e.files.forEach(({ oldUri }) => this.forgetTree(oldUri))),
    );
    if (this.indexer) this.disposables.push(this.indexer.onDidChange((change) => this.indexChanged(change)));
    this.revalidateAll();
  }

  /** The newest result for a document, if it is for this version (used by the preview and status bar). */
  resultFor(doc: vscode.TextDocument): LintResult | undefined {
    const r = this.latest.get(doc.uri.toString());
    return r && r.version === doc.version && 'doc' in r.result ? r.result : undefined;
  }

  /** Latest result regardless of version (status bar while a new run is pending). */
  lastResult(uri: vscode.Uri): LintSummary | undefined {
    return this.latest.get(uri.toString())?.result;
  }

  /** Re-validate every open document and every file validated from disk (config or settings changed). */
  revalidateAll(): void {
    for (const doc of vscode.workspace.textDocuments) void this.validateOpen(doc);
    for (const key of this.fromDisk) {
      const uri = vscode.Uri.parse(key);
      if (!isOpen(uri)) void this.validateFromDisk(uri);
    }
  }

  /** Drop diagnostics of files validated from disk that are not open (workspace validation turned off). */
  dropDiskResults(): void {
    for (const key of [...this.fromDisk]) {
      const uri = vscode.Uri.parse(key);
      this.fromDisk.delete(key);
      if (!isOpen(uri)) this.forget(uri);
    }
  }

  validateOpen(doc: vscode.TextDocument): Promise<void> {
    if (!isLintable(doc)) return Promise.resolve();
    this.cancel(doc.uri);
    return this.run(doc.uri, async (isCurrent) => {
      const version = doc.version;
      const { engine, config } = await this.linter.prepare(doc.uri);
      if (!isCurrent() || doc.isClosed || doc.version !== version) return; // stale: a newer run follows
      const { result } = this.linter.lintWith(engine, config, doc.uri, doc.getText());
      this.publish(doc.uri, version, result, doc, this.indexer?.scopeOf(doc.uri, config));
      // The index holds open documents with their editor text.
      void this.indexer?.noteLinted(doc.uri, config, result);
    });
  }

  /** Validate a file that may not be open: the editor's text when it is open, else the file on disk. */
  async validateFromDisk(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<LintResult | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    this.fromDisk.add(uri.toString());
    if (open) {
      await this.validateOpen(open);
      return this.resultFor(open);
    }
    let out: LintResult | undefined;
    await this.run(uri, async (isCurrent) => {
      let text: string;
      try {
        text = decoder.decode(await readRegularFile(uri));
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return this.forget(uri);
        throw e;
      }
      const { engine, config } = await this.linter.prepare(uri);
      if (!isCurrent() || isOpen(uri) || token?.isCancellationRequested) return;
      const { result } = this.linter.lintWith(engine, config, uri, text);
      this.publish(uri, undefined, result, offsetMapperFor(uri, text), this.indexer?.scopeOf(uri, config));
      out = result;
    });
    return out;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    // Bump the run number now: a run already in flight for an older version must not publish.
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.validateOpen(doc);
      }, delayMs),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
  }

  private async run(uri: vscode.Uri, body: (isCurrent: () => boolean) => Promise<void>): Promise<void> {
    const key = uri.toString();
    const run = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, run);
    try {
      await body(() => this.runs.get(key) === run);
    } catch (e) {
      // Never let one document's failure reach VS Code as an unhandled rejection; say what happened.
      this.log.error(`Validating ${uri.toString(true)} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  private publish(
    uri: vscode.Uri,
    version: number | undefined,
    result: LintResult,
    positions: Parameters<typeof toDiagnostic>[1],
    scope?: string,
  ): void {
    const key = uri.toString();
    this.latest.set(key, { version, result: version === undefined ? summaryOf(result) : result, scope });
    if (result.findings.length)
      this.collection.set(
        uri,
        result.findings.map((f) => toDiagnostic(f, positions)),
      );
    else this.collection.delete(uri);
    this.validated.fire({ uri, version, docType: result.docType, findings: result.findings });
  }

  /** Validate again what the index change may have changed (see the top of the file). */
  private indexChanged(change: IndexChange): void {
    for (const [key, { result, scope }] of [...this.latest]) {
      if (scope === undefined || change.causes.has(key)) continue;
      const scopeChange = change.scopes.get(scope);
      if (!scopeChange) continue;
      const queries = result.workspaceQueries;
      const affected =
        queries === undefined
          ? result.docType !== undefined
          : queryAnswers(scopeChange.before, queries) !== queryAnswers(scopeChange.after, queries);
      if (!affected) continue;
      const uri = vscode.Uri.parse(key);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
      if (doc) {
        // onSave: unsaved text is not checked, whatever changed elsewhere.
        if (doc.isDirty && readSettings(doc.uri).run === 'onSave') continue;
        void this.validateOpen(doc);
      } else if (this.fromDisk.has(key)) void this.validateFromDisk(uri);
    }
  }

  private closed(doc: vscode.TextDocument): void {
    this.cancel(doc.uri);
    const key = doc.uri.toString();
    if (
      doc.uri.scheme !== 'untitled' &&
      isMarkdownPath(doc.uri.path) &&
      (this.fromDisk.has(key) || readSettings(doc.uri).validateWorkspace)
    ) {
      // The saved file is what counts now (unsaved edits were discarded or saved).
      void this.validateFromDisk(doc.uri);
      return;
    }
    this.forget(doc.uri);
  }

  private diskChanged(uri: vscode.Uri): void {
    if (isOpen(uri)) return; // the editor's text wins; its own events re-validate
    if (this.fromDisk.has(uri.toString()) || readSettings(uri).validateWorkspace) void this.validateFromDisk(uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancel(uri);
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1); // anything in flight is now stale
    this.latest.delete(key);
    this.fromDisk.delete(key);
    if (this.collection.has(uri)) {
      this.collection.delete(uri);
      this.validated.fire({ uri, findings: [] });
    }
  }

  /** A deleted or renamed folder takes every result below it along. */
  private forgetTree(uri: vscode.Uri): void {
    const prefix = uri.toString().replace(/\/?$/, '/');
    const doomed: vscode.Uri[] = [uri];
    this.collection.forEach((u) => {
      if (u.toString().startsWith(prefix)) doomed.push(u);
    });
    for (const u of doomed) if (!isOpen(u) || u.toString() === uri.toString()) this.forget(u);
  }
}

/** Markdown in a real or virtual file system (or untitled); not git diffs, output panes or notebook cells. */
export function isLintable(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'markdown') return false;
  if (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') return true;
  return vscode.workspace.getWorkspaceFolder(doc.uri) !== undefined;
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed);
}
