// The user's `pmdocs.*` settings, read per resource (multi-root: each folder may set its own). What they
// mean and how malformed values fall back is core's (shared with the language server).

import * as vscode from 'vscode';
import { editorSettings, type EditorSettings } from '../../core/config/editorSettings.js';

export type { RunMode } from '../../core/config/editorSettings.js';
export type PmdocsSettings = EditorSettings;

export function readSettings(scope?: vscode.ConfigurationScope): PmdocsSettings {
  const c = vscode.workspace.getConfiguration('pmdocs', scope);
  return editorSettings({
    run: c.get('run'),
    debounceMs: c.get('debounceMs', 300),
    rules: c.get('rules', {}),
    associations: c.get('associations', {}),
    validateWorkspace: c.get('validateWorkspace', false),
    rename: { renameFiles: c.get('rename.renameFiles', false) },
    codeLens: c.get('codeLens', true),
  });
}
