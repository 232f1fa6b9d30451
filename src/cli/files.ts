// Which files `pmdocs lint` checks. Arguments may be files (always linted, as asked), folders (their
// **/*.md) or globs; without arguments, the config's `include` globs, else **/*.md under the cwd.
// Folder and glob matches skip node_modules and git-ignored paths below the folder given (every
// .gitignore from the git root down, never ignoring that folder itself); the per-file config's
// `exclude` is applied by the caller.

import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import { dirname, isInside, relativePath, resolvePath } from '../core/config/paths.js';
import type { CliHost } from './host.js';

export interface Target {
  path: string;
  /** Named on the command line as a file (not found through a folder or glob): never filtered out. */
  explicit: boolean;
}

export interface Expansion {
  targets: Target[];
  /** Arguments that name nothing (exit 2). */
  missing: string[];
  /** Globs that matched no file (a warning). */
  unmatched: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Expands command-line targets; one expander serves a whole run. */
export type TargetExpander = (args: string[], defaults: { cwd: string; patterns: string[] }) => Promise<Expansion>;

/**
 * An expander that walks each folder, and applies its .gitignore files, once however often it is asked:
 * `pmdocs lint docs` under a config whose workspace is `docs` asks for the same walk twice (the files to
 * lint, then the workspace to index).
 */
export function targetExpander(host: CliHost, cwd: string): TargetExpander {
  const gitignore = gitignoreFilters(host, cwd);
  const walks = new Map<string, Promise<string[]>>();
  /** Matches of the patterns below `base`, minus what git ignores below `root` (the folder the user gave). */
  const globbed = (patterns: string[], base: string, root: string): Promise<string[]> => {
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
  return (args, defaults) => expand(cwd, args, defaults, globbed, host);
}

async function expand(
  cwd: string,
  args: string[],
  defaults: { cwd: string; patterns: string[] },
  globbed: (patterns: string[], base: string, root: string) => Promise<string[]>,
  host: CliHost,
): Promise<Expansion> {
  const out: Expansion = { targets: [], missing: [], unmatched: [] };
  const found = new Map<string, boolean>();
  const add = (path: string, explicit: boolean) => found.set(path, (found.get(path) ?? false) || explicit);

  if (!args.length) {
    for (const p of await globbed(defaults.patterns, defaults.cwd, defaults.cwd)) add(p, false);
  }
  for (const arg of args) {
    const slashed = arg.replace(/\\/g, '/');
    if (isDynamicPattern(slashed)) {
      // The literal folder in front of the first wildcard (`docs` of `docs/**/*.md`) counts as named.
      const matches = await globbed([slashed], cwd, resolvePath(cwd, picomatch.scan(slashed).base));
      if (!matches.length) out.unmatched.push(arg);
      for (const p of matches) add(p, false);
      continue;
    }
    const abs = resolvePath(cwd, slashed);
    const stat = await host.stat(abs);
    if (!stat) out.missing.push(arg);
    else if (stat.isDirectory) {
      const matches = await globbed(['**/*.md'], abs, abs);
      if (!matches.length) out.unmatched.push(arg);
      for (const p of matches) add(p, false);
    } else add(abs, true);
  }
  out.targets = [...found].map(([path, explicit]) => ({ path, explicit })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/**
 * For a folder the user named (or stands in), a predicate telling whether git would ignore a path found
 * below it. The .gitignore files from the git root down apply, each relative to its own folder, but
 * never to the named folder itself or the folders above it: `pmdocs lint build/docs` lints build/docs
 * even when `build/` is ignored, and still skips `build/docs/drafts/` when `drafts/` is.
 */
function gitignoreFilters(host: CliHost, cwd: string): (root: string) => Promise<(path: string) => boolean> {
  const texts = new Map<string, Promise<string | undefined>>();
  const read = (file: string) => {
    let text = texts.get(file);
    if (!text) texts.set(file, (text = host.readFile(file).catch(() => undefined)));
    return text;
  };
  const filters = new Map<string, Promise<(path: string) => boolean>>();
  const build = async (root: string): Promise<(path: string) => boolean> => {
    // Outside a git repository, the .gitignore files up to the cwd still count (the user's project).
    const top = (await findGitRoot(host, root)) ?? (isInside(cwd, root) ? cwd : root);
    const files = new Set<string>();
    for (let d = root; ; d = dirname(d)) {
      files.add(`${d === '/' ? '' : d}/.gitignore`);
      if (d === top || dirname(d) === d || !dirname(d)) break;
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
  return (root) => {
    let filter = filters.get(root);
    if (!filter) filters.set(root, (filter = build(root)));
    return filter;
  };
}

/** `a/b` → `!/a/` and `!/a/b/`: patterns that re-include exactly those folders (names escaped). */
function unignoreChain(rel: string): string[] {
  const segments = rel.split('/').filter(Boolean).map((s) => s.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`));
  return segments.map((_, i) => `!/${segments.slice(0, i + 1).join('/')}/`);
}

async function findGitRoot(host: CliHost, cwd: string): Promise<string | undefined> {
  for (let d = cwd; ; d = dirname(d)) {
    if (await host.stat(`${d === '/' ? '' : d}/.git`)) return d;
    if (dirname(d) === d || !dirname(d)) return undefined;
  }
}

