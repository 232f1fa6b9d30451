// Which span of the text a schema problem is shown on: the value, the key, or the mapping that misses a
// key — each falling back to the nearest part of the front matter that exists.

import { isCollection, isNode, type Node } from 'yaml';
import type { Span } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';
import { nodeSpan } from '../document/yamlSpans.js';
import { firstLineSpan } from '../document/lines.js';
import type { YamlTarget } from './pointer.js';

/** Where "something is missing in the front matter" goes: the opening fence, else line 1 (the rules' ctx.frontMatterAnchor too). */
export function frontMatterAnchor(doc: ParsedDoc): Span {
  return doc.frontMatter?.block.openFence ?? firstLineSpan(doc.text);
}

export interface Targets {
  /** The value at the path (or the nearest existing ancestor). */
  value(t: YamlTarget, segments: number): Span;
  /** The key of the last path segment (an unknown key). */
  key(t: YamlTarget, segments: number): Span;
  /** The mapping at the path, for "missing key": its own key, or the list item, or the fence at the root. */
  holder(t: YamlTarget, segments: number): Span;
}

export function createTargets(doc: ParsedDoc): Targets {
  const fm = doc.frontMatter;
  const anchor = frontMatterAnchor(doc);
  const span = (node: unknown): Span | undefined => (fm && isNode(node) ? nonEmpty(nodeSpan(fm, node)) : undefined);

  function holder(t: YamlTarget): Span {
    if (t.found === 0 || !fm) return anchor;
    if (t.pair) return span(t.pair.key) ?? anchor;
    // A list item has no key: its first line stands for it.
    return firstLine(doc.text, span(t.node)) ?? anchor;
  }

  function value(t: YamlTarget, segments: number): Span {
    if (t.found < segments || t.found === 0 || !fm) return holder(t);
    const node = t.node;
    if (node && !(isCollection(node) && !isFlow(node))) {
      const s = span(node);
      if (s) return s;
    }
    // `key:` with no value, or a block list/mapping: the key says it in one line.
    if (t.pair) return span(t.pair.key) ?? anchor;
    return holder(t);
  }

  function key(t: YamlTarget, segments: number): Span {
    if (t.found < segments || !t.pair || !fm) return holder(t);
    return span(t.pair.key) ?? holder(t);
  }

  return { value, key, holder: (t) => holder(t) };
}

function isFlow(node: Node): boolean {
  return (node as { flow?: boolean }).flow === true;
}

function nonEmpty(span: Span | undefined): Span | undefined {
  return span && span.end > span.start ? span : undefined;
}

function firstLine(text: string, span: Span | undefined): Span | undefined {
  if (!span) return undefined;
  const m = /\r|\n/.exec(text.slice(span.start, span.end));
  return m ? { start: span.start, end: span.start + m.index } : span;
}
