// The extension is installed in the real VS Code host, is active in a workspace holding .pmdocs.json,
// and stays active once a Markdown document of the workspace is open.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'pmdocs.pmdocs';

function pmdocsExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
  return extension;
}

suite('smoke', () => {
  test('the extension under development is installed, from the repository', () => {
    const extension = pmdocsExtension();
    assert.equal(extension.packageJSON.main, './dist/extension.cjs');
    const events: string[] = extension.packageJSON.activationEvents ?? [];
    for (const event of ['onLanguage:markdown', 'workspaceContains:**/.pmdocs.json']) {
      assert.ok(events.includes(event), `activationEvents lacks ${event}: ${JSON.stringify(events)}`);
    }
  });

  test('the workspace is a throwaway copy of test/workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    const root = folders[0]!.uri;
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '.pmdocs.json')); // throws if missing
    const repo = pmdocsExtension().extensionUri.fsPath;
    assert.ok(!root.fsPath.startsWith(repo + path.sep), `tests must not edit the repository: ${root.fsPath}`);
  });

  test('activated by workspaceContains:**/.pmdocs.json before the tests start', () => {
    // VS Code runs the tests after the eager (workspaceContains) activations have finished.
    assert.equal(pmdocsExtension().isActive, true);
  });

  test('a Markdown file of the workspace opens as markdown and the extension is active', async () => {
    const extension = pmdocsExtension();
    const [file] = await vscode.workspace.findFiles('docs/prd/PRD-1-*.md');
    assert.ok(file, 'docs/prd/PRD-1-*.md not found in the test workspace');
    const editor = await vscode.window.showTextDocument(file);
    assert.equal(editor.document.languageId, 'markdown');
    // Resolves once activation (started by onLanguage:markdown or earlier) has finished; never re-runs activate().
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('where the tests run (logged for the record)', () => {
    // Not asserted: the suite runs both in desktop VS Code (uiKind Desktop, no remoteName) and in
    // code-server (uiKind Web, remoteName set).
    console.log(
      `    host: VS Code ${vscode.version}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, ` +
        `remoteName ${vscode.env.remoteName ?? '(none)'}, appHost ${vscode.env.appHost}, Node ${process.version}`,
    );
  });
});
