// Where a front-matter value or key sits in the document text.

import { isMap, isSeq, isPair, isScalar, isNode, type Node, type Pair } from 'yaml';
import type { Span } from '../types.js';
import type { FrontMatter } from './parse.js';

export type YamlPath = readonly (string | number)[];

/** The node at `path` (the root mapping for []), or undefined when the path does not exist. */
export function yamlNodeAt(fm: FrontMatter, path: YamlPath): Node | undefined {
  const root = fm.yaml?.contents;
  if (!isNode(root)) return undefined;
  if (path.length === 0) return root;
  const node = fm.yaml!.getIn(path as (string | number)[], true);
  return isNode(node) ? node : undefined;
}

/** The key/value pair for the last segment of `path`, when the parent is a mapping. */
export function yamlPairAt(fm: FrontMatter, path: YamlPath): Pair | undefined {
  if (!path.length) return undefined;
  const parent = yamlNodeAt(fm, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  return parent.items.find((p) => isPair(p) && keyValue(p.key) === last) as Pair | undefined;
}

/** Span of a node in the whole text (its value part, without trailing comments). */
export function nodeSpan(fm: FrontMatter, node: Node): Span | undefined {
  if (!node.range) return undefined;
  const base = fm.block.content.start;
  return { start: base + node.range[0], end: base + node.range[1] };
}

/** Span of the value at `path`, or of its key when `part` is 'key'. */
export function yamlSpan(fm: FrontMatter, path: YamlPath, part: 'value' | 'key' = 'value'): Span | undefined {
  if (part === 'key' || path.length === 0) {
    const pair = yamlPairAt(fm, path);
    if (pair && isNode(pair.key)) return nodeSpan(fm, pair.key);
    if (part === 'key' && isSeq(yamlNodeAt(fm, path.slice(0, -1)))) return yamlSpan(fm, path, 'value');
    if (path.length) return undefined;
  }
  const node = yamlNodeAt(fm, path);
  if (node) {
    const span = nodeSpan(fm, node);
    if (span && span.end > span.start) return span;
  }
  // `key:` with no value: point at the key.
  const pair = yamlPairAt(fm, path);
  return pair && isNode(pair.key) ? nodeSpan(fm, pair.key) : undefined;
}

function keyValue(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}
