// Which files `pmdocs lint` checks. Arguments may be files (always linted, as asked), folders (their
// **/*.md) or globs; without arguments, the config's `include` globs, else **/*.md under the cwd.
// Folder and glob matches skip node_modules and git-ignored paths (every .gitignore from the git root
// down); the per-file config's `exclude` is applied by the caller.

import ignore, { type Ignore } from 'ignore';
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

export async function expandTargets(host: CliHost, cwd: string, args: string[], defaults: { cwd: string; patterns: string[] }): Promise<Expansion> {
  const out: Expansion = { targets: [], missing: [], unmatched: [] };
  const found = new Map<string, boolean>();
  const add = (path: string, explicit: boolean) => found.set(path, (found.get(path) ?? false) || explicit);
  const isIgnored = await gitignoreFilter(host, cwd);
  const globbed = async (patterns: string[], base: string) =>
    (await host.glob(patterns, { cwd: base, ignore: ALWAYS_IGNORED })).filter((p) => !isIgnored(p));

  if (!args.length) {
    for (const p of await globbed(defaults.patterns, defaults.cwd)) add(p, false);
  }
  for (const arg of args) {
    const slashed = arg.replace(/\\/g, '/');
    if (isDynamicPattern(slashed)) {
      const matches = await globbed([slashed], cwd);
      if (!matches.length) out.unmatched.push(arg);
      for (const p of matches) add(p, false);
      continue;
    }
    const abs = resolvePath(cwd, slashed);
    const stat = await host.stat(abs);
    if (!stat) out.missing.push(arg);
    else if (stat.isDirectory) for (const p of await globbed(['**/*.md'], abs)) add(p, false);
    else add(abs, true);
  }
  out.targets = [...found].map(([path, explicit]) => ({ path, explicit })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/** A predicate telling whether git would ignore a path, from every .gitignore between the git root and below cwd. */
async function gitignoreFilter(host: CliHost, cwd: string): Promise<(path: string) => boolean> {
  const gitRoot = await findGitRoot(host, cwd);
  const files = new Set<string>();
  for (let d = cwd; ; d = dirname(d)) {
    files.add(`${d === '/' ? '' : d}/.gitignore`);
    if (!gitRoot || d === gitRoot || dirname(d) === d) break;
  }
  for (const f of await host.glob(['**/.gitignore'], { cwd, ignore: ALWAYS_IGNORED, dot: true })) files.add(f);
  const rules: { dir: string; ig: Ignore }[] = [];
  for (const file of files) {
    const text = await host.readFile(file).catch(() => undefined);
    if (text) rules.push({ dir: dirname(file) || '/', ig: ignore().add(text) });
  }
  if (!rules.length) return () => false;
  return (path) => rules.some(({ dir, ig }) => isInside(dir, path) && path !== dir && ig.ignores(relativePath(dir, path)));
}

async function findGitRoot(host: CliHost, cwd: string): Promise<string | undefined> {
  for (let d = cwd; ; d = dirname(d)) {
    if (await host.stat(`${d === '/' ? '' : d}/.git`)) return d;
    if (dirname(d) === d || !dirname(d)) return undefined;
  }
}
