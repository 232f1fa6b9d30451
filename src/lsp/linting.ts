// Linting the open documents: at once on open, debounced while the user types (`debounceMs`, or only on
// save with `run: "onSave"`), again when the workspace index or the configuration changes. Diagnostics
// are pushed (textDocument/publishDiagnostics) or, for clients that pull, answered on request with a
// refresh request when something other than the document itself changed. A lint never waits for the
// workspace scan.

import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, LintResult } from '../core/engine.js';
import type { ResolvedConfig } from '../core/config/types.js';
import { queryAnswers } from '../core/workspace/index.js';
import { localIsoDate } from '../core/localDate.js';
import type { LspConfigs } from './configs.js';
import { toDiagnostic, SOURCE } from './convert.js';
import { pathOf, uriOf } from './paths.js';
import type { LspWorkspaceIndex } from './workspaceIndex.js';

export interface Linted {
  version: number;
  text: string;
  result: LintResult;
  config: ResolvedConfig;
  folder?: string;
  scope?: string;
  /** What the rules asked the index, and its answers then: equal answers mean equal findings. */
  answers: string;
}

export class DocumentLinter {
  private engine?: Promise<Engine>;
  private readonly results = new Map<string, Linted>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly reportedConfigs = new WeakSet<ResolvedConfig>();
  private readonly configProblemFiles = new Set<string>();
  /** True when the client pulls diagnostics (textDocument/diagnostic) instead of receiving them. */
  pull = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] },
    private readonly configs: LspConfigs,
    readonly index: LspWorkspaceIndex,
  ) {}

  getEngine(): Promise<Engine> {
    // Loaded on first use, so `initialize` answers at once.
    return (this.engine ??= import('../core/engine.js').then((m) => m.createEngine()));
  }

  /** The lint result of the document's current text, linting it now if the last one is stale. */
  async current(doc: TextDocument): Promise<Linted | undefined> {
    const known = this.results.get(doc.uri);
    if (known && known.version === doc.version) return known;
    return this.lint(doc);
  }

  changed(doc: TextDocument): void {
    if (this.configs.settings.run === 'onSave') return;
    this.schedule(doc, this.configs.settings.debounceMs);
  }

  saved(doc: TextDocument): void {
    if (this.configs.settings.run === 'onSave') this.schedule(doc, 0);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    const path = pathOf(uri);
    if (path) this.index.closed(path);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Lint again every open document (configuration changed). */
  relintAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc, 0);
    if (this.pull) void this.refresh();
  }

  /** A scope's index changed: lint again the open documents of it whose index answers changed. */
  indexChanged(scope: string): void {
    let any = false;
    for (const doc of this.documents.all()) {
      const known = this.results.get(doc.uri);
      if (!known || known.scope !== scope) continue;
      const index = this.index.indexFor(pathOf(doc.uri), known.config, known.folder);
      if (queryAnswers(index, known.result.workspaceQueries ?? []) === known.answers) continue;
      any = true;
      if (this.pull) this.results.delete(doc.uri);
      else this.schedule(doc, 0);
    }
    if (any && this.pull) void this.refresh();
  }

  schedule(doc: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        const now = this.documents.get(doc.uri);
        if (now) void this.lint(now);
      }, delay),
    );
  }

  async lint(doc: TextDocument): Promise<Linted | undefined> {
    const { uri, version } = doc;
    const path = pathOf(uri);
    let linted: Linted;
    try {
      const [engine, { config, folder }] = await Promise.all([this.getEngine(), this.configs.configFor(path)]);
      this.reportConfigProblems(config);
      const now = this.documents.get(uri);
      if (!now || now.version !== version) return undefined; // overtaken: the newer text is linted next
      const text = now.getText();
      const scope = this.index.scopeOf(path, config, folder);
      const index = this.index.indexFor(path, config, folder);
      // Today, local time, for rules that compare dates with it (core never reads the clock).
      const result = engine.lint(text, { path, config, ...(index ? { workspace: index } : {}), today: localIsoDate(new Date()) });
      linted = {
        version,
        text,
        result,
        config,
        ...(folder ? { folder } : {}),
        ...(scope ? { scope } : {}),
        answers: queryAnswers(index, result.workspaceQueries ?? []),
      };
      this.results.set(uri, linted);
      if (path && this.index.noteLinted(path, scope, config, result) && scope) queueMicrotask(() => this.indexChanged(scope));
    } catch (e) {
      this.connection.console.error(`Linting ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
      return undefined;
    }
    if (!this.pull) void this.connection.sendDiagnostics({ uri, version, diagnostics: this.diagnosticsOf(doc, linted) });
    return linted;
  }

  diagnosticsOf(doc: TextDocument, linted: Linted): Diagnostic[] {
    return linted.result.findings.map((f) => toDiagnostic(doc, f));
  }

  private async refresh(): Promise<void> {
    try {
      await this.connection.languages.diagnostics.refresh();
    } catch {
      // The client does not support refresh: it pulls again on its own schedule.
    }
  }

  /** A broken `.pmdocs.json` or schema file: its problems as diagnostics on that file, once per load. */
  private reportConfigProblems(config: ResolvedConfig): void {
    if (this.reportedConfigs.has(config)) return;
    this.reportedConfigs.add(config);
    const byFile = new Map<string, Diagnostic[]>();
    for (const p of config.problems) {
      const line = Math.max(0, (p.line ?? 1) - 1);
      const character = Math.max(0, (p.column ?? 1) - 1);
      const list = byFile.get(p.file) ?? [];
      list.push({ range: { start: { line, character }, end: { line, character } }, severity: 1, source: SOURCE, message: p.message });
      byFile.set(p.file, list);
      this.connection.console.error(`${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`);
    }
    // A config that loads cleanly clears what the same file reported before.
    if (config.file && !byFile.has(config.file) && this.configProblemFiles.has(config.file)) byFile.set(config.file, []);
    for (const [file, diagnostics] of byFile) {
      if (diagnostics.length) this.configProblemFiles.add(file);
      else this.configProblemFiles.delete(file);
      void this.connection.sendDiagnostics({ uri: uriOf(file), diagnostics });
    }
  }
}
