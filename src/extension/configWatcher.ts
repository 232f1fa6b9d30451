// Re-validate when the configuration changes: a `.pmdocs.json`, a workspace schema file or a .gitignore
// (created, edited, saved, deleted) or a `pmdocs.*` setting. Bursts (save + file watcher, a branch switch touching
// many files) are coalesced into one reload.

import * as vscode from 'vscode';
import type { ConfigProvider } from './config/configProvider.js';
import type { DiagnosticsController } from './diagnostics/diagnosticsController.js';
import { readSettings } from './config/settings.js';

const COALESCE_MS = 50;

export function watchConfiguration(
  configs: ConfigProvider,
  controller: DiagnosticsController,
  onWorkspaceValidationEnabled: () => void,
): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reasons = new Set<string>();
  const changedConfigFiles = new Map<string, vscode.Uri>();
  const reload = (reason: string, configFile?: vscode.Uri) => {
    reasons.add(reason);
    if (configFile) changedConfigFiles.set(configFile.toString(), configFile);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      configs.invalidate([...reasons].join(', '));
      reasons.clear();
      // Load a changed config even when no document under it is open, so its problems show at once.
      for (const uri of changedConfigFiles.values()) void configs.configFor(uri);
      changedConfigFiles.clear();
      controller.revalidateAll();
    }, COALESCE_MS);
  };
  const onFile = (uri: vscode.Uri) => {
    if (configs.affectsConfig(uri)) reload(vscode.workspace.asRelativePath(uri), uri.path.endsWith('/.pmdocs.json') ? uri : undefined);
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.json,*.yaml,*.yml,.gitignore}');
  let workspaceValidation = anyFolderValidatesWorkspace();
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(onFile),
    watcher.onDidChange(onFile),
    watcher.onDidDelete(onFile),
    vscode.workspace.onDidSaveTextDocument((doc) => onFile(doc.uri)),
    // Explorer and refactoring operations: known at once, without waiting for the file watcher.
    vscode.workspace.onDidCreateFiles((e) => e.files.forEach(onFile)),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(onFile)),
    vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => (onFile(oldUri), onFile(newUri)))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('pmdocs')) return;
      const now = anyFolderValidatesWorkspace();
      if (now && !workspaceValidation) onWorkspaceValidationEnabled();
      if (!now && workspaceValidation) controller.dropDiskResults();
      workspaceValidation = now;
      reload('settings');
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => reload('workspace folders')),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

export function anyFolderValidatesWorkspace(): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.some((f) => readSettings(f.uri).validateWorkspace);
}
