// Rename Symbol on an id: one workspace edit (previewable) that changes the `id:`, every front-matter
// reference and body mention, and, with `pmdocs.rename.renameFiles`, the document's file name when it
// starts with the id. Core plans it (core/navigation/rename.ts) and says why when it refuses.

import * as vscode from 'vscode';
import { definingDocs } from '../../core/navigation/occurrences.js';
import { planRename } from '../../core/navigation/rename.js';
import { MARKDOWN } from '../services.js';
import { readSettings } from '../config/settings.js';
import { idAt, mentionRange, uriOf, type NavigationDeps } from './navigationContext.js';

export function registerRename(deps: NavigationDeps): vscode.Disposable {
  return vscode.languages.registerRenameProvider(MARKDOWN, {
    async prepareRename(document, position) {
      const at = await idAt(deps, document, position);
      if (!at) throw new Error('Put the cursor on a document id (its id:, a reference or a mention such as PRD-12) to rename it.');
      if (!definingDocs(at.index, at.mention.id).length)
        throw new Error(`No document of this workspace has the id ${at.mention.id}, so there is nothing to rename.`);
      return { range: mentionRange(at.mention), placeholder: at.mention.id };
    },

    async provideRenameEdits(document, position, newName) {
      const at = await idAt(deps, document, position);
      if (!at) return undefined;
      const { renameFiles } = readSettings(document.uri);
      const outcome = planRename(at.index, at.mention.id, newName, {
        docTypes: at.typed.docTypes,
        extraSchemas: at.typed.config.schemas,
        renameFiles,
        live: at.live,
      });
      if (!outcome.ok) throw new Error(outcome.message);
      const { plan } = outcome;
      const edit = new vscode.WorkspaceEdit();
      if (plan.fileRename) {
        const to = uriOf(plan.fileRename.to, document.uri);
        if (await exists(to)) throw new Error(`Renaming the file would replace ${vscode.workspace.asRelativePath(to)}, which exists.`);
        // First: the text edits name the renamed document by its new name.
        edit.renameFile(uriOf(plan.fileRename.from, document.uri), to, { overwrite: false });
      }
      for (const file of plan.files) {
        const uri = uriOf(file.path, document.uri);
        for (const e of file.edits) edit.replace(uri, new vscode.Range(e.line, e.character, e.line, e.character + e.length), e.newText);
      }
      return edit;
    },
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
