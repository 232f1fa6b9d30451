// Definition and references of an id, answered from the workspace index: each entry carries the ids its
// document names (IndexedDoc.mentions); an inverted map id → occurrences is built once per index
// snapshot, so "references of PRD-12" is a lookup once warm. Documents open in an editor may be newer
// than their entry: a host passes their current mentions as `live`, and those replace the entry's.

import type { IdMention, IndexedDoc, WorkspaceIndex } from '../workspace/index.js';

/** A mention somewhere in the workspace. */
export interface Occurrence extends IdMention {
  path: string;
}

/** Current mentions of documents whose text is newer than the index (open editors), by path. */
export type LiveMentions = ReadonlyMap<string, readonly IdMention[]>;

const byIndex = new WeakMap<WorkspaceIndex, Map<string, Occurrence[]>>();
/** A document's occurrences, kept while its entry lives: a new snapshot after one edit rebuilds its map from these. */
const byEntry = new WeakMap<IndexedDoc, Occurrence[]>();

function occurrencesOf(d: IndexedDoc): Occurrence[] {
  let list = byEntry.get(d);
  if (!list) byEntry.set(d, (list = (d.mentions ?? []).map((m) => ({ path: d.path, ...m }))));
  return list;
}

function occurrenceMap(index: WorkspaceIndex): Map<string, Occurrence[]> {
  let map = byIndex.get(index);
  if (!map) {
    map = new Map();
    for (const d of index.docs) {
      if (!d.mentions) continue;
      for (const o of occurrencesOf(d)) {
        const list = map.get(o.id);
        if (list) list.push(o);
        else map.set(o.id, [o]);
      }
    }
    byIndex.set(index, map);
  }
  return map;
}

/** The mention under a position (0-based line and character; the end of the id counts). */
export function mentionAt(mentions: readonly IdMention[], line: number, character: number): IdMention | undefined {
  return mentions.find((m) => m.line === line && character >= m.character && character <= m.character + m.id.length);
}

/** The documents that define an id: its well-formed owners, or else documents with a broken id named after it. */
export function definingDocs(index: WorkspaceIndex, id: string): readonly IndexedDoc[] {
  const docs = index.withId(id);
  return docs.length ? docs : index.namedAfter(id);
}

/** Where each document defining `id` says so: its `id:` value (the top of the file when it has none). */
export function definitionOf(index: WorkspaceIndex, id: string, live?: LiveMentions): Occurrence[] {
  return definingDocs(index, id).map((d) => {
    const own = (live?.get(d.path) ?? d.mentions)?.find((m) => m.kind === 'id');
    return own ? { path: d.path, ...own } : { path: d.path, id, kind: 'id', line: 0, character: 0 };
  });
}

/** Every occurrence of `id` in the workspace, sorted by path and position; the `id:` lines too unless `includeDeclaration` is false. */
export function referencesOf(
  index: WorkspaceIndex,
  id: string,
  options: { includeDeclaration?: boolean; live?: LiveMentions } = {},
): Occurrence[] {
  const live = options.live;
  const out: Occurrence[] = [];
  for (const o of occurrenceMap(index).get(id) ?? []) if (!live?.has(o.path)) out.push(o);
  if (live) for (const [path, mentions] of live) for (const m of mentions) if (m.id === id) out.push({ path, ...m });
  const kept = options.includeDeclaration === false ? out.filter((o) => o.kind !== 'id') : out;
  return kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.character - b.character));
}
