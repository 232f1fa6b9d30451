// Phase 1, discover: which files this run lints (the targets given, else the cwd config's `include`,
// else the cwd's Markdown files; minus what each file's config excludes) and which documents make up
// the workspace indexes they are linted against (../workspace.ts).

import { relativePath } from '../../core/config/paths.js';
import { visible } from '../formatters/visible.js';
import { fileLister, MARKDOWN_GLOB } from '../../core/workspace/scope.js';
import { shardOf } from '../../core/workspace/shard.js';
import type { ConfigInfo } from '../configInfo.js';
import { targetExpander } from '../files.js';
import { indexScopes, type IndexScope, type LintedFile } from '../workspace.js';
import type { Changes } from '../git.js';
import { gitChanges } from './changed.js';
import { LintFailure, type LintRun } from './run.js';

export interface Discovered {
  /** The files to lint, sorted. */
  files: LintedFile[];
  /** One workspace index per config of those files. */
  scopes: IndexScope[];
  /** Documents of those workspaces that are indexed but not linted. */
  indexOnly: { path: string; info: ConfigInfo }[];
  /** --changed-since: what git reports changed (the files are narrowed to them after indexing, ./changed.ts). */
  changes?: Changes;
}

export async function discover(run: LintRun): Promise<Discovered> {
  const { io, cwd, loader, configs } = run;
  const changes = await gitChanges(run);
  const cwdConfig = await configs.get(await loader.configFileFor(`${cwd}/.`));
  const defaults = cwdConfig.include?.length ? { cwd: cwdConfig.root, patterns: cwdConfig.include } : { cwd, patterns: [MARKDOWN_GLOB] };
  const list = fileLister(io.host, cwd); // one walk per folder, shared with the index scopes
  const expansion = await targetExpander(io.host, cwd, list)(run.options.targets, defaults);
  if (expansion.missing.length) throw new LintFailure(expansion.missing.map((m) => `no such file or directory: ${m}`).join('\npmdocs: '));
  for (const glob of expansion.unmatched) io.stderr.write(`pmdocs: warning: no files match '${glob}'\n`);
  const files: LintedFile[] = [];
  for (const t of expansion.targets) {
    const info = await configs.get(await loader.configFileFor(t.path));
    if (t.explicit || !info.excludes(t.path)) files.push({ path: t.path, info, explicit: t.explicit });
  }
  noteUnselected(run, files);

  // The indexes hold every file found, so a shard checks references against the whole workspace.
  const scopes = await indexScopes(list, cwd, loader, files);
  const linted = inShard(run, files);
  const linting = new Set(linted.map((f) => f.path));
  const indexOnly: Discovered['indexOnly'] = [];
  for (const scope of scopes) {
    const info = await configs.get(scope.key || undefined);
    for (const path of scope.paths) if (!linting.has(path)) indexOnly.push({ path, info });
  }
  return { files: linted, scopes, indexOnly, ...(changes ? { changes } : {}) };
}

/** --shard i/n: the files whose path (relative to the cwd) hashes to shard i. */
function inShard({ options, rel }: LintRun, files: LintedFile[]): LintedFile[] {
  const shard = options.shard;
  return shard ? files.filter((f) => shardOf(rel(f.path), shard.count) === shard.index) : files;
}

/**
 * When every file named on the command line is one its config does not select (with --config kept
 * elsewhere, the globs are relative to that file's folder), say so: they are linted all the same, but
 * the config's path associations cannot type them, and a silent exit 0 would look like a pass.
 */
function noteUnselected({ io, cwd }: LintRun, files: LintedFile[]): void {
  const named = files.filter((f) => f.explicit && f.info.key);
  const unselected = named.filter((f) => !f.info.selects(f.path));
  for (const f of unselected.length === named.length ? unselected : []) {
    const where = `${relativePath(cwd, f.info.root) || '.'}/`;
    const globs = f.info.include?.length
      ? `its include globs (${f.info.include.join(', ')}, relative to ${where})`
      : `its folder (${where})`;
    io.stderr.write(
      `pmdocs: note: ${visible(relativePath(cwd, f.path))} is outside ${relativePath(cwd, f.info.key)}: not under ${globs}. It is linted, but the config's path associations do not reach it.\n`,
    );
  }
}
