// Shared by the integration tests: the extension's API, files in the (throwaway) test workspace, and
// waiting on events — diagnostics changes and the extension's own onDidValidate — never on time.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PmdocsApi } from '../../src/extension/extension.js';
import type { ValidationEvent } from '../../src/extension/diagnostics/diagnosticsController.js';

export const EXTENSION_ID = 'pmdocs.pmdocs';

export async function pmdocs(): Promise<PmdocsApi> {
  const extension = vscode.extensions.getExtension<PmdocsApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return folder.uri;
}

export const fileUri = (relPath: string) => vscode.Uri.joinPath(root(), relPath);

export async function writeFile(relPath: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(relPath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Replaces a file's text the way a user does: in an editor, then saved (no file watcher involved). */
export async function editAndSave(uri: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${uri.path}`);
  assert.ok(await doc.save(), `could not save ${uri.path}`);
}

/**
 * Creates a file through a workspace edit, as New File in the explorer does: extensions hear of it at
 * once (onDidCreateFiles), not through the file watcher, whose events this test host can drop.
 */
export async function createFile(relPath: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(relPath);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: true, contents: new TextEncoder().encode(text) });
  assert.ok(await vscode.workspace.applyEdit(edit), `could not create ${uri.path}`);
  return uri;
}

/** Deletes a file through a workspace edit, as the explorer does. */
export async function deleteFile(uri: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not delete ${uri.path}`);
}

export async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** What the tests are waiting for right now: a test that times out says what never happened. */
const pending = new Set<string>();
export const waitingFor = () => [...pending].join('; ');

/** Resolves with the first value `check` returns that is not undefined: now, or on a later event. */
export function when<T, E>(event: vscode.Event<E>, check: () => T | undefined, what: string): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  pending.add(what);
  return new Promise<T>((resolve, reject) => {
    const sub = event(() => {
      let v: T | undefined;
      try {
        v = check();
      } catch (e) {
        sub.dispose();
        pending.delete(what);
        reject(e);
        return;
      }
      if (v !== undefined) {
        sub.dispose();
        pending.delete(what);
        resolve(v);
      }
    });
  });
}

const fromPmdocs = (d: vscode.Diagnostic) => d.source === 'pmdocs';

/** pmdocs' diagnostics (or those `which` selects) on a file, once they satisfy `ok`. */
export function diagnosticsWhen(
  uri: vscode.Uri,
  ok: (d: vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
  which = fromPmdocs,
): Promise<vscode.Diagnostic[]> {
  const get = () => vscode.languages.getDiagnostics(uri).filter(which);
  return when(vscode.languages.onDidChangeDiagnostics, () => (ok(get()) ? get() : undefined), `${what} on ${uri.path}`);
}

/** The lint result of this exact version of the document (from the last run, or the next one). */
export async function validated(doc: vscode.TextDocument): Promise<ValidationEvent> {
  const api = await pmdocs();
  const version = doc.version;
  const current = () => {
    const r = api.resultFor(doc);
    return r && doc.version === version ? { uri: doc.uri, version, docType: r.docType, findings: r.findings } : undefined;
  };
  return when(api.onDidValidate, current, `validation of ${doc.uri.path} v${version}`);
}

/**
 * Like `validated`, but a result the cross-document rules could speak in: linted with the workspace index
 * (the first check of a document may come before the extension has read the workspace), or of a file
 * that is no pmdocs document.
 */
export async function validatedWithIndex(doc: vscode.TextDocument): Promise<ValidationEvent> {
  const api = await pmdocs();
  const version = doc.version;
  const current = () => {
    const r = api.resultFor(doc);
    return r && doc.version === version && (r.workspaceQueries !== undefined || !r.docType)
      ? { uri: doc.uri, version, docType: r.docType, findings: r.findings }
      : undefined;
  };
  return when(api.onDidValidate, current, `validation of ${doc.uri.path} v${version} with the workspace index`);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(uri, { preview: false });
}

/** Replaces the first occurrence of `from` in the editor's text (an edit as typing would make, unsaved). */
export async function replaceText(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
  const text = editor.document.getText();
  const at = text.indexOf(from);
  assert.ok(at >= 0, `'${from}' not in ${editor.document.uri.path}`);
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + from.length));
  assert.ok(await editor.edit((b) => b.replace(range, to)), 'edit was not applied');
}

/** The 0-based range of `needle` on the first line that starts with `linePrefix`. */
export function rangeOf(doc: vscode.TextDocument, linePrefix: string, needle: string): vscode.Range {
  for (let i = 0; i < doc.lineCount; i++) {
    const line = doc.lineAt(i).text;
    if (!line.startsWith(linePrefix)) continue;
    const col = line.indexOf(needle);
    assert.ok(col >= 0, `'${needle}' not on line '${line}'`);
    return new vscode.Range(i, col, i, col + needle.length);
  }
  assert.fail(`no line starts with '${linePrefix}'`);
}

export const show = (r: vscode.Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** For suites' teardown: name what a timed-out test was still waiting for. */
export function reportTimeout(this: Mocha.Context): void {
  if (this.currentTest?.state === 'failed' && pending.size) console.log(`      (was waiting for: ${waitingFor()})`);
  pending.clear();
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets a pmdocs setting for the workspace and returns a function that restores the old value. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('pmdocs');
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => vscode.workspace.getConfiguration('pmdocs').update(key, before, vscode.ConfigurationTarget.Workspace);
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
