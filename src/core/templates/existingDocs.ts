// The documents already below a new document's root (its config's folder), with their ids: what the next
// free id and the type's usual folder are read from. `pmdocs new` and New Document both call this, listing
// through their own ScopeHost with the workspace scope's Markdown glob and never-looked-into folders.
// Git-ignored files and folders with a config of their own count too: an id seen on disk is never handed
// out a second time.

import { ALWAYS_IGNORED, MARKDOWN_GLOB, type ScopeHost } from '../workspace/scope.js';
import { frontMatterId } from './frontMatterId.js';
import type { ExistingDoc } from './plan.js';

/** Every Markdown file below `root`; the id read from those whose text mentions `prefix` (the type's idPrefixOf). */
export async function existingDocs(host: ScopeHost, root: string, prefix: string): Promise<ExistingDoc[]> {
  const out: ExistingDoc[] = [];
  for (const path of await host.glob([MARKDOWN_GLOB], { cwd: root, ignore: ALWAYS_IGNORED })) {
    const text = await host.readFile(path).catch(() => undefined); // unreadable: its file name still counts
    // Most files cannot hold such an id: only those that mention the prefix are parsed.
    out.push({ path, id: text?.includes(prefix) ? frontMatterId(text) : undefined });
  }
  return out;
}
