// What the host does for the page, once a message has passed its checks: put the cursor on a line of
// the document, open a link (a workspace file in an editor; a web or mail link outside VS Code), or open
// the document a reference chip names.

import * as vscode from 'vscode';
import { classifyLink } from './protocol.js';
import { resolveInRoot } from './resources.js';

export async function revealLine(document: vscode.TextDocument, panel: vscode.WebviewPanel, line: number): Promise<void> {
  const position = new vscode.Position(line - 1, 0);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? otherColumn(panel.viewColumn),
    preserveFocus: false,
  });
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function openLink(
  document: vscode.TextDocument,
  panel: vscode.WebviewPanel,
  href: string,
  log?: vscode.LogOutputChannel,
): Promise<void> {
  const action = classifyLink(href);
  if (action.kind === 'external') {
    // VS Code asks the user before opening a site they have not trusted: that is the confirmation.
    await vscode.env.openExternal(vscode.Uri.parse(action.href, true));
    return;
  }
  if (action.kind === 'ignore') {
    log?.info(`Preview: link not opened (${action.reason}).`);
    return;
  }
  const target = resolveInRoot(document.uri, action.path);
  const exists =
    target &&
    (await vscode.workspace.fs.stat(target).then(
      (s) => (s.type & vscode.FileType.File) !== 0,
      () => false,
    ));
  if (!target || !exists) {
    void vscode.window.showWarningMessage(`pmdocs preview: '${action.path}' was not found in this workspace.`);
    return;
  }
  await vscode.commands.executeCommand('vscode.open', target, { viewColumn: otherColumn(panel.viewColumn) });
}

/**
 * A document a reference chip names (resolved by the host through its index): opened where the preview's
 * links open, in the editor group beside the preview, so the preview stays in view.
 */
export async function openReferencedDocument(panel: vscode.WebviewPanel, target: vscode.Uri, id: string): Promise<void> {
  const exists = await vscode.workspace.fs.stat(target).then(
    (s) => (s.type & vscode.FileType.File) !== 0,
    () => false,
  );
  if (!exists) {
    void vscode.window.showWarningMessage(`pmdocs preview: the document '${id}' names is no longer in this workspace.`);
    return;
  }
  await vscode.commands.executeCommand('vscode.open', target, { viewColumn: otherColumn(panel.viewColumn) });
}

/** The editor goes to the other side of the preview. */
function otherColumn(panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  return panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
}
