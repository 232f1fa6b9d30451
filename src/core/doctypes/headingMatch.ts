// `headingMatch: exact` (x-pmdocs): a heading is a type's section only when its text is written exactly as
// the section's name or a synonym (or a `closedSections` extra), as communities whose own linter compares
// headings literally require. The default, `normalized`, ignores case, numbering, emoji and punctuation.

import type { DocType } from './docType.js';

const cache = new WeakMap<DocType, ReadonlySet<string> | undefined>();

/** The headings a type accepts, exactly as written, when it matches headings exactly; otherwise undefined. */
export function exactHeadingNames(docType: DocType | undefined): ReadonlySet<string> | undefined {
  if (!docType || docType.headingMatch !== 'exact') return undefined;
  if (cache.has(docType)) return cache.get(docType);
  const names = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim() !== '') names.add(v.trim());
  };
  for (const spec of Array.isArray(docType.sections) ? docType.sections : []) {
    add(spec?.name);
    if (Array.isArray(spec?.synonyms)) spec.synonyms.forEach(add);
  }
  if (Array.isArray(docType.closedSections)) docType.closedSections.forEach(add);
  cache.set(docType, names);
  return names;
}
