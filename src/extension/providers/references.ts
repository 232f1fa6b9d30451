// Find All References on an id: every front-matter reference and body mention across the workspace
// (and the `id:` line itself when the editor asks for the declaration).

import * as vscode from 'vscode';
import { referencesOf } from '../../core/navigation/occurrences.js';
import { MARKDOWN } from '../services.js';
import { idAt, mentionRange, uriOf, type NavigationDeps } from './navigationContext.js';

export function registerReferences(deps: NavigationDeps): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(MARKDOWN, {
    async provideReferences(document, position, context) {
      const at = await idAt(deps, document, position);
      if (!at) return undefined;
      return referencesOf(at.index, at.mention.id, { includeDeclaration: context.includeDeclaration, live: at.live }).map(
        (o) => new vscode.Location(uriOf(o.path, document.uri), mentionRange(o)),
      );
    },
  });
}
