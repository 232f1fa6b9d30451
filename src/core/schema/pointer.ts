// ajv's instancePath (a JSON Pointer) → the YAML nodes it names. Segments are unescaped first
// (`~1` → `/`, `~0` → `~`): a key such as `a/b` must not be split in two.

import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { FrontMatter } from '../document/parse.js';

/** "" → []; "/a~1b/x~0y/0" → ['a/b', 'x~y', '0']. */
export function unescapePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface YamlTarget {
  /** The path as YAML sees it: numbers index sequences, keys keep their own type. */
  path: (string | number)[];
  /** How many leading segments of the pointer exist in the YAML. */
  found: number;
  /** The node of the last found segment (undefined for a `key:` with no value, or at an empty root). */
  node?: Node;
  /** When the last found segment is a mapping key: its pair. */
  pair?: Pair;
  /** The collection that holds the last found segment (the root mapping for a top-level key). */
  parent?: Node;
}

/** Walks the YAML document along unescaped pointer segments, as far as it exists. */
export function resolveYaml(fm: FrontMatter | undefined, segments: readonly string[]): YamlTarget {
  const doc = fm?.yaml;
  const root = doc?.contents;
  const target: YamlTarget = { path: [], found: 0, node: isNode(root) ? root : undefined };
  let node: unknown = root;
  for (const seg of segments) {
    if (isAlias(node) && doc) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === seg);
      if (!pair) break;
      target.parent = node;
      target.pair = pair;
      target.path.push(isScalar(pair.key) ? (pair.key.value as string | number) : seg);
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(seg) && Number(seg) < node.items.length) {
      target.parent = node;
      target.pair = undefined;
      target.path.push(Number(seg));
      node = node.items[Number(seg)];
    } else break;
    target.found++;
    target.node = isNode(node) ? node : undefined;
  }
  return target;
}

/** A key as it appears in the JS data (ajv sees object keys as strings). */
export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (isNode(key)) return String(key.toJSON());
  return String(key);
}
