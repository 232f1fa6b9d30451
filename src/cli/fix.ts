// `pmdocs lint --fix`: after linting, every file with a safe fix goes through the core's fixAll (safe
// fixes only, re-linted until stable; a file whose front matter could not be read is never touched),
// is written back when it changed (with its BOM, if it had one), and its findings become what is left.
// What changed is printed on stderr, so stdout stays the report in the chosen format.

import type { ResolvedConfig } from '../core/config/types.js';
import { relativePath } from '../core/config/paths.js';
import { visible } from './formatters/visible.js';
import type { Engine } from '../core/engine.js';
import type { WorkspaceIndex } from '../core/workspace/index.js';
import { fixAll, safeFixes } from '../core/fixes/fixAll.js';
import type { Io } from './io.js';
import { skipped, type FileResult } from './results.js';

export interface FixSource {
  /** The text that was linted (without its BOM). */
  text: string;
  bom: boolean;
  config: () => Promise<ResolvedConfig>;
  /** The workspace index the file was linted with, so the re-lints keep their cross-document findings. */
  workspace?: () => WorkspaceIndex | undefined;
}

export interface FixOutcome {
  results: FileResult[];
  /** Files that could not be written. */
  failures: string[];
  fixedFiles: number;
  fixedProblems: number;
}

export async function fixFiles(
  results: FileResult[],
  sources: ReadonlyMap<string, FixSource>,
  engine: () => Promise<Engine>,
  io: Io,
  /** The day the lint ran for: the re-lints must judge dates (risk reviews, release dates) as it did. */
  today?: string,
): Promise<FixOutcome> {
  const rel = (p: string) => visible(relativePath(io.cwd, p)); // stderr is a terminal
  const out: FileResult[] = [];
  const failures: string[] = [];
  let fixedFiles = 0;
  let fixedProblems = 0;
  for (const result of results) {
    const source = sources.get(result.path);
    if (!source || !safeFixes(result.findings).length) {
      out.push(result);
      continue;
    }
    const e = await engine();
    const config = await source.config();
    const workspace = source.workspace?.();
    const outcome = fixAll(source.text, (t) =>
      e.lint(t, { path: result.path, config, ...(workspace ? { workspace } : {}), ...(today ? { today } : {}) }),
    );
    if (outcome.refused) {
      io.stderr.write(`pmdocs: not fixed ${rel(result.path)}: ${outcome.refused}\n`);
      out.push(result);
      continue;
    }
    if (!outcome.changed) {
      out.push(result);
      continue;
    }
    try {
      await io.host.writeFile(result.path, (source.bom ? '\uFEFF' : '') + outcome.text, { inPlace: { within: io.cwd } });
    } catch (err) {
      if ((err as { code?: string }).code === 'PMDOCS_NOT_UTF8') {
        // Not a tool failure: the file is fine to lint, only not to rewrite. Said where the findings are.
        out.push({ ...result, findings: [skipped(result.path, `Not fixed: ${(err as Error).message}.`).findings[0]!, ...result.findings] });
        continue;
      }
      failures.push(`cannot write ${rel(result.path)}: ${(err as Error).message}`);
      out.push(result);
      continue;
    }
    fixedFiles++;
    fixedProblems += outcome.applied.length;
    for (const a of outcome.applied) io.stderr.write(`pmdocs: fixed ${rel(result.path)}:${a.line}:${a.column} ${a.ruleId}: ${a.title}\n`);
    out.push({ ...result, findings: outcome.remaining });
  }
  if (fixedFiles)
    io.stderr.write(
      `pmdocs: fixed ${fixedProblems} problem${fixedProblems === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`,
    );
  return { results: out, failures, fixedFiles, fixedProblems };
}
