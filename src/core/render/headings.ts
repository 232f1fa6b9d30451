// Heading anchors and source lines, added after sanitising (so they are ours, not the document's):
// `id` is a GitHub-style slug behind the same `user-content-` prefix the sanitiser gives every other id
// (a heading called "location" must not become `window.location`-shadowing DOM), `data-line` the 1-based
// source line the editor scrolls to.

import type { Element, Nodes, Root } from 'hast';
import { eachNode } from './eachNode.js';

export const ID_PREFIX = 'user-content-';

export interface RenderedHeading {
  /** The element id (prefixed): `#goals` in a link finds `user-content-goals`. */
  id: string;
  /** 1-based source line. */
  line: number;
  depth: number;
  text: string;
}

const HEADING = /^h([1-6])$/;

export function decorateHeadings(tree: Root): RenderedHeading[] {
  const seen = new Map<string, number>();
  const out: RenderedHeading[] = [];
  eachNode<Nodes>(tree, (node) => {
    if (node.type !== 'element') return;
    const m = HEADING.exec(node.tagName);
    if (!m) return;
    const line = node.position?.start.line;
    delete node.properties['dataLine'];
    if (line === undefined) return; // made by us or by the footnote section: not in the source
    const text = textOf(node).trim();
    const id = ID_PREFIX + unique(slug(text) || 'section', seen);
    node.properties['id'] = id;
    node.properties['dataLine'] = line;
    out.push({ id, line, depth: Number(m[1]), text });
  });
  return out;
}

/** GitHub's rule: lower case, drop punctuation (keep letters, digits, `-`, `_`), spaces → `-`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function unique(base: string, seen: Map<string, number>): string {
  let candidate = base;
  let n = seen.get(base) ?? 0;
  while (seen.has(candidate)) candidate = `${base}-${++n}`;
  seen.set(base, n);
  seen.set(candidate, 0);
  return candidate;
}

export function textOf(node: Element | Root): string {
  let s = '';
  eachNode<Nodes>(node, (t) => {
    if (t.type === 'text') s += t.value;
  });
  return s;
}
