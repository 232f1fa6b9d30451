// pmdocs: Validate Workspace — every Markdown file of every workspace folder that its config lints (the
// same files as `pmdocs lint` there: core/workspace/scope.ts), open or not, with a cancellable progress notification; results land in the Problems panel.

import * as vscode from 'vscode';
import type { DiagnosticsController } from '../diagnostics/diagnosticsController.js';
import type { ConfigProvider } from '../config/configProvider.js';

export interface WorkspaceSummary {
  files: number;
  documents: number;
  errors: number;
  warnings: number;
  cancelled: boolean;
}

export async function findWorkspaceDocuments(configs: ConfigProvider, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const scope = configs.scopeFor(folder.uri);
    if (!scope || token?.isCancellationRequested) continue;
    const uriOf = (path: string) => folder.uri.with({ path });
    for (const path of await scope.lintedFiles(async (path) => (await configs.configFor(uriOf(path))).config)) out.push(uriOf(path));
  }
  return out.sort((a, b) => a.toString().localeCompare(b.toString()));
}

export async function validateWorkspace(
  controller: DiagnosticsController,
  configs: ConfigProvider,
  log: vscode.LogOutputChannel,
  progress?: vscode.Progress<{ message?: string; increment?: number }>,
  token?: vscode.CancellationToken,
): Promise<WorkspaceSummary> {
  const started = Date.now();
  const files = await findWorkspaceDocuments(configs, token);
  const summary: WorkspaceSummary = { files: files.length, documents: 0, errors: 0, warnings: 0, cancelled: false };
  for (const [i, uri] of files.entries()) {
    if (token?.isCancellationRequested) {
      summary.cancelled = true;
      break;
    }
    progress?.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
    await controller.validateFromDisk(uri, token);
  }
  // Open files were validated through their editors; count from what the Problems panel now holds.
  for (const uri of files) {
    const result = controller.lastResult(uri);
    if (!result?.docType) continue;
    summary.documents++;
    summary.errors += result.findings.filter((f) => f.severity === 'error').length;
    summary.warnings += result.findings.filter((f) => f.severity === 'warning').length;
  }
  log.info(
    `Validate Workspace${summary.cancelled ? ' (cancelled)' : ''}: ${summary.files} Markdown file(s), ${summary.documents} pmdocs document(s), ${summary.errors} error(s), ${summary.warnings} warning(s), ${Date.now() - started} ms.`,
  );
  return summary;
}

export function registerValidateWorkspace(
  controller: DiagnosticsController,
  configs: ConfigProvider,
  log: vscode.LogOutputChannel,
  mode?: vscode.ExtensionMode,
): vscode.Disposable {
  const command = vscode.commands.registerCommand('pmdocs.validateWorkspace', async (options?: { silent?: boolean }) => {
    // Asked for by the user: a notification they can cancel; in the background (setting): the status bar.
    const location = options?.silent ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
    const summary = await vscode.window.withProgress(
      { location, title: 'pmdocs: validating workspace', cancellable: !options?.silent },
      (progress, token) => validateWorkspace(controller, configs, log, progress, token),
    );
    if (!options?.silent) {
      const text = summary.cancelled
        ? `pmdocs: validation cancelled.`
        : `pmdocs: ${summary.documents} document(s) checked, ${summary.errors} error(s), ${summary.warnings} warning(s).`;
      void vscode.window.showInformationMessage(text, 'Open Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return summary;
  });
  if (mode !== vscode.ExtensionMode.Test) return command;
  // Test runs only: what pressing Cancel on the notification does, after `cancelAfter` files. Resolves to
  // the summary and the progress messages that were shown.
  const cancelTest = vscode.commands.registerCommand('pmdocs.test.validateWorkspaceCancelledAfter', async (cancelAfter: number) => {
    const source = new vscode.CancellationTokenSource();
    const messages: string[] = [];
    const progress = {
      report: (p: { message?: string }) => {
        messages.push(p.message ?? '');
        if (messages.length >= cancelAfter) source.cancel();
      },
    };
    try {
      return { summary: await validateWorkspace(controller, configs, log, progress, source.token), messages };
    } finally {
      source.dispose();
    }
  });
  return vscode.Disposable.from(command, cancelTest);
}
