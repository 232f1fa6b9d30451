// Block nodes inside a section, walked through lists and block quotes (code and HTML are not prose).

import type { Paragraph, RootContent } from 'mdast';
import { walkBlocks } from './walk.js';

/** Every paragraph in the nodes, in document order, including those inside lists and block quotes. */
export function paragraphsIn(nodes: readonly RootContent[]): Paragraph[] {
  const out: Paragraph[] = [];
  walkBlocks(nodes, (n) => {
    if (n.type === 'paragraph') out.push(n);
  });
  return out;
}

/** Short quote of what a text says, for messages: the first `max` characters on one line. */
export function excerpt(text: string, max = 50): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}
