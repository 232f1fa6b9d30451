// `pmdocs lint [paths|globs…]`, in phases (each in ../lint/): discover the files and their workspaces,
// read them, index the workspaces, answer what the cache can, lint the rest, report.

import { LINT_HELP } from '../help.js';
import type { Io } from '../io.js';
import { buildIndexes } from '../lint/buildIndex.js';
import { onlyChanged } from '../lint/changed.js';
import { answerFromCache } from '../lint/cacheAnswers.js';
import { discover } from '../lint/discover.js';
import { finish } from '../lint/finish.js';
import { lintJobs } from '../lint/lintJobs.js';
import { parseLintOptions } from '../lint/options.js';
import { readFiles } from '../lint/read.js';
import { report } from '../lint/report.js';
import { LintFailure, openRun } from '../lint/run.js';

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const options = parseLintOptions(args, io);
  if (options === 'help') {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  try {
    const run = await openRun(options, io);
    const found = await discover(run);
    // Without a cache every file will be linted: start the workers now, so they load the engine while
    // this thread reads files. With a cache, only the misses decide (often there are none).
    if (!run.cache && !found.changes) run.workers.for(found.files.length);
    const everything = await readFiles(run, found);
    const index = await buildIndexes(run, found.scopes, everything);
    const read = await onlyChanged(run, found, everything); // --changed-since: the changed files and their dependents
    const { answered, jobs } = await answerFromCache(run, read, index);
    const linted = await lintJobs(run, jobs, index);
    await run.workers.close();
    const results = await finish(run, [...read.skipped, ...answered, ...linted], read, index);
    return await report(run, found.changes ? read.files.length + read.skipped.length : found.files.length, results);
  } catch (e) {
    if (!(e instanceof LintFailure)) throw e;
    io.stderr.write(`pmdocs: ${e.message}\n`);
    return 2;
  }
}
