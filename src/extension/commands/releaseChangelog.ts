// pmdocs: Release Changelog — the editor side of `pmdocs changelog release`: asks for the version,
// plans the edit in core (core/changelog/release.ts) and applies it as one workspace edit, so one Undo
// takes it back.

import * as vscode from 'vscode';
import { planRelease } from '../../core/changelog/release.js';
import { findFrontMatterBlock } from '../../core/document/frontMatterBlock.js';
import { localIsoDate } from '../../core/localDate.js';

export function registerReleaseChangelog(): vscode.Disposable {
  return vscode.commands.registerCommand('pmdocs.releaseChangelog', async (version?: unknown, date?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showWarningMessage('pmdocs: open a CHANGELOG.md to release it.');
      return false;
    }
    const document = editor.document;
    const text = document.getText();
    const bodyStart = findFrontMatterBlock(text)?.end ?? 0;
    const day = typeof date === 'string' ? date : localIsoDate(new Date());
    const plan = (v: string) => planRelease({ text, version: v.trim(), date: day, bodyStart });
    const asked =
      typeof version === 'string'
        ? version
        : await vscode.window.showInputBox({
            title: 'Release Changelog',
            prompt: `Version to release from [Unreleased], dated ${day}`,
            placeHolder: '1.5.0',
            validateInput: (v) => (v.trim() ? ((r) => (r.ok ? undefined : r.message))(plan(v)) : 'A SemVer version such as 1.5.0'),
          });
    if (!asked) return false;
    const result = plan(asked);
    if (!result.ok) {
      void vscode.window.showErrorMessage(`pmdocs: ${result.message}`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits)
      edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) void vscode.window.setStatusBarMessage(`pmdocs: ${result.summary}`, 5000);
    return applied;
  });
}
