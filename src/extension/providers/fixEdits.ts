// A core Fix (offsets into the text that was linted) as a WorkspaceEdit. Placeholders of a fix become
// tab stops: the edit is a snippet edit, which VS Code applies as a snippet in the active editor (and
// as plain text elsewhere).
//
// SnippetTextEdit.keepWhitespace came with VS Code 1.98. Before it the host re-indents every line of a
// snippet after the first, which would double the indentation a multi-line fix already wrote: there such
// a fix is a plain edit (no tab stops); one-line fixes keep their tab stops everywhere.

import * as vscode from 'vscode';
import type { Fix, TextEdit } from '../../core/types.js';
import { placeholdersOf } from '../../core/fixes/snippetFix.js';
import { versionAtLeast } from '../hostVersion.js';

export function workspaceEditFor(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const placeholders = placeholdersOf(fix);
  const edits = fix.edits.map((e, i) => {
    const range = new vscode.Range(document.positionAt(e.start), document.positionAt(e.end));
    const mine = placeholders.filter((p) => p.edit === i);
    const keepsWhitespace = versionAtLeast(vscode.version, 1, 98);
    if (!mine.length || (!keepsWhitespace && /[\r\n]/.test(e.newText))) return new vscode.TextEdit(range, e.newText);
    const snippet = new vscode.SnippetTextEdit(range, new vscode.SnippetString(snippetText(e, mine)));
    if (keepsWhitespace) (snippet as { keepWhitespace?: boolean }).keepWhitespace = true; // the fix wrote the indentation already
    return snippet;
  });
  edit.set(document.uri, edits);
  return edit;
}

/** The edit's text with `${n:…}` around each placeholder and everything else escaped. */
export function snippetText(edit: TextEdit, placeholders: readonly { start: number; end: number }[]): string {
  const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  const sorted = [...placeholders].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  sorted.forEach((p, i) => {
    out += escape(edit.newText.slice(at, p.start)) + `\${${i + 1}:${escape(edit.newText.slice(p.start, p.end))}}`;
    at = p.end;
  });
  return out + escape(edit.newText.slice(at));
}

/** A core span of the document as a vscode.Range. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
