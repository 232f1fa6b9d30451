// What the CodeLens and the Trace view share: a document's entry in its workspace index (which holds
// the open documents with their unsaved text) and the done test of its doc types. The graph itself is
// core's (core/graph).

import type * as vscode from 'vscode';
import { doneTest, type DoneTest } from '../../core/graph/trace.js';
import type { IndexedDoc, WorkspaceIndex } from '../../core/workspace/index.js';
import { typeOf, type TypedDoc } from '../providers/deps.js';
import type { NavigationDeps } from '../providers/navigationContext.js';

export interface GraphContext {
  typed: TypedDoc;
  index: WorkspaceIndex;
  entry: IndexedDoc;
  isDone: DoneTest;
}

/** Undefined when the document has no index (untitled, outside every folder) or is not in it. */
export async function graphContext(deps: NavigationDeps, document: vscode.TextDocument): Promise<GraphContext | undefined> {
  const typed = await typeOf(deps.authoring, document);
  if (!typed.docType) return undefined;
  const index = await deps.index.indexWhenReady(document.uri, typed.config);
  const entry = index?.docs.find((d) => d.path === document.uri.path);
  return index && entry ? { typed, index, entry, isDone: doneTest(typed.docTypes) } : undefined;
}
