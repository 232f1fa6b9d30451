// What the navigation providers (definition, references, rename, id links, workspace symbols) share:
// the id under the cursor, the document's workspace index, and the current mentions of the documents
// open in editors (their index entries may lag behind unsaved edits). The answers are core's
// (core/navigation); this file only moves between VS Code's types and core's plain data.

import * as vscode from 'vscode';
import type { IdMention, WorkspaceIndex } from '../../core/workspace/index.js';
import type { LiveMentions } from '../../core/navigation/occurrences.js';
import { mentionAt } from '../../core/navigation/occurrences.js';
import { mentionsOfTyped } from '../../core/navigation/documentMentions.js';
import type { ResolvedConfig } from '../../core/config/types.js';
import { typeOf, type AuthoringDeps, type TypedDoc } from './deps.js';

export interface IndexSource {
  /** The document's index once the workspace has been read (undefined: it has none, e.g. untitled). */
  indexWhenReady(uri: vscode.Uri, config: ResolvedConfig): Promise<WorkspaceIndex | undefined>;
  /** Which index a document belongs to. */
  scopeOf(uri: vscode.Uri, config: ResolvedConfig): string | undefined;
  /** Every scope's index (workspace symbols). */
  allIndexes(): Promise<WorkspaceIndex[]>;
}

export interface NavigationDeps {
  authoring: AuthoringDeps;
  index: IndexSource;
}

export interface DocumentContext {
  typed: TypedDoc;
  mentions: IdMention[];
  index?: WorkspaceIndex;
  live: LiveMentions;
}

/** The document's mentions from its current text, its index and the open documents' current mentions. */
export async function documentContext(deps: NavigationDeps, document: vscode.TextDocument): Promise<DocumentContext> {
  const typed = await typeOf(deps.authoring, document);
  const mentions = mentionsOfTyped(typed);
  const index = await deps.index.indexWhenReady(document.uri, typed.config);
  const live = new Map<string, IdMention[]>();
  if (index) {
    const scope = deps.index.scopeOf(document.uri, typed.config);
    live.set(document.uri.path, mentions);
    for (const other of vscode.workspace.textDocuments) {
      if (other === document || other.isClosed || other.languageId !== 'markdown' || other.uri.scheme !== document.uri.scheme) continue;
      const otherTyped = await typeOf(deps.authoring, other);
      if (deps.index.scopeOf(other.uri, otherTyped.config) === scope) live.set(other.uri.path, mentionsOfTyped(otherTyped));
    }
  }
  return { typed, mentions, ...(index ? { index } : {}), live };
}

/** The id under the cursor, with everything needed to answer about it. */
export async function idAt(
  deps: NavigationDeps,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<(DocumentContext & { mention: IdMention; index: WorkspaceIndex }) | undefined> {
  const context = await documentContext(deps, document);
  const mention = mentionAt(context.mentions, position.line, position.character);
  return mention && context.index ? { ...context, mention, index: context.index } : undefined;
}

export const mentionRange = (m: { line: number; character: number; id: string }) =>
  new vscode.Range(m.line, m.character, m.line, m.character + m.id.length);

/** The URI of an indexed path, on the same file system as `like` (index paths are URI paths). */
export function uriOf(path: string, like: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: like.scheme, authority: like.authority, path });
}
