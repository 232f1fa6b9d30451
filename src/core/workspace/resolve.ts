// What a reference (`prd: PRD-12`) points at in the workspace index, shared by the cross-document rules.

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
