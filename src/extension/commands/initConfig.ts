// pmdocs: Create Configuration — writes the starter .pmdocs.json (the one `pmdocs init` writes) at the
// root of a workspace folder and opens it; an existing one is opened, never overwritten.

import * as vscode from 'vscode';
import { STARTER_CONFIG } from '../../core/init/starter.js';

export function registerInitConfig(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('pmdocs.initConfig', async (folderArg?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder =
      folderArg ??
      (folders.length > 1
        ? (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should .pmdocs.json go?' }))?.uri
        : folders[0]?.uri);
    if (!folder) {
      void vscode.window.showInformationMessage('pmdocs: open a folder first; .pmdocs.json goes at its root.');
      return undefined;
    }
    const target = vscode.Uri.joinPath(folder, '.pmdocs.json');
    const exists = await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      void vscode.window.showInformationMessage('pmdocs: this folder already has a .pmdocs.json; opened it instead.');
    } else {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(STARTER_CONFIG));
      log.info(`Wrote ${target.path}.`);
    }
    await vscode.window.showTextDocument(target);
    return target;
  });
}
