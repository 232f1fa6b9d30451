// After linting: results in path order, --fix applied to them (src/cli/fix.ts: the files are written
// and their findings become what is left), and the --cache saved for the next run.

import { fixFiles, type FixSource } from '../fix.js';
import { loadEngine } from '../engine.js';
import { byPath, type FileResult } from '../results.js';
import type { Indexes } from './buildIndex.js';
import type { ReadOutcome } from './read.js';
import type { LintRun } from './run.js';

export async function finish(run: LintRun, results: FileResult[], read: ReadOutcome, index: Indexes): Promise<FileResult[]> {
  const { io, cache } = run;
  // Reads finish in any order; everything printed from here on follows the file paths.
  results.sort(byPath);
  run.failures.sort();
  if (run.options.fix) {
    const fixed = await fixFiles(results, fixSources(run, read, index), loadEngine, io, run.today);
    results = fixed.results;
    run.failures.push(...fixed.failures);
  }
  if (cache) {
    try {
      await cache.save();
    } catch (e) {
      io.stderr.write(`pmdocs: warning: could not write the cache in ${run.rel(cache.dir)}: ${(e as Error).message}\n`);
    }
  }
  return results;
}

/** Each linted text with its config and the index it was linted with, so the re-lints see the same. */
function fixSources(run: LintRun, read: ReadOutcome, index: Indexes): Map<string, FixSource> {
  const sources = new Map<string, FixSource>();
  for (const { path, info } of read.files) {
    const linted = read.texts.get(path);
    if (linted) sources.set(path, { ...linted, config: () => run.resolveConfig(info), workspace: () => index.indexes.get(info.key) });
  }
  return sources;
}
