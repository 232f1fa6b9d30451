// What the header card's reference chips point at. A front-matter value is a reference when its schema
// says so (`x-pmdocs: {references: …}`, read by workspace/references.ts); with a workspace index it is
// resolved the way the ref-unresolved rule resolves it, so a chip is broken exactly when that rule has
// something to say. The host uses `referenceTarget` to open what a chip names: it looks the id up among
// this document's own references and through the index again, never trusting the page with a path.

import type { LintResult } from '../engine.js';
import type { DocType } from '../doctypes/docType.js';
import type { IndexedDoc, WorkspaceIndex } from '../workspace/index.js';
import { referenceSites, type RefSite } from '../workspace/references.js';
import { looksLikeId, resolveRef } from '../workspace/resolve.js';
import { factsAt, schemaViewFor } from '../schema/facts.js';

/** What the card needs to resolve references: the document's workspace index and configuration. */
export interface ReferenceContext {
  index: WorkspaceIndex;
  /** The doc types known under the document's config (for the id prefixes of the expected types). */
  docTypes: readonly DocType[];
  /** The config's workspace schemas (`config.schemas`), which a doc type's schema may `$ref`. */
  schemas?: readonly unknown[];
}

export type ChipTarget =
  /** The document the reference names: the chip opens it. */
  | { kind: 'found'; doc: IndexedDoc }
  /** Nothing of the expected type has the id. `other`: a document of another type that has it. */
  | { kind: 'broken'; other?: IndexedDoc };

export interface ReferenceChip {
  site: RefSite;
  /** Undefined without an index, or for a value that is no id at all (a bare version where an id is also allowed). */
  target?: ChipTarget;
}

const NO_EXTRAS: readonly unknown[] = Object.freeze([]);

/** The document's reference values by their front-matter path (`pathKey`), resolved when `ctx` is given. */
export function referenceChips(result: LintResult, ctx: ReferenceContext | undefined): Map<string, ReferenceChip> {
  const out = new Map<string, ReferenceChip>();
  const docType = result.docType;
  const data = result.doc.frontMatter?.data;
  if (!docType || !data) return out;
  let sites: RefSite[];
  try {
    sites = referenceSites(docType, data, ctx?.schemas ?? NO_EXTRAS);
  } catch {
    return out; // a schema that cannot be read declares no references
  }
  for (const site of sites) {
    const target = ctx ? targetOf(site, ctx) : undefined;
    out.set(pathKey(site.path), target ? { site, target } : { site });
  }
  return out;
}

function targetOf(site: RefSite, ctx: ReferenceContext): ChipTarget | undefined {
  const resolution = resolveRef(ctx.index, site);
  switch (resolution.kind) {
    case 'ok':
    case 'broken-target': // a document named after the id: it reports its own broken id, and it is the one meant
      return { kind: 'found', doc: resolution.docs[0]! };
    case 'wrong-type':
      return { kind: 'broken', other: resolution.docs[0]! };
    case 'missing':
      // `target_release: "2.4.0"` (a version where an id is also allowed) is no reference; `epic: PRD-9`
      // is one, even though it has the wrong prefix for the field.
      return looksLikeId(site, ctx.docTypes) || ctx.docTypes.some((t) => !!t.idPrefix && site.id.startsWith(t.idPrefix))
        ? { kind: 'broken' }
        : undefined;
  }
}

/**
 * The document that the reference `id` of this document names, or undefined when the document makes no
 * such reference or it resolves to nothing. (What the host opens when the page asks.)
 */
export function referenceTarget(result: LintResult, ctx: ReferenceContext, id: string): IndexedDoc | undefined {
  for (const chip of referenceChips(result, ctx).values()) {
    if (chip.site.id === id && chip.target?.kind === 'found') return chip.target.doc;
  }
  return undefined;
}

/**
 * What the card's chips show, as one string: equal strings mean the card's references look the same
 * (the panel re-renders on an index change only when this changes).
 */
export function chipsSignature(result: LintResult, ctx: ReferenceContext | undefined): string {
  const parts: unknown[] = [];
  for (const [key, { target }] of referenceChips(result, ctx)) {
    const doc = target?.kind === 'found' ? target.doc : target?.other;
    parts.push([
      key,
      target?.kind ?? null,
      doc ? [doc.path, doc.type ?? null, doc.id ?? null, doc.title ?? null, doc.status ?? null] : null,
    ]);
  }
  return JSON.stringify(parts);
}

/** The label of a reference field the card does not know by name: its schema's title, else its key. */
export function referenceLabel(docType: DocType, path: readonly (string | number)[], schemas: readonly unknown[] | undefined): string {
  const field = path.filter((p): p is string => typeof p === 'string');
  let title: string | undefined;
  try {
    title = factsAt(schemaViewFor(docType, schemas ?? NO_EXTRAS), trimIndices(path))?.title;
  } catch {
    title = undefined;
  }
  return title?.trim() || field[field.length - 1] || 'Reference';
}

const trimIndices = (path: readonly (string | number)[]): (string | number)[] => {
  const out = [...path];
  while (out.length && typeof out[out.length - 1] === 'number') out.pop();
  return out;
};

export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);
