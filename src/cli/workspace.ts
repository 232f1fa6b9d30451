// Which documents the cross-document rules see during a lint run: the workspace index of each config.
//
// A `.pmdocs.json` describes one workspace (core/workspace/scope.ts says which files, for the editor too):
// the index of a file linted under it holds every document of that workspace, whether or not this run
// lints them. `exclude` does not apply: an excluded document is not linted, but it exists and may be
// referenced. So `pmdocs lint docs/stories/US-1.md` resolves US-1's references against the whole project.
//
// Without a config file pmdocs cannot tell where the project ends, so the index is what the run lints:
// the files found through the folders and globs given (or the cwd's **/*.md without arguments). Files
// named one by one, without a config, get no index: the cross-document rules stay silent for them rather
// than report every reference as unresolved.

import type { ConfigLoader } from '../core/config/load.js';
import { workspaceFiles, type FileLister } from '../core/workspace/scope.js';
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

export async function indexScopes(
  list: FileLister,
  cwd: string,
  loader: ConfigLoader,
  linted: readonly LintedFile[],
): Promise<IndexScope[]> {
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
    const paths = new Set(files.map((f) => f.path));
    for (const path of (await workspaceFiles(list, info, info.key, loader.configFileFor)).documents) paths.add(path);
    scopes.push({ key: info.key, root: info.root, paths: [...paths].sort() });
  }
  return scopes;
}
