// Which front-matter values of a document are references to other documents, read from its type's
// schema: a value whose schema carries `"x-pmdocs": {"references": "prd"}` (or a list of types, or "*")
// holds the id of such a document, optionally followed by `#anchor`. The same annotation drives
// completion of ids (assist/completion.ts) and the cross-document rules.

import type { DocType } from '../doctypes/docType.js';
import { factsOf, schemasAt, schemaViewFor, type SchemaView } from '../schema/facts.js';

export interface RefSpec {
  /** Doc type names the id must belong to; empty means any type ("*"). */
  types: readonly string[];
  /** `requireDone`: in a done document, the referenced documents must be done too. */
  requireDone: boolean;
}

export interface RefSite {
  /** Where the value is in the front matter (keys, and indices for list items). */
  path: (string | number)[];
  /** The value as written (`PRD-12#requirements`). */
  value: string;
  /** The id part of it (`PRD-12`). */
  id: string;
  ref: RefSpec;
}

interface RefNode {
  ref?: RefSpec;
  props?: Map<string, RefNode>;
  items?: RefNode;
}

/** Deep enough for `links.depends_on[0]`; schemas may be recursive, so the walk stops somewhere. */
const MAX_DEPTH = 4;

const trees = new WeakMap<DocType, WeakMap<readonly unknown[], RefNode | null>>();
const NO_EXTRAS: readonly unknown[] = Object.freeze([]);

/** The reference values in a document's front matter data, in document order of the schema's keys. */
export function referenceSites(
  docType: DocType,
  data: Record<string, unknown> | undefined,
  extraSchemas: readonly unknown[] = NO_EXTRAS,
): RefSite[] {
  const tree = referenceTree(docType, extraSchemas);
  const out: RefSite[] = [];
  if (tree && data) collect(tree, data, [], out);
  return out;
}

function referenceTree(docType: DocType, extraSchemas: readonly unknown[]): RefNode | null {
  let byExtras = trees.get(docType);
  if (!byExtras) trees.set(docType, (byExtras = new WeakMap()));
  let tree = byExtras.get(extraSchemas);
  if (tree === undefined) {
    try {
      tree = build(schemaViewFor(docType, extraSchemas), [], 0) ?? null;
    } catch {
      tree = null; // a schema that cannot be read declares no references
    }
    byExtras.set(extraSchemas, tree);
  }
  return tree;
}

function build(view: SchemaView, path: (string | number)[], depth: number): RefNode | undefined {
  const located = schemasAt(view, path);
  if (!located.length) return undefined;
  const facts = factsOf(located);
  const node: RefNode = {};
  if (facts.references?.length) {
    node.ref = { types: facts.references.includes('*') ? [] : facts.references, requireDone: facts.requireDone === true };
  }
  if (depth < MAX_DEPTH) {
    for (const key of facts.properties) {
      const child = build(view, [...path, key], depth + 1);
      if (child) (node.props ??= new Map()).set(key, child);
    }
    if (!facts.types.length || facts.types.includes('array')) {
      const items = build(view, [...path, 0], depth + 1);
      if (items) node.items = items;
    }
  }
  return node.ref || node.props || node.items ? node : undefined;
}

function collect(node: RefNode, value: unknown, path: (string | number)[], out: RefSite[]): void {
  if (node.ref && typeof value === 'string') {
    const hash = value.indexOf('#');
    const id = (hash < 0 ? value : value.slice(0, hash)).trim();
    if (id) out.push({ path, value, id, ref: node.ref });
  }
  if (node.props && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of node.props) {
      if (Object.prototype.hasOwnProperty.call(value, key)) collect(child, (value as Record<string, unknown>)[key], [...path, key], out);
    }
  }
  if (node.items && Array.isArray(value)) value.forEach((v, i) => collect(node.items!, v, [...path, i], out));
}
