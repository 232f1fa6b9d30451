// Tiny builders for the parts of the page we make ourselves (header card, findings, placeholders).
// Everything user-supplied goes in as text nodes, so the serialiser escapes it: no string concatenation
// of HTML anywhere in the render module.

import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';

export type Child = ElementContent | string | number | null | undefined | false;

export function h(tagName: string, properties: Properties = {}, ...children: (Child | Child[])[]): Element {
  const kids: ElementContent[] = [];
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false || c === '') continue;
    kids.push(typeof c === 'string' || typeof c === 'number' ? { type: 'text', value: String(c) } : c);
  }
  return { type: 'element', tagName, properties, children: kids };
}

const stringifier = unified().use(rehypeStringify).freeze();
// `raw` nodes written out as they are: only the render's own blocks of prose (fastHtml.ts), escaped when
// written and placed after the sanitiser, which leaves no raw node of the document's.
const trustingStringifier = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze();

/** `trustRaw`: the tree's raw nodes are the render's own (else they are written as escaped text). */
export function toHtml(nodes: Root | RootContent[], trustRaw = false): string {
  const root: Root = Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes;
  return (trustRaw ? trustingStringifier : stringifier).stringify(root);
}
