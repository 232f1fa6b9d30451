// Ctrl+click on an id mention (front-matter reference or body text) opens the document that has the
// id, at its `id:` line.

import * as vscode from 'vscode';
import { documentLinks } from '../../core/navigation/links.js';
import { MARKDOWN } from '../services.js';
import { documentContext, mentionRange, uriOf, type NavigationDeps } from './navigationContext.js';

export function registerDocumentLinks(deps: NavigationDeps): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(MARKDOWN, {
    async provideDocumentLinks(document) {
      const context = await documentContext(deps, document);
      if (!context.index) return [];
      return documentLinks(context.index, document.uri.path, context.mentions, context.live).map((l) => {
        // `#L<line>,<column>` (1-based) opens the document with the cursor on its id.
        const target = uriOf(l.target.path, document.uri).with({ fragment: `L${l.target.line + 1},${l.target.character + 1}` });
        const link = new vscode.DocumentLink(mentionRange(l), target);
        link.tooltip = `Open ${l.id}`;
        return link;
      });
    },
  });
}
