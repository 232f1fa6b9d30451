// pmdocs: Show Output — the log of what the engine did, with config and schema errors.

import * as vscode from 'vscode';

export function registerShowOutput(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('pmdocs.showOutput', () => log.show(true));
}
