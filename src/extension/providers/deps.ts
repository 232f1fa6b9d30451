// What the authoring providers need from the rest of the extension, passed in so they stay small and
// testable: the engine and configuration of a document, and the diagnostics' current lint result.

import type * as vscode from 'vscode';
import type { Engine, LintResult } from '../../core/engine.js';
import type { ResolvedConfig } from '../../core/config/types.js';
import { typeDocument, type TypedDoc } from '../../core/assist/typeDocument.js';

export interface AuthoringDeps {
  /** The engine and the document's configuration (resolved through workspace.fs, cached). */
  prepare(uri: vscode.Uri): Promise<{ engine: Engine; config: ResolvedConfig }>;
  /**
   * Lints a text of the document the way the diagnostics do: with its workspace index, so quick fixes,
   * Fix all and hovers see the cross-document findings too.
   */
  lint(engine: Engine, config: ResolvedConfig, uri: vscode.Uri, text: string): LintResult;
  /** The lint result behind the published diagnostics, when it is for the document's current version. */
  currentResult(document: vscode.TextDocument): LintResult | undefined;
  log: vscode.LogOutputChannel;
}

/** The path the engine sees: none for untitled documents (only their front matter can give a type). */
export function docPath(uri: vscode.Uri): string | undefined {
  return uri.scheme === 'untitled' ? undefined : uri.path;
}

/** A fresh lint of the document's current text (the published one when it is current). */
export async function lintNow(
  deps: AuthoringDeps,
  document: vscode.TextDocument,
): Promise<{ result: LintResult; engine: Engine; config: ResolvedConfig }> {
  const { engine, config } = await deps.prepare(document.uri);
  const current = deps.currentResult(document);
  const result = current && current.doc.text === document.getText() ? current : deps.lint(engine, config, document.uri, document.getText());
  return { result, engine, config };
}

export type { TypedDoc } from '../../core/assist/typeDocument.js';

/** Parse and type the document without running the rules (completion runs on every keystroke). */
export async function typeOf(deps: AuthoringDeps, document: vscode.TextDocument): Promise<TypedDoc> {
  const { engine, config } = await deps.prepare(document.uri);
  return typeDocument(engine, document.getText(), docPath(document.uri), config);
}
