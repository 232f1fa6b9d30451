// Renaming an id: the text edits for every file that names it (the `id:` value, front-matter references,
// body mentions) and, when asked, the renaming of the document's file when its name starts with the id.
// Refused, with a message saying why, when the new id is taken, has the wrong prefix or shape for the
// document's type, or the old id is not one document's.

import type { DocType } from '../doctypes/docType.js';
import { idIsWellFormed } from '../workspace/entry.js';
import { fileStem, type WorkspaceIndex } from '../workspace/index.js';
import { isIdWord } from './mentions.js';
import { definingDocs, referencesOf, type LiveMentions } from './occurrences.js';

/** Replace `length` characters at a 0-based line and character with `newText`. */
export interface LineEdit {
  line: number;
  character: number;
  length: number;
  newText: string;
}

export interface RenamePlan {
  /**
   * The document's file, renamed after the new id (only with `renameFiles`). Apply it first: `files`
   * names the renamed document by its new path.
   */
  fileRename?: { from: string; to: string };
  /** Per file (sorted by path), its edits in document order. */
  files: { path: string; edits: LineEdit[] }[];
}

export type RenameOutcome = { ok: true; plan: RenamePlan } | { ok: false; message: string };

export interface RenameOptions {
  /** The doc types known in the workspace (to check the new id's prefix and pattern). */
  docTypes: readonly DocType[];
  extraSchemas?: readonly unknown[];
  /** Rename `PRD-12-export.md` to `PRD-40-export.md` along with the id. */
  renameFiles?: boolean;
  live?: LiveMentions;
}

export function planRename(index: WorkspaceIndex, id: string, newIdRaw: string, options: RenameOptions): RenameOutcome {
  const newId = newIdRaw.trim();
  const refuse = (message: string): RenameOutcome => ({ ok: false, message });
  const owners = definingDocs(index, id);
  if (!owners.length) return refuse(`No document of this workspace has the id ${id}, so there is nothing to rename.`);
  if (owners.length > 1)
    return refuse(
      `${owners.length} documents have the id ${id} (${owners.map((d) => index.display(d.path)).join(', ')}); give each its own id first.`,
    );
  const owner = owners[0]!;
  if (newId === id) return refuse(`The new id is the same as the old one (${id}).`);
  const docType = options.docTypes.find((t) => t.type === owner.type);
  const label = docType ? docType.type : 'this document';
  if (docType?.idPrefix && !newId.startsWith(docType.idPrefix))
    return refuse(`'${newId}' does not start with '${docType.idPrefix}', the id prefix of ${label} documents.`);
  if (!isIdWord(newId))
    return refuse(`'${newId}' is not one word of letters, digits, '.', '-', '_' or '+': mentions of it could not be found again.`);
  if (docType && !idIsWellFormed(docType, newId, options.extraSchemas))
    return refuse(`'${newId}' does not have the shape of a ${label} id${docType.idExample ? ` (e.g. ${docType.idExample})` : ''}.`);
  const taken = definingDocs(index, newId).length ? definingDocs(index, newId) : index.docs.filter((d) => d.id === newId);
  if (taken.length)
    return refuse(`${newId} already exists: ${taken.map((d) => index.display(d.path)).join(', ')}. Pick an id no document has.`);

  const byFile = new Map<string, LineEdit[]>();
  for (const o of referencesOf(index, id, { live: options.live })) {
    const edits = byFile.get(o.path) ?? [];
    edits.push({ line: o.line, character: o.character, length: id.length, newText: newId });
    byFile.set(o.path, edits);
  }
  let fileRename: RenamePlan['fileRename'];
  if (options.renameFiles) {
    const stem = fileStem(owner.path);
    if (stem === id || stem.startsWith(`${id}-`)) {
      const slash = owner.path.lastIndexOf('/');
      const name = owner.path.slice(slash + 1);
      const to = `${owner.path.slice(0, slash + 1)}${newId}${name.slice(id.length)}`;
      const clash = index.docs.find((d) => d.path === to);
      if (clash) return refuse(`Renaming ${index.display(owner.path)} to ${index.display(to)} would replace that document.`);
      fileRename = { from: owner.path, to };
    }
  }
  const files = [...byFile]
    .map(([path, edits]) => ({ path: path === fileRename?.from ? fileRename.to : path, edits }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: true, plan: { ...(fileRename ? { fileRename } : {}), files } };
}
