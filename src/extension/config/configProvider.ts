// Which configuration a document is linted with: the nearest `.pmdocs.json` above it (found by the core
// loader through the workspace.fs host), with the user's pmdocs.* settings on top. Multi-root: each
// workspace folder stops the search at its own root and reads its own settings. Loaded configs are cached
// per folder and directory until a config or schema file changes; their problems are published once per
// load (Problems panel + output), never per keystroke.

import * as vscode from 'vscode';
import type { ResolvedConfig, ConfigProblem } from '../../core/config/types.js';
import { defaultConfig } from '../../core/config/types.js';
import { createFolderFiles, createWorkspaceFsHost } from './workspaceFsHost.js';
import { documentScope, type DocumentScope } from './documentScope.js';
import { mergeSettings } from '../../core/config/mergeSettings.js';
import { readSettings } from './settings.js';

export interface DocumentConfig {
  config: ResolvedConfig;
  folder?: vscode.WorkspaceFolder;
}

export interface LocatedConfigProblem extends ConfigProblem {
  uri: vscode.Uri;
}

export interface ConfigProblemSink {
  /** Replace every config problem pmdocs shows with this list. */
  show(problems: readonly LocatedConfigProblem[]): void;
}

export class ConfigProvider implements vscode.Disposable {
  private readonly loaded = new Map<string, Promise<ResolvedConfig>>();
  /** Which files are documents, per workspace folder (reads .gitignore files once; dropped on invalidate). */
  private readonly scopes = new Map<string, DocumentScope>();
  /** Config + current settings, per config object; replaced when settings change. */
  private merged = new WeakMap<ResolvedConfig, ResolvedConfig>();
  /** For untitled documents and files outside every folder: one object, so the engine's cache holds. */
  private fallback = defaultConfig();
  private readonly problems = new Map<string, readonly LocatedConfigProblem[]>();
  /** Files (config + workspace schemas) whose change invalidates the cache, as `Uri.toString()`. */
  private readonly dependencies = new Set<string>();
  /** Folders holding workspace schemas: a new or changed schema there may be `$ref`ed by one we know. */
  private readonly schemaFolders = new Set<string>();
  /** Bumped on every invalidation: a load that started before it must not publish its (stale) problems. */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Folders whose `pmdocs.rules` setting was checked since the last change, and the rule ids it got wrong. */
  private readonly settingsChecked = new Set<string>();
  private readonly settingsProblems = new Map<string, string[]>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly sink: ConfigProblemSink,
  ) {}

  async configFor(uri: vscode.Uri): Promise<DocumentConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (uri.scheme === 'untitled' || !folder) return { config: this.withSettings(this.fallback, folder) };
    const dir = uri.path.slice(0, uri.path.lastIndexOf('/')) || '/';
    const key = `${folder.uri.toString()}\0${dir}`;
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = this.load(uri, folder);
      this.loaded.set(key, pending);
    }
    const config = await pending;
    await this.checkRuleSettings(folder);
    return { config: this.withSettings(config, folder), folder };
  }

  /**
   * The `pmdocs.rules` setting is checked against the config schema's `rules` (severity, options, when)
   * once per folder and change; what is wrong goes to the output (with one warning message naming how
   * many), and the broken entries are dropped, as a broken entry of .pmdocs.json is.
   */
  private async checkRuleSettings(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    if (this.settingsChecked.has(key)) return;
    this.settingsChecked.add(key);
    const { rawRules } = readSettings(folder.uri);
    if (!Object.keys(rawRules).length) return;
    const { checkConfig } = await import('../../core/config/validateConfig.js');
    const issues = checkConfig({ rules: rawRules });
    this.settingsProblems.set(key, []);
    for (const issue of issues) {
      const id = String(issue.path[1] ?? '');
      const message = `Setting pmdocs.rules: ${issue.message.replace(/^rules\./, '')} This entry is ignored.`;
      this.log.warn(message);
      this.settingsProblems.get(key)!.push(id);
    }
    if (issues.length)
      void vscode.window.showWarningMessage(
        `pmdocs: ${issues.length} entr${issues.length === 1 ? 'y' : 'ies'} of the pmdocs.rules setting ${issues.length === 1 ? 'is' : 'are'} not valid and ignored; see the pmdocs output.`,
      );
  }

  /** Which files of the document's workspace folder are documents (undefined: outside every folder). */
  scopeFor(uri: vscode.Uri): DocumentScope | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (uri.scheme === 'untitled' || !folder) return undefined;
    const key = folder.uri.toString();
    let scope = this.scopes.get(key);
    if (!scope) this.scopes.set(key, (scope = documentScope(createFolderFiles(folder.uri), folder.uri.path)));
    return scope;
  }

  /** True when a change to this file may change some document's config or which files are documents. */
  affectsConfig(uri: vscode.Uri): boolean {
    if (uri.path.endsWith('/.pmdocs.json') || uri.path.endsWith('/.gitignore')) return true;
    if (this.dependencies.has(uri.toString())) return true;
    const dir = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) }).toString();
    return /\.(json|ya?ml)$/i.test(uri.path) && this.schemaFolders.has(dir);
  }

  /** Forget every loaded config (a config/schema file or a setting changed) and tell listeners. */
  invalidate(reason: string): void {
    this.log.info(`Configuration changed (${reason}): re-validating.`);
    this.generation++;
    this.loaded.clear();
    this.scopes.clear();
    this.settingsChecked.clear();
    this.settingsProblems.clear();
    // The loader hands back the same object for an unchanged config file, so what was merged with the
    // old settings must go too.
    this.merged = new WeakMap();
    this.fallback = defaultConfig();
    this.problems.clear();
    this.publishProblems();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private withSettings(config: ResolvedConfig, folder: vscode.WorkspaceFolder | undefined): ResolvedConfig {
    const settings = readSettings(folder?.uri);
    for (const id of (folder && this.settingsProblems.get(folder.uri.toString())) ?? []) delete settings.rules[id];
    if (!Object.keys(settings.rules).length && !Object.keys(settings.associations).length) return config;
    // Cached per config object so the engine's compiled validators (cached per config) are reused.
    let m = this.merged.get(config);
    if (!m) {
      m = mergeSettings(config, { rules: settings.rules, associations: settings.associations, folderPath: folder?.uri.path ?? '' });
      this.merged.set(config, m);
    }
    return m;
  }

  private async load(uri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<ResolvedConfig> {
    const host = createWorkspaceFsHost(folder.uri);
    const generation = this.generation;
    let config: ResolvedConfig;
    try {
      // Loaded on first use, like the engine: activation stays cheap.
      const { loadConfig } = await import('../../core/config/load.js');
      config = await loadConfig(host, uri.path, { workspaceRoot: folder.uri.path });
    } catch (e) {
      // The loader reports problems as data; a throw is an I/O failure. Lint with the built-in types.
      const message = `Could not load the pmdocs configuration for ${uri.path}: ${(e as Error)?.message ?? String(e)}`;
      this.log.error(message);
      config = { ...defaultConfig(folder.uri.path), problems: [{ file: uri.path, message }] };
    }
    if (generation !== this.generation) return config; // superseded: the re-validation after the change reloads
    this.track(config, host.uriOf);
    if (config.file) {
      const types = config.docTypes.map((t) => t.type);
      this.log.info(`Loaded ${config.file}${types.length ? ` (workspace types: ${types.join(', ')})` : ''}.`);
    }
    for (const p of config.problems) this.log.error(`${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`);
    return config;
  }

  private track(config: ResolvedConfig, uriOf: (path: string) => vscode.Uri): void {
    // `sources`: every file the loader read or looked for (config, schema files, missing ones too).
    const files = [config.file, ...(config.sources ?? []), ...config.docTypes.map((t) => t.source), ...config.problems.map((p) => p.file)];
    for (const f of files) if (f) this.dependencies.add(uriOf(f).toString());
    for (const f of files) if (f && f !== config.file) this.schemaFolders.add(uriOf(f.slice(0, f.lastIndexOf('/'))).toString());
    // Problems are keyed by config file (or root), so a fixed config clears what it used to report.
    this.problems.set(
      uriOf(config.file ?? config.root).toString(),
      config.problems.map((p) => ({ ...p, uri: uriOf(p.file) })),
    );
    this.publishProblems();
  }

  private publishProblems(): void {
    const all: LocatedConfigProblem[] = [];
    const seen = new Set<string>();
    for (const p of [...this.problems.values()].flat()) {
      const key = `${p.uri.toString()}\0${p.line}\0${p.column}\0${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(p);
    }
    this.sink.show(all);
  }
}
