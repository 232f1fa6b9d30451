// The ajv instances: one, shared by the whole process, for the built-in schemas (strict, they never
// change); one per configuration for workspace schemas (not strict: they are the user's data, and a
// broken one must become a finding, not a crash). Validators compile lazily, once per schema object.

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import xPmdocsMetaSchema from '../../../schemas/x-pmdocs.schema.json';
import { builtInDocTypes, sharedSchemas } from '../doctypes/builtins.js';
import type { DocType } from '../doctypes/docType.js';
import { BASE_AJV_OPTIONS, builtInFingerprint, createBuiltInAjv, nullPrototypeProps } from './builtInAjv.js';
import precompiled from './generated/builtInValidators.cjs';
import { ajvRegExp } from './safeRegex.js';
import { addPmdocsKeywords } from './pmdocsKeywords.js';

export type Compiled = { validate: ValidateFunction; error?: undefined } | { validate?: undefined; error: string };

export interface SchemaSet {
  /** The compiled validator for a doc type's schema, or why it could not be compiled (cached). */
  compiled(docType: DocType): Compiled;
  /** Every schema `$ref`s can reach in this set (for reading titles and known keys). */
  readonly schemas: readonly Record<string, unknown>[];
}

let builtIn: SchemaSet | undefined;

/**
 * The built-in schemas, set up on first use. Validators come from the precompiled module when it was
 * generated from these very schemas (no ajv compiler work at start-up, which costs a few hundred ms per
 * worker); otherwise, e.g. right after a schema edit, they are compiled here with the same options.
 */
export function builtInSchemaSet(): SchemaSet {
  if (builtIn) return builtIn;
  const fresh = precompiled.fingerprint === builtInFingerprint();
  let ajv: Ajv2020 | undefined;
  const runtime: Compiler = (docType) => {
    ajv ??= createBuiltInAjv();
    return ajv.compile(docType.schema);
  };
  const compiler: Compiler = (docType) => {
    const name = fresh ? precompiled.ids[docType.schemaId] : undefined;
    const validate = name ? (precompiled.validators[name] as ValidateFunction | undefined) : undefined;
    return validate ?? runtime(docType);
  };
  builtIn = schemaSet(compiler, [...sharedSchemas, ...builtInDocTypes.map((t) => t.schema)]);
  return builtIn;
}

/** Whether the built-in validators come from the precompiled module (for tests and diagnostics). */
export function usesPrecompiledValidators(): boolean {
  return precompiled.fingerprint === builtInFingerprint();
}

/**
 * Workspace schemas: `extraSchemas` are the files workspace types `$ref` (by `$id`). The built-in
 * schemas are there too (a workspace type may build on them) unless an extra schema takes their `$id`.
 */
export function workspaceSchemaSet(extraSchemas: readonly Record<string, unknown>[]): SchemaSet {
  // ajv's own messages on: they word the "your schema is invalid" errors a broken workspace schema gets.
  const ajv = new Ajv2020({ ...BASE_AJV_OPTIONS, messages: true, strict: false, code: { process: nullPrototypeProps, regExp: ajvRegExp } });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-pmdocs', metaSchema: xPmdocsMetaSchema });
  addPmdocsKeywords(ajv);
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
  const compiler: Compiler = (docType) => {
    const id = typeof docType.schema.$id === 'string' ? stripHash(docType.schema.$id) : undefined;
    // Already registered as an extra schema: compiling it again would clash. A different schema under
    // the same $id (a workspace type replacing a built-in one) takes the id over.
    if (id && added.has(id) && added.get(id) !== docType.schema) {
      ajv.removeSchema(id);
      added.delete(id);
    }
    const validate = id && added.has(id) ? ajv.getSchema(id) : ajv.compile(docType.schema);
    if (!validate) throw new Error(`schema '${id}' is not available`);
    return validate;
  };
  return schemaSet(compiler, [...extraSchemas, ...sharedSchemas, ...builtInDocTypes.map((t) => t.schema)], loadErrors);
}

type Compiler = (docType: DocType) => ValidateFunction;

function schemaSet(compiler: Compiler, schemas: Record<string, unknown>[], loadErrors: string[] = []): SchemaSet {
  const cache = new WeakMap<object, Compiled>();
  return {
    schemas,
    compiled(docType) {
      let c = cache.get(docType.schema);
      if (!c) {
        c = compile(compiler, docType, loadErrors);
        cache.set(docType.schema, c);
      }
      return c;
    },
  };
}

function compile(compiler: Compiler, docType: DocType, loadErrors: string[]): Compiled {
  try {
    return { validate: compiler(docType) };
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
