// Which doc type a document is: `$schema` key → `type` key → path globs from config → a type's file
// names (CHANGELOG.md) → none.

import picomatch from 'picomatch';
import { isMap } from 'yaml';
import { dirname, relativeTo, resolvePath } from '../config/paths.js';
import type { ResolvedConfig } from '../config/types.js';
import type { FrontMatter } from '../document/parse.js';
import type { DocType } from './docType.js';
import { builtInDocTypes } from './builtins.js';

export interface DocTypeRegistry {
  all(): readonly DocType[];
  get(name: string): DocType | undefined;
  bySchema(ref: string): DocType | undefined;
}

export function createRegistry(workspaceTypes: readonly DocType[] = []): DocTypeRegistry {
  const byName = new Map<string, DocType>();
  for (const t of builtInDocTypes) byName.set(t.type, t);
  for (const t of workspaceTypes) byName.set(t.type, t); // a workspace type may replace a built-in one
  const bySchemaRef = new Map<string, DocType>();
  for (const t of byName.values()) {
    bySchemaRef.set(t.schemaId, t);
    if (t.source) bySchemaRef.set(t.source, t);
  }
  const types = Object.freeze([...byName.values()]);
  return {
    all: () => types,
    get: (name) => byName.get(name),
    bySchema: (ref) => bySchemaRef.get(ref) ?? bySchemaRef.get(ref.replace(/#.*$/, '')),
  };
}

export type DetectedBy = '$schema' | 'type' | 'association' | 'file-name';

export interface Detection {
  docType: DocType;
  by: DetectedBy;
}

/**
 * `path` is `/`-separated. A `$schema` value may be a schema `$id`, a type name, or a path relative to
 * the document (matched against workspace schema files).
 */
export function detectDocType(
  registry: DocTypeRegistry,
  frontMatter: FrontMatter | undefined,
  path: string | undefined,
  config: ResolvedConfig,
): Detection | undefined {
  const data = frontMatter?.data ?? recoverKeys(frontMatter);
  const schemaRef = data?.['$schema'];
  if (typeof schemaRef === 'string') {
    const t =
      registry.bySchema(schemaRef) ??
      registry.get(schemaRef) ??
      (path ? registry.bySchema(resolvePath(dirname(path) || '.', schemaRef)) : undefined);
    if (t) return { docType: t, by: '$schema' };
  }
  const type = data?.['type'];
  if (typeof type === 'string') {
    const t = registry.get(type);
    if (t) return { docType: t, by: 'type' };
  }
  if (path) {
    const rel = relativeTo(config.root, path);
    for (const a of config.associations) {
      const t = registry.get(a.type);
      if (t && rel !== undefined && globMatcher(a.glob)(rel)) return { docType: t, by: 'association' };
    }
    const t = byFileName(registry, path);
    if (t) return { docType: t, by: 'file-name' };
  }
  return undefined;
}

/** The type whose `fileNames` hold this file's name (case-insensitive). */
function byFileName(registry: DocTypeRegistry, path: string): DocType | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return registry.all().find((t) => t.fileNames?.some((n) => n.toLowerCase() === name));
}

/** When the YAML has errors we still want the type, so the syntax error is reported in context. */
function recoverKeys(frontMatter: FrontMatter | undefined): Record<string, unknown> | undefined {
  const yaml = frontMatter?.yaml;
  if (!yaml || !isMap(yaml.contents)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of ['type', '$schema']) {
    const value = yaml.get(key);
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

const matchers = new Map<string, (p: string) => boolean>();
function globMatcher(glob: string): (p: string) => boolean {
  let m = matchers.get(glob);
  if (!m) matchers.set(glob, (m = picomatch(glob, { dot: true })));
  return m;
}
