// `--changed-since <ref>`: of the files found, lint those git reports changed since the ref (../git.ts)
// and those that depend on them through the index: documents that reference an id a changed document
// has or had (a deleted or renamed document, a changed id), or that carry such an id. A changed
// .pmdocs.json counts as a change to every document it covers. Runs after the index phase: every file
// found was read and indexed, so references from unchanged documents are known.

import { indexEntry } from '../../core/workspace/entry.js';
import { referencedIds } from '../../core/workspace/dependents.js';
import { changedSince, GitError, type Changes } from '../git.js';
import type { Discovered } from './discover.js';
import type { ReadFile, ReadOutcome } from './read.js';
import { LintFailure, type LintRun } from './run.js';

const MARKDOWN = /\.(md|markdown)$/i;

/** Asks git, in the discover phase; git's problems (no repository, unknown ref) end the run with exit 2. */
export async function gitChanges(run: LintRun): Promise<Changes | undefined> {
  const ref = run.options.changedSince;
  if (ref === undefined) return undefined;
  try {
    return await changedSince(run.cwd, ref);
  } catch (e) {
    if (e instanceof GitError) throw new LintFailure(e.message);
    throw e;
  }
}

/** The read files (and skipped ones) narrowed to the changed files and their dependents; unchanged without --changed-since. */
export async function onlyChanged(run: LintRun, found: Discovered, read: ReadOutcome): Promise<ReadOutcome> {
  const changes = found.changes;
  if (!changes) return read;
  const changed = new Set(changes.paths);
  const direct = new Set(found.files.filter((f) => changed.has(f.path) || (f.info.key && changed.has(f.info.key))).map((f) => f.path));

  // The ids the changed documents have now, and had at the base.
  const ids = new Set<string>();
  for (const path of direct) {
    const id = read.records.get(path)?.id;
    if (id) ids.add(id);
  }
  for (const [path, text] of await changes.before(changes.paths.filter((p) => MARKDOWN.test(p)))) {
    const info = await run.configs.get(await run.loader.configFileFor(path));
    const id = indexEntry(text, path, await run.resolveConfig(info))?.id;
    if (id) ids.add(id);
  }

  const files: ReadFile[] = [];
  for (const f of read.files) {
    if (direct.has(f.path)) files.push(f);
    else if (ids.size && read.records.has(f.path)) {
      const dependent = await dependsOn(run, read, f, ids);
      if (dependent) files.push(dependent);
    }
  }
  const kept = new Set(files.map((f) => f.path));
  return { ...read, files, skipped: read.skipped.filter((r) => direct.has(r.path) || kept.has(r.path)) };
}

/** The file (with its text, once read) when it carries or references one of `ids`. */
async function dependsOn(run: LintRun, read: ReadOutcome, f: ReadFile, ids: Set<string>): Promise<ReadFile | undefined> {
  const own = read.records.get(f.path)?.id;
  if (own && ids.has(own)) return f;
  const text = f.text ?? (await read.readVouched(f.path));
  if (text === undefined) return undefined;
  const refs = referencedIds(text, f.path, await run.resolveConfig(f.info));
  return refs.some((id) => ids.has(id)) ? { ...f, text } : undefined;
}
