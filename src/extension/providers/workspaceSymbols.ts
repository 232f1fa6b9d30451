// Go to Symbol in Workspace (Ctrl+T): every document with an id, as "PRD-12 Invoice CSV export".

import * as vscode from 'vscode';
import { workspaceSymbols } from '../../core/navigation/symbols.js';
import type { NavigationDeps } from './navigationContext.js';

export function registerWorkspaceSymbols(deps: NavigationDeps): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query) {
      const out: vscode.SymbolInformation[] = [];
      for (const index of await deps.index.allIndexes()) {
        for (const s of workspaceSymbols(index, query)) {
          const name = s.title ? `${s.id} ${s.title}` : s.id;
          const location = new vscode.Location(uriFor(s.path), new vscode.Position(s.line, s.character));
          out.push(new vscode.SymbolInformation(name, vscode.SymbolKind.File, s.type ?? '', location));
        }
      }
      return out;
    },
  });
}

/** Index paths are URI paths: the workspace folder that holds one gives its scheme (virtual workspaces too). */
function uriFor(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find(
    (f) => path === f.uri.path || path.startsWith(`${f.uri.path.replace(/\/$/, '')}/`),
  );
  return folder ? folder.uri.with({ path }) : vscode.Uri.file(path);
}
