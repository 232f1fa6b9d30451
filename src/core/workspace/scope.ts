// Which files make up a workspace — decided here once, for `pmdocs lint` and the editor alike:
//
// - Markdown is `.md` and `.markdown`; node_modules and .git are never looked into.
// - A `.pmdocs.json` describes one workspace: the files below its folder that its `include` globs select
//   (all Markdown without them), minus folders that have a `.pmdocs.json` of their own (another
//   workspace). Without a config file, the folder being checked (the CLI's cwd, an editor's workspace
//   folder) stands in.
// - Git-ignored files are skipped (every .gitignore from the git root down, each relative to its own
//   folder; never the workspace folder itself), unless named explicitly (a command-line file argument,
//   a document open in the editor).
// - `exclude` keeps a file from being linted when found through a folder, glob or workspace scan, but
//   it is still a document of the workspace that others may reference.
//
// The front ends only list files and read them: a ScopeHost is the CLI's file system or the editor's
// workspace.fs.

import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { dirname, isInside, relativePath, relativeTo } from '../config/paths.js';
import type { IHost } from '../host.js';

export const MARKDOWN_GLOB = '**/*.{md,markdown}';
export const ALWAYS_IGNORED: readonly string[] = ['**/node_modules/**', '**/.git/**'];
export const isMarkdownPath = (path: string): boolean => /\.(?:md|markdown)$/i.test(path);

/** The part of a config that decides its workspace (a ResolvedConfig is one). */
export interface ScopeConfig {
  /** The config file's folder (or the folder standing in for a missing one). */
  root: string;
  include?: readonly string[];
  exclude?: readonly string[];
}

export interface ListOptions {
  /** Folder the patterns are relative to. */
  cwd: string;
  /** Globs (relative to cwd) whose matches, and folders, are skipped. */
  ignore?: readonly string[];
  /** Match names starting with a dot. */
  dot?: boolean;
}

export interface ScopeHost extends IHost {
  /** Absolute `/`-separated paths of the files below `cwd` matching any pattern, in no particular order. */
  glob(patterns: string[], options: ListOptions): Promise<string[]>;
}

const matchers = new Map<string, (path: string) => boolean>();
function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) matchers.set(key, (m = picomatch([...globs], { dot: true })));
  return m;
}

/** `path` relative to the config's root; a path outside it is judged by its full path. */
const relativeToRoot = (config: ScopeConfig, path: string): string => relativeTo(config.root, path) ?? path.replace(/^\/+/, '');

/** Is the file one of the config's documents by its globs (`include`, else every Markdown file; never node_modules)? */
export function selects(config: ScopeConfig, path: string): boolean {
  const rel = relativeToRoot(config, path);
  if (/(?:^|\/)(?:node_modules|\.git)\//.test(rel)) return false;
  return matcher(config.include?.length ? config.include : [MARKDOWN_GLOB])(rel);
}

/** Does the config's `exclude` keep the file from being linted (when not named explicitly)? */
export function excludes(config: ScopeConfig, path: string): boolean {
  return !!config.exclude?.length && isInside(config.root, path) && matcher(config.exclude)(relativePath(config.root, path));
}

/** Tells whether git ignores a path found below a root (a folder the user named, or a workspace's folder). */
export type IgnoreFilter = (path: string) => boolean;

/**
 * For a root, a predicate telling whether git would ignore a path found below it. The .gitignore files
 * from the git root down apply, each relative to its own folder, but never to the root itself or the
 * folders above it: `pmdocs lint build/docs` lints build/docs even when `build/` is ignored, and still
 * skips `build/docs/drafts/` when `drafts/` is. Outside a git repository, the .gitignore files up to
 * `top` still count (the user's project). One per host and run: each .gitignore is read once.
 */
export function gitignoreFilters(host: ScopeHost, top: string): (root: string) => Promise<IgnoreFilter> {
  const texts = new Map<string, Promise<string | undefined>>();
  const read = (file: string) => {
    let text = texts.get(file);
    if (!text) texts.set(file, (text = host.readFile(file).catch(() => undefined)));
    return text;
  };
  const build = async (root: string): Promise<IgnoreFilter> => {
    const stop = (await findGitRoot(host, root)) ?? (isInside(top, root) ? top : root);
    const files = new Set<string>();
    for (let d = root; ; d = dirname(d)) {
      files.add(`${d === '/' ? '' : d}/.gitignore`);
      if (d === stop || dirname(d) === d || !dirname(d)) break;
    }
    for (const f of await host.glob(['**/.gitignore'], { cwd: root, ignore: ALWAYS_IGNORED, dot: true })) files.add(f);
    const rules: { dir: string; ig: Ignore }[] = [];
    for (const file of files) {
      const text = await read(file);
      if (!text) continue;
      const dir = dirname(file) || '/';
      const ig = ignore().add(text);
      // An ignore file above the root: re-include the root and every folder between them, so its
      // patterns only decide about what lies below the root (git's last matching pattern wins).
      if (dir !== root && isInside(dir, root)) ig.add(unignoreChain(relativePath(dir, root)));
      rules.push({ dir, ig });
    }
    if (!rules.length) return () => false;
    return (path) => rules.some(({ dir, ig }) => isInside(dir, path) && path !== dir && ig.ignores(relativePath(dir, path)));
  };
  const filters = new Map<string, Promise<IgnoreFilter>>();
  return (root) => {
    let filter = filters.get(root);
    if (!filter) filters.set(root, (filter = build(root)));
    return filter;
  };
}

/** `a/b` → `!/a/` and `!/a/b/`: patterns that re-include exactly those folders (names escaped). */
function unignoreChain(rel: string): string[] {
  const segments = rel
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`));
  return segments.map((_, i) => `!/${segments.slice(0, i + 1).join('/')}/`);
}

async function findGitRoot(host: IHost, from: string): Promise<string | undefined> {
  for (let d = from; ; d = dirname(d)) {
    if (await host.stat(`${d === '/' ? '' : d}/.git`)) return d;
    if (dirname(d) === d || !dirname(d)) return undefined;
  }
}

/** Lists the files below `base` matching the patterns, minus what git ignores below `root`. */
export type FileLister = (patterns: string[], base: string, root: string) => Promise<string[]>;

/** A lister that walks each folder, and applies its .gitignore files, once however often it is asked. */
export function fileLister(host: ScopeHost, top: string): FileLister {
  const gitignore = gitignoreFilters(host, top);
  const walks = new Map<string, Promise<string[]>>();
  return (patterns, base, root) => {
    const key = JSON.stringify([patterns, base, root]);
    let walk = walks.get(key);
    if (!walk) {
      walk = (async () => {
        const isIgnored = await gitignore(root);
        return (await host.glob(patterns, { cwd: base, ignore: ALWAYS_IGNORED })).filter((p) => !isIgnored(p));
      })();
      walks.set(key, walk);
    }
    return walk;
  };
}

export interface WorkspaceFiles {
  /** Every document of the workspace (what the cross-document rules see), sorted. */
  documents: string[];
  /** The documents a workspace-wide check lints: `exclude` applied. */
  linted: string[];
}

/**
 * The files of the workspace that `config` (the config file `configFile`, or none) describes. A file
 * whose nearest config file is another one belongs to that other workspace.
 */
export async function workspaceFiles(
  list: FileLister,
  config: ScopeConfig,
  configFile: string | undefined,
  configFileFor: (path: string) => Promise<string | undefined>,
): Promise<WorkspaceFiles> {
  const found = await list(config.include?.length ? [...config.include] : [MARKDOWN_GLOB], config.root, config.root);
  const documents: string[] = [];
  for (const path of found.sort()) {
    if (selects(config, path) && (await configFileFor(path)) === configFile) documents.push(path);
  }
  return { documents, linted: documents.filter((p) => !excludes(config, p)) };
}
