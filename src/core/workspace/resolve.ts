// What a reference (`prd: PRD-12`) points at in the workspace index, shared by the cross-document rules.

import type { DocType } from '../doctypes/docType.js';
import type { IndexedDoc, WorkspaceIndex } from './index.js';
import type { RefSite } from './references.js';

export type Resolution =
  /** Documents of an expected type have this id. */
  | { kind: 'ok'; docs: readonly IndexedDoc[] }
  /** Documents have this id, none of an expected type. */
  | { kind: 'wrong-type'; docs: readonly IndexedDoc[] }
  /** No well-formed id matches, but a document with a broken id is named after it: that document reports its own id. */
  | { kind: 'broken-target'; docs: readonly IndexedDoc[] }
  | { kind: 'missing' };

export function resolveRef(index: WorkspaceIndex, site: Pick<RefSite, 'id' | 'ref'>): Resolution {
  const types = site.ref.types;
  const fits = (d: IndexedDoc) => !types.length || (d.type !== undefined && types.includes(d.type));
  const docs = index.withId(site.id);
  if (docs.length) {
    const ok = docs.filter(fits);
    return ok.length ? { kind: 'ok', docs: ok } : { kind: 'wrong-type', docs };
  }
  const named = index.namedAfter(site.id).filter((d) => d.type === undefined || fits(d));
  return named.length ? { kind: 'broken-target', docs: named } : { kind: 'missing' };
}

/**
 * A value where the schema also allows something other than an id (a bare version for a release) is a
 * reference only when it carries the prefix of an expected type. `types`: the doc types known (any order).
 */
export function looksLikeId(site: Pick<RefSite, 'id' | 'ref'>, types: readonly DocType[]): boolean {
  const expected = site.ref.types.map((t) => types.find((d) => d.type === t)).filter((t): t is DocType => !!t);
  const prefixes = expected.map((t) => t.idPrefix).filter((p): p is string => !!p);
  if (!site.ref.types.length || prefixes.length < site.ref.types.length) return true;
  return prefixes.some((p) => site.id.startsWith(p));
}
