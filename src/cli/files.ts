// Which files `pmdocs lint` checks. Arguments may be files (always linted, as asked), folders (their
// Markdown files: .md and .markdown) or globs; without arguments, the config's `include` globs, else the
// Markdown files under the cwd. Folder and glob matches skip node_modules and git-ignored paths below the
// folder given (core/workspace/scope.ts decides both); the per-file config's `exclude` is applied by the
// caller.

import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import { resolvePath } from '../core/config/paths.js';
import { MARKDOWN_GLOB, type FileLister } from '../core/workspace/scope.js';
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

/** Expands command-line targets; one expander serves a whole run. */
export type TargetExpander = (args: string[], defaults: { cwd: string; patterns: string[] }) => Promise<Expansion>;

/**
 * An expander over a run's file lister (core/workspace/scope.ts), which walks each folder, and applies
 * its .gitignore files, once however often it is asked: `pmdocs lint docs` under a config whose
 * workspace is `docs` asks for the same walk twice (the files to lint, then the workspace to index).
 */
export function targetExpander(host: CliHost, cwd: string, list: FileLister): TargetExpander {
  return (args, defaults) => expand(cwd, args, defaults, list, host);
}

async function expand(
  cwd: string,
  args: string[],
  defaults: { cwd: string; patterns: string[] },
  globbed: FileLister,
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
    // An argument holding U+FFFD may name a file whose name is not UTF-8 (Node decodes argv lossily).
    const real = !stat && abs.includes('\uFFFD') ? ((await host.namesLike?.(abs)) ?? []) : [];
    if (real.length) for (const p of real) add(p, true);
    else if (!stat) out.missing.push(arg);
    else if (stat.isDirectory) {
      const matches = await globbed([MARKDOWN_GLOB], abs, abs);
      if (!matches.length) out.unmatched.push(arg);
      for (const p of matches) add(p, false);
    } else add(abs, true);
  }
  out.targets = [...found].map(([path, explicit]) => ({ path, explicit })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}
