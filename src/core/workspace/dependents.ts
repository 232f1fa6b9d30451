// `--changed-since`: which documents depend on a changed one through the index. A document depends on
// the ids its front matter references (the values its schema marks with x-pmdocs.references, the same
// ones ref-unresolved checks) and on its own id (another document may now carry it: duplicate-id).

import type { ResolvedConfig } from '../config/types.js';
import { parseDoc } from '../document/parse.js';
import { detectDocType } from '../doctypes/registry.js';
import { registryFor } from './entry.js';
import { referenceSites } from './references.js';

/** The ids a document's front matter references, from its text (front matter only; the body is not parsed). */
export function referencedIds(text: string, path: string, config: ResolvedConfig): string[] {
  const doc = parseDoc(text, path);
  if (!doc.frontMatter) return [];
  const docType = detectDocType(registryFor(config), doc.frontMatter, path, config)?.docType;
  if (!docType) return [];
  return [...new Set(referenceSites(docType, doc.frontMatter.data, config.schemas).map((s) => s.id))];
}
