// Lints one file's text: the same code runs in-process and in the worker threads.

import type { Engine } from '../core/engine.js';
import type { ResolvedConfig } from '../core/config/types.js';
import type { WorkspaceIndex } from '../core/workspace/index.js';
import type { FileResult } from './results.js';

export function lintText(
  engine: Engine,
  path: string,
  text: string,
  config: ResolvedConfig,
  workspace?: WorkspaceIndex,
  today?: string,
): FileResult {
  try {
    const result = engine.lint(text, { path, config, ...(workspace ? { workspace } : {}), ...(today ? { today } : {}) });
    return {
      path,
      docType: result.docType?.type,
      findings: result.findings,
      ...(result.workspaceQueries ? { workspaceQueries: result.workspaceQueries } : {}),
      ...(result.usedToday ? { today } : {}),
    };
  } catch (e) {
    // The engine turns bad input into findings; a throw is a pmdocs bug, reported as a tool failure.
    return { path, findings: [], crash: (e as Error)?.stack ?? String(e) };
  }
}
