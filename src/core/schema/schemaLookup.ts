// Reading schemas as data (not validating): follow `$ref`s, list the keys a mapping may have, find the
// schema of one property. Used to word messages ("did you mean", the title of a missing key).

export type SchemaObject = Record<string, unknown>;

export interface SchemaLookup {
  /** The schema a `$ref` names, seen from a schema whose base id is `base`; with the base of the result. */
  resolve(ref: string, base: string): { schema: SchemaObject; base: string } | undefined;
  /** Keys a mapping described by `schema` knows, through `$ref`, allOf/anyOf/oneOf, if/then/else. */
  knownKeys(schema: SchemaObject, base: string): string[];
  /** The schema of property `key` of a mapping described by `schema` (first match, refs followed). */
  propertySchema(schema: SchemaObject, base: string, key: string): { schema: SchemaObject; base: string } | undefined;
  /** True when some `patternProperties` pattern of the mapping's schema is `^x-`-like (extension keys). */
  allowsExtensionKeys(schema: SchemaObject, base: string): boolean;
}

const isObject = (v: unknown): v is SchemaObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `aliases`: schemas known under an id they do not carry (a workspace schema without `$id`). */
export function createSchemaLookup(schemas: readonly unknown[], aliases: Record<string, unknown> = {}): SchemaLookup {
  const byId = new Map<string, SchemaObject>();
  for (const s of schemas) {
    if (isObject(s) && typeof s.$id === 'string') byId.set(stripHash(s.$id), s);
  }
  for (const [id, s] of Object.entries(aliases)) if (isObject(s) && !byId.has(stripHash(id))) byId.set(stripHash(id), s);

  function resolve(ref: string, base: string): { schema: SchemaObject; base: string } | undefined {
    const hash = ref.indexOf('#');
    const file = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const rootId = file ? absolute(file, base) : stripHash(base);
    const root = byId.get(rootId);
    if (!root) return undefined;
    let node: unknown = root;
    for (const seg of fragment ? fragment.replace(/^\//, '').split('/') : []) {
      const key = decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return isObject(node) ? { schema: node, base: rootId } : undefined;
  }

  /** Every schema that applies to the same instance: the schema, its refs and its in-place applicators. */
  function* applying(
    schema: SchemaObject,
    base: string,
    seen = new Set<SchemaObject>(),
  ): Generator<{ schema: SchemaObject; base: string }> {
    if (seen.has(schema) || seen.size > 200) return;
    seen.add(schema);
    const here = typeof schema.$id === 'string' ? absolute(stripHash(schema.$id), base) : base;
    yield { schema, base: here };
    if (typeof schema.$ref === 'string') {
      const r = resolve(schema.$ref, here);
      if (r) yield* applying(r.schema, r.base, seen);
    }
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = schema[k];
      if (Array.isArray(list)) for (const s of list) if (isObject(s)) yield* applying(s, here, seen);
    }
    for (const k of ['if', 'then', 'else'] as const) {
      const s = schema[k];
      if (isObject(s)) yield* applying(s, here, seen);
    }
    const dependent = schema.dependentSchemas;
    if (isObject(dependent)) for (const s of Object.values(dependent)) if (isObject(s)) yield* applying(s, here, seen);
  }

  return {
    resolve,
    knownKeys(schema, base) {
      const keys = new Set<string>();
      for (const { schema: s } of applying(schema, base)) {
        if (isObject(s.properties)) for (const k of Object.keys(s.properties)) keys.add(k);
      }
      return [...keys];
    },
    propertySchema(schema, base, key) {
      for (const { schema: s, base: b } of applying(schema, base)) {
        const p = isObject(s.properties) ? s.properties[key] : undefined;
        if (isObject(p)) return { schema: p, base: b };
      }
      return undefined;
    },
    allowsExtensionKeys(schema, base) {
      for (const { schema: s } of applying(schema, base)) {
        if (isObject(s.patternProperties) && Object.keys(s.patternProperties).some((p) => /^\^x-/.test(p))) return true;
      }
      return false;
    },
  };
}

function stripHash(id: string): string {
  return id.replace(/#.*$/, '');
}

/** A relative reference against a base id (URL rules when both are URL-like, else as written). */
function absolute(ref: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || !base) return stripHash(ref);
  try {
    return stripHash(new URL(ref, base).href);
  } catch {
    return stripHash(ref);
  }
}
