// Document links (Ctrl+click) on the ids a document names: each reference and body mention of an id
// some other document defines links to that document's `id:` line.

import type { IdMention, WorkspaceIndex } from '../workspace/index.js';
import { definitionOf, type LiveMentions } from './occurrences.js';

export interface IdLink extends IdMention {
  /** The document the id belongs to, and where its `id:` value is (0-based). */
  target: { path: string; line: number; character: number };
}

/** Links for the mentions of the document at `path` (its own `id:` and ids nobody defines get none). */
export function documentLinks(
  index: WorkspaceIndex,
  path: string | undefined,
  mentions: readonly IdMention[],
  live?: LiveMentions,
): IdLink[] {
  const out: IdLink[] = [];
  const found = new Map<string, IdLink['target'] | null>();
  for (const m of mentions) {
    if (m.kind === 'id') continue;
    let target = found.get(m.id);
    if (target === undefined) {
      const def = definitionOf(index, m.id, live).find((d) => d.path !== path);
      target = def ? { path: def.path, line: def.line, character: def.character } : null;
      found.set(m.id, target);
    }
    if (target) out.push({ ...m, target });
  }
  return out;
}
