// Workspace symbols (Ctrl+T): every document with an id, named by id and title, filtered by a query.

import { compareIds, type WorkspaceIndex } from '../workspace/index.js';

export interface DocSymbol {
  id: string;
  title?: string;
  type?: string;
  path: string;
  /** Where its `id:` value is (0-based; the top of the file when unknown). */
  line: number;
  character: number;
}

/**
 * The documents whose "id title" contains the query's characters in order, ignoring case (what editors
 * do with symbol queries: "prd12", "PRD-12" and "exp csv" all find "PRD-12 Invoice CSV export"),
 * sorted by id.
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string): DocSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const out: DocSymbol[] = [];
  for (const d of index.docs) {
    if (!d.id) continue;
    if (wanted && !inOrder(`${d.id} ${d.title ?? ''}`.toLowerCase(), wanted)) continue;
    const own = d.mentions?.find((m) => m.kind === 'id');
    out.push({
      id: d.id,
      ...(d.title !== undefined ? { title: d.title } : {}),
      ...(d.type !== undefined ? { type: d.type } : {}),
      path: d.path,
      line: own?.line ?? 0,
      character: own?.character ?? 0,
    });
  }
  return out.sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function inOrder(text: string, wanted: string): boolean {
  let at = 0;
  for (const c of wanted) {
    at = text.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
