// A status bar item on pmdocs documents: the doc type and the error/warning count; a click opens the
// Problems panel. Also keeps the `pmdocs.isPmdocsDocument` context key (editor title buttons, menus) in
// step with the active editor.

import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics/diagnosticsController.js';

export const IS_PMDOCS_DOCUMENT = 'pmdocs.isPmdocsDocument';

/** What the item shows; `pmdocs.test.statusBar` returns it in test runs (the item itself is not readable). */
export interface StatusBarSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  command: string;
}

export function registerStatusBar(controller: DiagnosticsController, mode?: vscode.ExtensionMode): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('pmdocs.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'pmdocs';
  item.command = 'workbench.actions.view.problems';
  let shownFor: string | undefined;
  let contextValue: boolean | undefined;
  let visible = false;

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const result = editor ? controller.lastResult(editor.document.uri) : undefined;
    const isPmdocs = !!result?.docType;
    if (contextValue !== isPmdocs) {
      contextValue = isPmdocs;
      void vscode.commands.executeCommand('setContext', IS_PMDOCS_DOCUMENT, isPmdocs);
    }
    if (!editor || !result?.docType) {
      item.hide();
      visible = false;
      shownFor = undefined;
      return;
    }
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    const label = result.docType.label ?? result.docType.type;
    item.text =
      errors || warnings
        ? `$(checklist) ${result.docType.type} $(error) ${errors} $(warning) ${warnings}`
        : `$(checklist) ${result.docType.type} $(check)`;
    item.tooltip = `pmdocs: ${label} — ${count(errors, 'error')}, ${count(warnings, 'warning')}. Click to open the Problems panel.`;
    item.accessibilityInformation = { label: `pmdocs ${label}: ${count(errors, 'error')}, ${count(warnings, 'warning')}`, role: 'button' };
    item.show();
    visible = true;
    shownFor = editor.document.uri.toString();
  };

  update();
  const testOnly =
    mode === vscode.ExtensionMode.Test
      ? [
          vscode.commands.registerCommand('pmdocs.test.statusBar', (): StatusBarSnapshot => ({
            visible,
            text: item.text,
            tooltip: String(item.tooltip ?? ''),
            command: String(item.command ?? ''),
          })),
        ]
      : [];
  return vscode.Disposable.from(
    ...testOnly,
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    controller.onDidValidate((e) => {
      if (e.uri.toString() === (shownFor ?? vscode.window.activeTextEditor?.document.uri.toString())) update();
    }),
  );
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
