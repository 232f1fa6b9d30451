// Editor settings (VS Code's pmdocs.* settings, a language client's initializationOptions) on top of the
// loaded `.pmdocs.json` config. With no such settings the config object is returned unchanged, so the
// editor lints with exactly the config the CLI uses (and the engine's per-config cache keeps working).

import type { ResolvedConfig, Association } from './types.js';
import type { RuleSetting } from './ruleSettings.js';

export interface SettingsOverlay {
  rules: Record<string, RuleSetting>;
  /** Glob relative to the workspace folder → doc type. */
  associations: Record<string, string>;
  /** The workspace folder's path (`/`-separated, as in Uri.path). */
  folderPath: string;
}

export function mergeSettings(config: ResolvedConfig, overlay: SettingsOverlay): ResolvedConfig {
  const ruleIds = Object.keys(overlay.rules);
  const globs = Object.entries(overlay.associations);
  if (ruleIds.length === 0 && globs.length === 0) return config;
  const extra: Association[] = [];
  for (const [glob, type] of globs) {
    const rebased = rebaseGlob(glob, overlay.folderPath, config.root);
    if (rebased !== undefined) extra.push({ glob: rebased, type });
  }
  return {
    ...config,
    rules: { ...config.rules, ...overlay.rules },
    // Settings come first: the first matching association decides, and the user's own choice should win.
    associations: [...extra, ...config.associations],
  };
}

/**
 * A glob written relative to the workspace folder, made relative to the config's root (a sub-folder when
 * the `.pmdocs.json` lives deeper). Undefined when the glob can never match below that root.
 */
export function rebaseGlob(glob: string, folderPath: string, root: string): string | undefined {
  const g = glob.replace(/^\.\//, '').replace(/^\/+/, '');
  const folder = trimSlash(folderPath);
  const base = trimSlash(root);
  if (!base || base === folder) return g;
  if (!base.startsWith(folder + '/')) return g; // config outside the folder: take the glob as written
  const sub = base.slice(folder.length + 1) + '/';
  if (g.startsWith(sub)) return g.slice(sub.length);
  if (g.startsWith('**/')) return g;
  return undefined;
}

const trimSlash = (p: string) => p.replace(/\/+$/, '');
