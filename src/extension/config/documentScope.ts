// The editor's adapter to core/workspace/scope.ts: which files of a workspace folder are pmdocs documents
// (the workspace index) and which Validate Workspace lints, decided by the same core functions as
// `pmdocs lint`. Files are listed and read through a small host (FolderFiles: workspace.findFiles and
// workspace.fs in the extension, a fake in unit tests), so .gitignore is read in virtual workspaces too.
// No `vscode` import: unit-tested under plain Node.

import type { FileStat } from '../../core/host.js';
import {
  ALWAYS_IGNORED,
  excludes,
  gitignoreFilters,
  MARKDOWN_GLOB,
  selects,
  type IgnoreFilter,
  type ScopeConfig,
  type ScopeHost,
} from '../../core/workspace/scope.js';

/** What the editor gives: one workspace folder's files, by `/`-separated path (Uri.path). */
export interface FolderFiles {
  /** Files below `base` matching the glob, minus those matching `exclude`. */
  findFiles(base: string, glob: string, exclude: string): Promise<string[]>;
  /** The text, or undefined when there is no such file. */
  readFile(path: string): Promise<string | undefined>;
  stat(path: string): Promise<FileStat | undefined>;
}

const brace = (globs: readonly string[]): string => (globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`);

/** The folder's files as core/workspace/scope.ts lists and reads them. */
export function scopeHost(files: FolderFiles): ScopeHost {
  return {
    readFile: (path) => files.readFile(path),
    stat: (path) => files.stat(path),
    glob: (patterns, options) => files.findFiles(options.cwd, brace(patterns), brace(options.ignore ?? ALWAYS_IGNORED)),
  };
}

export interface DocumentScope {
  /** Is a file found on disk one of the documents of the workspace `config` describes (its nearest config)? */
  isDocument(config: ScopeConfig, path: string): Promise<boolean>;
  /** Does Validate Workspace lint it (`exclude` applied too)? */
  isLinted(config: ScopeConfig, path: string): Promise<boolean>;
  /** Every Markdown file of the folder that a workspace-wide check lints, each judged under its own config. */
  lintedFiles(configFor: (path: string) => Promise<ScopeConfig>): Promise<string[]>;
}

/**
 * One folder's scope; make a new one when a .gitignore changes (each is read once). `folder` is the
 * workspace folder's path: outside a git repository, the .gitignore files up to it still count.
 */
export function documentScope(files: FolderFiles, folder: string): DocumentScope {
  const host = scopeHost(files);
  const ignoredBelow = gitignoreFilters(host, folder);
  const ignored = async (config: ScopeConfig, path: string): Promise<boolean> => {
    const filter: IgnoreFilter = await ignoredBelow(config.root || folder);
    return filter(path);
  };
  const isDocument = async (config: ScopeConfig, path: string) => selects(config, path) && !(await ignored(config, path));
  const isLinted = async (config: ScopeConfig, path: string) => !excludes(config, path) && (await isDocument(config, path));
  return {
    isDocument,
    isLinted,
    async lintedFiles(configFor) {
      const out: string[] = [];
      const pause = pauser();
      for (const path of await host.glob([MARKDOWN_GLOB], { cwd: folder, ignore: ALWAYS_IGNORED })) {
        if (await isLinted(await configFor(path), path)) out.push(path);
        await pause();
      }
      return out.sort();
    },
  };
}

/**
 * Gives the event loop a turn after every PAUSE_AFTER_MS of work. Why: awaiting promises that are already
 * settled (a cached config, a cached ignore filter) never yields, so a loop over 10,000 files would hold
 * the extension host for a fifth of a second; typing in another editor waits that long.
 */
const PAUSE_AFTER_MS = 8;

function pauser(): () => Promise<void> {
  let since = Date.now();
  return async () => {
    if (Date.now() - since < PAUSE_AFTER_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    since = Date.now();
  };
}
