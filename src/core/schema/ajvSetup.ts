// The ajv instances: one, shared by the whole process, for the built-in schemas (strict, they never
// change); one per configuration for workspace schemas (not strict: they are the user's data, and a
// broken one must become a finding, not a crash). Validators compile lazily, once per schema object.

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import xPmdocsMetaSchema from '../../../schemas/x-pmdocs.schema.json';
import { builtInDocTypes, sharedSchemas } from '../doctypes/builtins.js';
import type { DocType } from '../doctypes/docType.js';

export type Compiled = { validate: ValidateFunction; error?: undefined } | { validate?: undefined; error: string };

export interface SchemaSet {
  /** The compiled validator for a doc type's schema, or why it could not be compiled (cached). */
  compiled(docType: DocType): Compiled;
  /** Every schema `$ref`s can reach in this set (for reading titles and known keys). */
  readonly schemas: readonly Record<string, unknown>[];
}

const BASE_OPTIONS = {
  allErrors: true,
  // Messages are ours (messages.ts); `verbose` gives each error its schema and data to word them.
  messages: false,
  verbose: true,
  logger: false as const,
};

let builtIn: SchemaSet | undefined;

/** The built-in schemas: strict (a mistake in them fails the tests), set up on first use only. */
export function builtInSchemaSet(): SchemaSet {
  if (builtIn) return builtIn;
  // validateSchema off and x-pmdocs registered without its meta-schema: both would compile the big
  // 2020-12 meta-schemas in every worker on start-up, for schemas test/unit/schemas.test.ts already checks.
  const ajv = new Ajv2020({ ...BASE_OPTIONS, strict: true, validateSchema: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-pmdocs' });
  for (const s of sharedSchemas) ajv.addSchema(s);
  builtIn = schemaSet(ajv, new Map(), [...sharedSchemas, ...builtInDocTypes.map((t) => t.schema)]);
  return builtIn;
}

/**
 * Workspace schemas: `extraSchemas` are the files workspace types `$ref` (by `$id`). The built-in
 * schemas are there too (a workspace type may build on them) unless an extra schema takes their `$id`.
 */
export function workspaceSchemaSet(extraSchemas: readonly Record<string, unknown>[]): SchemaSet {
  // ajv's own messages on: they word the "your schema is invalid" errors a broken workspace schema gets.
  const ajv = new Ajv2020({ ...BASE_OPTIONS, messages: true, strict: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-pmdocs', metaSchema: xPmdocsMetaSchema });
  const added = new Map<string, object>();
  const loadErrors: string[] = [];
  const add = (s: Record<string, unknown>, report: boolean) => {
    const id = typeof s.$id === 'string' ? stripHash(s.$id) : undefined;
    if (id && added.has(id)) return;
    try {
      ajv.addSchema(s);
      if (id) added.set(id, s);
    } catch (e) {
      if (report) loadErrors.push(`schema${id ? ` '${id}'` : ''} could not be loaded: ${errorText(e)}`);
    }
  };
  for (const s of extraSchemas) add(s, true);
  for (const s of [...sharedSchemas, ...builtInDocTypes.map((t) => t.schema)]) add(s, false);
  return schemaSet(ajv, added, [...extraSchemas, ...sharedSchemas, ...builtInDocTypes.map((t) => t.schema)], loadErrors);
}

function schemaSet(ajv: Ajv2020, added: Map<string, object>, schemas: Record<string, unknown>[], loadErrors: string[] = []): SchemaSet {
  const cache = new WeakMap<object, Compiled>();
  return {
    schemas,
    compiled(docType) {
      let c = cache.get(docType.schema);
      if (!c) {
        c = compile(ajv, added, docType, loadErrors);
        cache.set(docType.schema, c);
      }
      return c;
    },
  };
}

function compile(ajv: Ajv2020, added: Map<string, object>, docType: DocType, loadErrors: string[]): Compiled {
  try {
    const id = typeof docType.schema.$id === 'string' ? stripHash(docType.schema.$id) : undefined;
    // Already registered as an extra schema: compiling it again would clash. A different schema under
    // the same $id (a workspace type replacing a built-in one) takes the id over.
    if (id && added.has(id) && added.get(id) !== docType.schema) {
      ajv.removeSchema(id);
      added.delete(id);
    }
    const validate = id && added.has(id) ? ajv.getSchema(id) : ajv.compile(docType.schema);
    if (!validate) return { error: `schema '${id}' is not available` };
    return { validate };
  } catch (e) {
    const text = errorText(e);
    // An extra schema that failed to load matters when this schema refers to it.
    const relevant = /resolve reference/.test(text) ? loadErrors : [];
    const also = relevant.length ? ` (${relevant.join('; ')})` : '';
    return { error: `${text}${also}${draftHint(docType.schema, text)}` };
  }
}

/** Schemas written for an older draft are common; say what to change instead of "no schema with key". */
function draftHint(schema: Record<string, unknown>, error: string): string {
  const meta = schema.$schema;
  if (typeof meta !== 'string' || !/no schema with key or ref/.test(error) || !error.includes(meta)) return '';
  return `. pmdocs reads JSON Schema draft 2020-12: set "$schema" to "https://json-schema.org/draft/2020-12/schema" (and use "$defs" and "prefixItems" where the old draft had "definitions" and array "items")`;
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}

function stripHash(id: string): string {
  return id.replace(/#.*$/, '');
}
