// pmdocs' limits and the outside-schemas switch come from the user's own settings only: a workspace's
// .vscode/settings.json is the repository's word, and the limits exist to protect the user from it.

import * as vscode from 'vscode';
import { allowOutsideSchemas, configureLimits } from '../../core/limits.js';

export function applyUserLimits(): void {
  const config = vscode.workspace.getConfiguration('pmdocs');
  const limits = config.inspect<Record<string, unknown>>('limits')?.globalValue;
  configureLimits(limits && typeof limits === 'object' ? limits : {});
  allowOutsideSchemas(config.inspect<boolean>('allowOutsideSchemas')?.globalValue === true);
}

/** Applies the settings now and whenever the user changes them. */
export function watchUserLimits(): vscode.Disposable {
  applyUserLimits();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('pmdocs.limits') || e.affectsConfiguration('pmdocs.allowOutsideSchemas')) applyUserLimits();
  });
}
