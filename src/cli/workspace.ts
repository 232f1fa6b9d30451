// Which documents the cross-document rules see during a lint run: the workspace index of each config.
//
// A `.pmdocs.json` describes one workspace: the index of a file linted under it holds every Markdown file
// its `include` globs select below its folder (**/*.md without them), whether or not this run lints them,
// minus node_modules, git-ignored files and folders that have a `.pmdocs.json` of their own (another
// workspace). `exclude` does not apply: an excluded document is not linted, but it exists and may be
// referenced. So `pmdocs lint docs/stories/US-1.md` resolves US-1's references against the whole project.
//
// Without a config file pmdocs cannot tell where the project ends, so the index is what the run lints:
// the files found through the folders and globs given (or the cwd's **/*.md without arguments). Files
// named one by one, without a config, get no index: the cross-document rules stay silent for them rather
// than report every reference as unresolved.

import type { ConfigLoader } from '../core/config/load.js';
import type { TargetExpander } from './files.js';
import type { ConfigInfo } from './configInfo.js';

export interface IndexScope {
  /** The config file's path; '' for the files without one. */
  key: string;
  /** Paths in messages are relative to this folder (the config file's folder; the cwd without one). */
  root: string;
  /** Every file of the workspace, linted in this run or not, sorted. */
  paths: string[];
}

export interface LintedFile {
  path: string;
  info: ConfigInfo;
  /** Named on the command line as a file. */
  explicit: boolean;
}

export async function indexScopes(expandTargets: TargetExpander, cwd: string, loader: ConfigLoader, linted: readonly LintedFile[]): Promise<IndexScope[]> {
  const byConfig = new Map<string, { info: ConfigInfo; files: LintedFile[] }>();
  for (const f of linted) {
    const entry = byConfig.get(f.info.key);
    if (entry) entry.files.push(f);
    else byConfig.set(f.info.key, { info: f.info, files: [f] });
  }
  const scopes: IndexScope[] = [];
  for (const { info, files } of byConfig.values()) {
    if (!info.key) {
      if (files.every((f) => f.explicit)) continue;
      scopes.push({ key: '', root: cwd, paths: files.map((f) => f.path).sort() });
      continue;
    }
    const found = await expandTargets([], { cwd: info.root, patterns: info.include?.length ? info.include : ['**/*.md'] });
    const paths = new Set(files.map((f) => f.path));
    for (const t of found.targets) {
      if (paths.has(t.path)) continue;
      if ((await loader.configFileFor(t.path)) === info.key) paths.add(t.path);
    }
    scopes.push({ key: info.key, root: info.root, paths: [...paths].sort() });
  }
  return scopes;
}
