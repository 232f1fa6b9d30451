// Which configuration a document is linted with: the nearest `.pmdocs.json` above it (core's loader on
// Node's fs, discovery stopping at the workspace folder, as in VS Code), with the client's settings
// (initializationOptions / workspace/didChangeConfiguration) on top. Without a workspace folder the
// search goes up to the file system root, as `pmdocs lint` does.

import { createConfigLoader, type ConfigLoader } from '../core/config/load.js';
import { editorSettings, type EditorSettings } from '../core/config/editorSettings.js';
import { mergeSettings } from '../core/config/mergeSettings.js';
import { defaultConfig, type ResolvedConfig } from '../core/config/types.js';
import { isInside } from '../core/config/paths.js';
import type { IHost } from '../core/host.js';

export interface DocumentConfig {
  config: ResolvedConfig;
  /** The workspace folder the document is in (undefined: none, or an unsaved document). */
  folder?: string;
}

export class LspConfigs {
  private loaders = new Map<string, ConfigLoader>();
  private merged = new WeakMap<ResolvedConfig, ResolvedConfig>();
  private readonly fallback = defaultConfig();
  settings: EditorSettings;

  constructor(
    private readonly host: IHost,
    private folders: string[],
    settings: unknown,
  ) {
    this.settings = editorSettings(settings);
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.invalidate();
  }

  setSettings(raw: unknown): void {
    this.settings = editorSettings(raw);
    this.merged = new WeakMap();
  }

  /** The workspace folder holding a path (the innermost, for nested folders). */
  folderOf(path: string): string | undefined {
    return this.folders.filter((f) => isInside(f, path)).sort((a, b) => b.length - a.length)[0];
  }

  loaderFor(folder: string | undefined): ConfigLoader {
    const key = folder ?? '';
    let loader = this.loaders.get(key);
    if (!loader) this.loaders.set(key, (loader = createConfigLoader(this.host, folder ? { workspaceRoot: folder } : {})));
    return loader;
  }

  async configFor(path: string | undefined): Promise<DocumentConfig> {
    if (!path) return { config: this.withSettings(this.fallback, undefined) };
    const folder = this.folderOf(path);
    const config = await this.loaderFor(folder).load(path);
    return { config: this.withSettings(config, folder), ...(folder ? { folder } : {}) };
  }

  /** Config or schema files changed: read them again (unchanged ones are reused by content). */
  invalidate(): void {
    for (const loader of this.loaders.values()) loader.invalidate();
    this.loaders = new Map();
    this.merged = new WeakMap();
  }

  private withSettings(config: ResolvedConfig, folder: string | undefined): ResolvedConfig {
    const { rules, associations } = this.settings;
    if (!Object.keys(rules).length && !Object.keys(associations).length) return config;
    // Cached per config object so the engine's compiled validators (cached per config) are reused.
    let m = this.merged.get(config);
    if (!m) this.merged.set(config, (m = mergeSettings(config, { rules, associations, folderPath: folder ?? config.root })));
    return m;
  }
}
