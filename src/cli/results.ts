// One linted file, as the formatters, the cache and the worker threads pass it around (plain data).

import type { Finding } from '../core/types.js';

export interface FileResult {
  /** Absolute, `/`-separated. */
  path: string;
  /** The doc type's name; undefined when the file is not a pmdocs document. */
  docType?: string;
  findings: Finding[];
  /** What the lint asked the workspace index (for the cache key); set only by lintText. */
  workspaceQueries?: string[];
  /** The day the findings hold for, when a rule compared a date with today (set only by lintText). */
  today?: string;
  /** The engine threw on this file (a pmdocs bug): reported on stderr, exit code 2. */
  crash?: string;
  /** A worker could not read the file it was to lint (deleted meanwhile): reported on stderr, exit code 2. */
  unreadable?: string;
}

/** Not a rule of the engine: the CLI's own note that it did not lint a file (binary, too large). */
export const SKIPPED_RULE_ID = 'file-skipped';
export const SKIPPED_DOCS_URL = 'https://github.com/pmdocs/pmdocs/blob/main/docs/cli.md#skipped-files';
export const SKIPPED_DESCRIPTION = 'The file was not linted: it looks binary (NUL bytes) or is larger than 10 MB.';

export function skipped(path: string, message: string): FileResult {
  return {
    path,
    findings: [
      {
        ruleId: SKIPPED_RULE_ID,
        severity: 'warning',
        message,
        start: 0,
        end: 0,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        docsUrl: SKIPPED_DOCS_URL,
      },
    ],
  };
}

export const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
