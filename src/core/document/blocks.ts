// Block nodes inside a section, walked through lists and block quotes (code and HTML are not prose).

import type { Nodes, Paragraph, RootContent } from 'mdast';

/** Every paragraph in the nodes, in document order, including those inside lists and block quotes. */
export function paragraphsIn(nodes: readonly RootContent[]): Paragraph[] {
  const out: Paragraph[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'paragraph') out.push(n);
    else if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote') for (const c of n.children) visit(c as Nodes);
  };
  for (const n of nodes) visit(n);
  return out;
}

/** Short quote of what a text says, for messages: the first `max` characters on one line. */
export function excerpt(text: string, max = 50): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}
