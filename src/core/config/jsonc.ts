// JSON with comments (the config file, JSON schema files): parse with positions, so every problem can
// name a line and column.

import { jsonTooDeep } from '../document/depth.js';
import { limits, limitSetting } from '../limits.js';
import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';

export type JsonPath = (string | number)[];

export interface JsoncParse {
  value: unknown;
  tree?: Node;
  /** The first syntax error (the later ones usually follow from it), with a readable message. */
  error?: { message: string; offset: number };
}

const ERROR_WORDS: Record<number, string> = {
  1: 'unexpected character',
  2: 'invalid number',
  3: 'expected a property name in double quotes',
  4: 'expected a value',
  5: "expected ':'",
  6: "expected ',' between entries",
  7: "expected '}'",
  8: "expected ']'",
  9: 'expected the end of the file after the top-level value',
  10: 'invalid comment',
  11: 'comment is never closed',
  12: 'string is never closed',
  13: 'number is cut off',
  14: 'invalid \\u escape',
  15: 'invalid escape character in a string',
  16: 'invalid character in a string (control characters must be escaped)',
};

export function parseJsonc(text: string): JsoncParse {
  // jsonc-parser and the walks over its tree recurse: deeper input overflowed the stack.
  const deep = jsonTooDeep(text, limits().jsonDepth);
  if (deep !== undefined)
    return {
      value: undefined,
      error: {
        message: `objects and arrays nest more than ${limits().jsonDepth} levels deep here; flatten them, or raise ${limitSetting('jsonDepth')}`,
        offset: deep,
      },
    };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) return { value: undefined, tree, error: { message: ERROR_WORDS[first.error] ?? 'syntax error', offset: first.offset } };
  if (!tree) return { value: undefined, error: { message: 'the file is empty; expected a JSON object', offset: 0 } };
  return { value: plain(getNodeValue(tree)), tree };
}

/** jsonc-parser builds null-prototype objects; schemas and configs travel better as ordinary ones. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Offset of the value at `path` (or of its key when `part` is 'key'); the nearest existing ancestor otherwise. */
export function offsetOf(tree: Node | undefined, path: JsonPath, part: 'value' | 'key' = 'value'): number | undefined {
  if (!tree) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (!node) continue;
    const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (n === path.length && part === 'key' && keyNode) return keyNode.offset;
    // An ancestor stands in: point at its key, which names what is wrong better than a `{`.
    return n < path.length && keyNode ? keyNode.offset : node.offset;
  }
  return undefined;
}
