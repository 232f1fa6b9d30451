// Checks a parsed .pmdocs.json against schemas/pmdocs-config.schema.json, the x-pmdocs block of a workspace
// schema against schemas/x-pmdocs.schema.json, and a workspace schema against the JSON Schema meta-schema.
// Loaded lazily by load.ts (ajv is the heavy part of config loading); the first two validators come
// precompiled (scripts/precompile-schemas.ts) when they match the schemas, else one ajv instance compiles.

import type Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import precompiled from '../schema/generated/configValidators.cjs';
import { CONFIG_SCHEMAS, configFingerprint, createConfigAjv } from './configAjv.js';
import type { JsonPath } from './jsonc.js';
import { didYouMean } from '../schema/didYouMean.js';

export interface Issue {
  /** Where the problem is: a value, or a key when `part` is 'key'. */
  path: JsonPath;
  part: 'key' | 'value';
  message: string;
}

let ajv: InstanceType<typeof Ajv2020> | undefined;
let configValidator: ValidateFunction | undefined;
let xPmdocsValidator: ValidateFunction | undefined;

function instance(): InstanceType<typeof Ajv2020> {
  return (ajv ??= createConfigAjv());
}

function validator(name: keyof typeof CONFIG_SCHEMAS): ValidateFunction {
  return precompiled.fingerprint === configFingerprint() ? precompiled.validators[name] : instance().compile(CONFIG_SCHEMAS[name]);
}

/** Whether the config validators come from the precompiled module (for tests). */
export function usesPrecompiledConfigValidators(): boolean {
  return precompiled.fingerprint === configFingerprint();
}

export function checkConfig(value: unknown): Issue[] {
  configValidator ??= validator('config');
  return configValidator(value) ? [] : issuesFrom(configValidator.errors ?? [], value);
}

export function checkXPmdocs(value: unknown): Issue[] {
  xPmdocsValidator ??= validator('xPmdocs');
  return xPmdocsValidator(value) ? [] : issuesFrom(xPmdocsValidator.errors ?? [], value);
}

const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

/** Why `schema` is not a usable draft 2020-12 JSON Schema (and where), or undefined when it is. */
export function checkJsonSchema(schema: unknown): Issue | undefined {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema))
    return { path: [], part: 'value', message: 'it must hold a JSON Schema object' };
  const declared = (schema as Record<string, unknown>)['$schema'];
  if (declared !== undefined && (typeof declared !== 'string' || !DRAFT_2020.test(declared))) {
    return {
      path: ['$schema'],
      part: 'value',
      message: `it declares "$schema": ${JSON.stringify(declared)}; pmdocs reads JSON Schema draft 2020-12 ("https://json-schema.org/draft/2020-12/schema")`,
    };
  }
  const a = instance();
  if (a.validateSchema(schema)) return undefined;
  const e = a.errors?.[0];
  if (!e) return { path: [], part: 'value', message: 'it is not a valid JSON Schema' };
  const path = segments(e.instancePath);
  valueAt(schema, path);
  return { path, part: 'value', message: `it is not a valid JSON Schema: ${pointerText(e.instancePath)} ${e.message ?? 'is invalid'}` };
}

function issuesFrom(errors: ErrorObject[], root: unknown): Issue[] {
  const named = new Set(errors.filter((e) => e.propertyName !== undefined).map((e) => `${e.instancePath}\0${e.propertyName}`));
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // `if`/`then`/`else` picks a shape (a rule setting: severity, list or object); the nested error says
    // what is wrong with it, the "must match then schema" wrapper adds nothing.
    if (e.keyword === 'if') continue;
    // `propertyNames` repeats what its nested error (which carries `propertyName`) already says.
    if (e.keyword === 'propertyNames' && named.has(`${e.instancePath}\0${String(e.params['propertyName'])}`)) continue;
    const issue = describe(e, root);
    const key = `${issue.path.join('\0')}\0${issue.part}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function describe(e: ErrorObject, root: unknown): Issue {
  const path = segments(e.instancePath);
  const value = valueAt(root, path);
  const where = pathText(path);
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const p = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) {
    const name = e.propertyName;
    return {
      path: [...path, name],
      part: 'key',
      message: `The name '${name}' in ${where} is not allowed: ${patternHint(String(p['pattern'] ?? ''), e)}.`,
    };
  }
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p['additionalProperty'] ?? p['unevaluatedProperty']);
      const allowed = Object.keys((schema['properties'] as Record<string, unknown>) ?? {});
      return {
        path: [...path, key],
        part: 'key',
        message: `Unknown key '${key}'${path.length ? ` in ${where}` : ''}.${didYouMean(key, allowed)}${allowed.length ? ` Allowed keys: ${allowed.join(', ')}.` : ''}`,
      };
    }
    case 'enum': {
      const allowed = (p['allowedValues'] as unknown[]).map(String);
      return {
        path,
        part: 'value',
        message: `${where} is ${show(value)}, which is not allowed.${typeof value === 'string' ? didYouMean(value, allowed) : ''} Use one of: ${allowed.join(', ')}.`,
      };
    }
    case 'type':
      return { path, part: 'value', message: `${where} must be ${article(String(p['type']))}, but it is ${kindOf(value)}.` };
    case 'required': {
      const missing = String(p['missingProperty']);
      return {
        path,
        part: 'key',
        message: path.length ? `${where} is missing the required key '${missing}'.` : `Missing the required key '${missing}'.`,
      };
    }
    case 'pattern':
      return { path, part: 'value', message: `${where} ${show(value)} is not valid: ${patternHint(String(p['pattern']), e)}.` };
    case 'minLength':
      return { path, part: 'value', message: `${where} must not be empty.` };
    case 'minItems':
    case 'minProperties':
      return {
        path,
        part: 'value',
        message: `${where} must have at least ${String(p['limit'])} ${e.keyword === 'minItems' ? 'item(s)' : 'entry(ies)'}.`,
      };
    case 'uniqueItems': {
      const list = Array.isArray(value) ? value : [];
      return { path, part: 'value', message: `${where} lists ${show(list[Number(p['j'])])} twice.` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return { path, part: 'value', message: `${where} ${show(value)} ${e.message ?? 'is out of range'}.` };
    default:
      return { path, part: 'value', message: `${where} ${e.message ?? 'is invalid'}.` };
  }
}

function patternHint(pattern: string, e: ErrorObject): string {
  if (pattern === '^[a-z][a-z0-9-]*$') return 'use lower-case letters, digits and hyphens, starting with a letter';
  if (pattern === '^[A-Z][A-Z0-9]*-$') return 'use upper-case letters and digits ending in "-", like "ADR-"';
  const title = (e.parentSchema as Record<string, unknown> | undefined)?.['title'];
  return `it must match ${pattern}${typeof title === 'string' ? ` (${title})` : ''}`;
}

/** JSON Pointer → segments (with `~1` and `~0` undone; numeric segments stay strings unless the data is an array). */
function segments(pointer: string): JsonPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let v: unknown = root;
  for (let i = 0; i < path.length; i++) {
    if (Array.isArray(v)) {
      path[i] = Number(path[i]); // so locating the node in the JSON tree indexes the array
      v = v[path[i] as number];
    } else if (v && typeof v === 'object') v = (v as Record<string, unknown>)[path[i] as string];
    else return undefined;
  }
  return v;
}

/** `rules.section-order`, `docTypes.adr.sections[0]`, `associations["docs/**"]`. */
export function pathText(path: JsonPath): string {
  if (!path.length) return 'the config';
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `${i ? '.' : ''}${s}` : `[${JSON.stringify(s)}]`))
    .join('');
}

function pointerText(pointer: string): string {
  return pointer ? pathText(segments(pointer)) : 'the schema';
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${show(value)}`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'an object',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}
