// Go to Definition / Peek on an id (its `id:`, a front-matter reference or a body mention): the `id:`
// line of the document that has it.

import * as vscode from 'vscode';
import { definitionOf } from '../../core/navigation/occurrences.js';
import { MARKDOWN } from '../services.js';
import { idAt, mentionRange, uriOf, type NavigationDeps } from './navigationContext.js';

export function registerDefinition(deps: NavigationDeps): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(MARKDOWN, {
    async provideDefinition(document, position) {
      const at = await idAt(deps, document, position);
      if (!at) return undefined;
      const origin = mentionRange(at.mention);
      return definitionOf(at.index, at.mention.id, at.live).map((d): vscode.LocationLink => ({
        originSelectionRange: origin,
        targetUri: uriOf(d.path, document.uri),
        targetRange: mentionRange(d),
        targetSelectionRange: mentionRange(d),
      }));
    },
  });
}
