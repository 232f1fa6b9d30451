// What a doc type's schema says about one place in the front matter: reading the schema as data
// (following `$ref`s between the bundled and workspace schemas), for completion, hover and the
// "add missing key" fix. Validation stays ajv's job; this only collects titles, values and shapes.

import { safeRegExp, type RegExpLike } from './safeRegex.js';
import type { DocType } from '../doctypes/docType.js';
import { sharedSchemas } from '../doctypes/builtins.js';
import { createSchemaLookup, type SchemaLookup, type SchemaObject } from './schemaLookup.js';

export interface SchemaView {
  lookup: SchemaLookup;
  root: SchemaObject;
  /** The root schema's id (`$id`, or the synthetic id of a workspace schema without one). */
  base: string;
}

/** A schema with the id its relative `$ref`s resolve against. */
export interface Located {
  schema: SchemaObject;
  base: string;
  /** Reached through anyOf/oneOf/then/else: it may not apply, so its `required` does not count. */
  conditional?: boolean;
}

export interface Facts {
  title?: string;
  description?: string;
  /** Every allowed value when the schema lists them (enum, or const), in schema order. */
  values?: unknown[];
  hasDefault: boolean;
  default?: unknown;
  /** JSON types the value may have (empty: anything). */
  types: string[];
  format?: string;
  patterns: string[];
  examples: unknown[];
  /** Keys a mapping here may have, in the schemas' order. */
  properties: string[];
  required: string[];
  deprecated: boolean;
  /**
   * From an `x-pmdocs: {references: …}` annotation: the value is the id of a document of these types
   * ('*': any type). The one place that says which front-matter values are references (completion, the
   * workspace index and the cross-document rules all read it).
   */
  references?: string[];
  /** `x-pmdocs: {requireDone: true}`: in a done document, the referenced documents must be done too. */
  requireDone?: boolean;
}

const isObject = (v: unknown): v is SchemaObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const views = new WeakMap<DocType, WeakMap<readonly unknown[], SchemaView>>();
const NO_EXTRAS: readonly unknown[] = Object.freeze([]);

/** The view of a doc type's schema; `extraSchemas` are the workspace schemas `$ref`s may reach (config.schemas). */
export function schemaViewFor(docType: DocType, extraSchemas: readonly unknown[] = NO_EXTRAS): SchemaView {
  let byExtras = views.get(docType);
  if (!byExtras) views.set(docType, (byExtras = new WeakMap()));
  let view = byExtras.get(extraSchemas);
  if (!view) {
    const lookup = createSchemaLookup([...extraSchemas, ...sharedSchemas, docType.schema], { [docType.schemaId]: docType.schema });
    view = { lookup, root: docType.schema, base: docType.schemaId };
    byExtras.set(extraSchemas, view);
  }
  return view;
}

/** Every schema that applies to one value: the schema, its `$ref`s and in-place applicators. */
export function expand(view: SchemaView, located: readonly Located[]): Located[] {
  const out: Located[] = [];
  const seen = new Set<SchemaObject>();
  const visit = (schema: SchemaObject, base: string, conditional: boolean) => {
    if (seen.has(schema) || seen.size > 200) return;
    seen.add(schema);
    const here = typeof schema.$id === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(schema.$id) ? schema.$id.replace(/#.*$/, '') : base;
    out.push({ schema, base: here, ...(conditional ? { conditional } : {}) });
    if (typeof schema.$ref === 'string') {
      const r = view.lookup.resolve(schema.$ref, here);
      if (r) visit(r.schema, r.base, conditional);
    }
    const all = schema.allOf;
    if (Array.isArray(all)) for (const s of all) if (isObject(s)) visit(s, here, conditional);
    for (const k of ['anyOf', 'oneOf'] as const) {
      const list = schema[k];
      if (Array.isArray(list)) for (const s of list) if (isObject(s)) visit(s, here, true);
    }
    for (const k of ['then', 'else'] as const) {
      const s = schema[k];
      if (isObject(s)) visit(s, here, true);
    }
  };
  for (const l of located) visit(l.schema, l.base, !!l.conditional);
  return out;
}

/** The schemas of the value at `path` (keys, and numbers for list items); empty when the schema says nothing. */
export function schemasAt(view: SchemaView, path: readonly (string | number)[]): Located[] {
  let current = expand(view, [{ schema: view.root, base: view.base }]);
  for (const seg of path) {
    const next: Located[] = [];
    for (const { schema, base } of current) {
      if (typeof seg === 'number') {
        const prefix = schema.prefixItems;
        if (Array.isArray(prefix) && isObject(prefix[seg])) next.push({ schema: prefix[seg] as SchemaObject, base });
        else if (isObject(schema.items)) next.push({ schema: schema.items, base });
        continue;
      }
      const props = schema.properties;
      if (isObject(props) && isObject(props[seg])) next.push({ schema: props[seg] as SchemaObject, base });
      const patterns = schema.patternProperties;
      if (isObject(patterns)) {
        for (const [pattern, s] of Object.entries(patterns)) if (isObject(s) && safeTest(pattern, seg)) next.push({ schema: s, base });
      }
    }
    current = expand(view, dedupe(next));
    if (!current.length) break;
  }
  return current;
}

export function factsOf(located: readonly Located[]): Facts {
  const facts: Facts = { hasDefault: false, types: [], patterns: [], examples: [], properties: [], required: [], deprecated: false };
  let values: unknown[] | undefined;
  const alternatives: unknown[] = [];
  for (const { schema, conditional } of located) {
    if (facts.title === undefined && typeof schema.title === 'string') facts.title = schema.title;
    if (facts.description === undefined && typeof schema.description === 'string') facts.description = schema.description;
    if (!facts.hasDefault && 'default' in schema) {
      facts.hasDefault = true;
      facts.default = schema.default;
    }
    const allowed = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
    // Several lists apply at once (a $ref and its referrer): only values every list allows remain.
    // Lists of alternatives (anyOf, then/else) add up instead.
    if (allowed && !conditional) values = values ? values.filter((v) => allowed.some((a) => same(a, v))) : [...allowed];
    else if (allowed) for (const v of allowed) if (!alternatives.some((a) => same(a, v))) alternatives.push(v);
    const t = schema.type;
    for (const type of typeof t === 'string' ? [t] : Array.isArray(t) ? t : [])
      if (typeof type === 'string' && !facts.types.includes(type)) facts.types.push(type);
    if (facts.format === undefined && typeof schema.format === 'string') facts.format = schema.format;
    if (typeof schema.pattern === 'string' && !facts.patterns.includes(schema.pattern)) facts.patterns.push(schema.pattern);
    if (Array.isArray(schema.examples))
      for (const e of schema.examples) if (!facts.examples.some((x) => same(x, e))) facts.examples.push(e);
    if (isObject(schema.properties))
      for (const k of Object.keys(schema.properties)) if (!facts.properties.includes(k)) facts.properties.push(k);
    if (Array.isArray(schema.required) && !conditional)
      for (const k of schema.required) if (typeof k === 'string' && !facts.required.includes(k)) facts.required.push(k);
    if (schema.deprecated === true) facts.deprecated = true;
    const annotation = schema['x-pmdocs'];
    if (isObject(annotation)) {
      const refs = annotation['references'];
      for (const r of typeof refs === 'string' ? [refs] : Array.isArray(refs) ? refs : []) {
        if (typeof r === 'string' && r && !(facts.references ??= []).includes(r)) facts.references.push(r);
      }
      if (annotation['requireDone'] === true) facts.requireDone = true;
    }
  }
  if (values) facts.values = values;
  else if (alternatives.length) facts.values = alternatives;
  if (!facts.types.length && values?.length) {
    for (const v of values) {
      const type = jsonType(v);
      if (!facts.types.includes(type)) facts.types.push(type);
    }
  }
  return facts;
}

export function factsAt(view: SchemaView, path: readonly (string | number)[]): Facts | undefined {
  const located = schemasAt(view, path);
  return located.length ? factsOf(located) : undefined;
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function dedupe(list: Located[]): Located[] {
  const seen = new Set<SchemaObject>();
  return list.filter((l) => (seen.has(l.schema) ? false : (seen.add(l.schema), true)));
}

const regexCache = new Map<string, RegExpLike | null>();
/** Does `value` match a schema pattern? On the linear-time engine (safeRegex.ts): patterns may be a workspace's. */
export function safeTest(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = safeRegExp(pattern, 'u');
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re ? re.test(value) : false;
}
