// Unticked `- [ ]` items of a section, at any depth of its lists and block quotes, with the span a
// reader looks at: from the box to the end of the item's first line (a trailing comment left out).

import type { ListItem, Nodes, RootContent } from 'mdast';
import { plainText } from './sections.js';
import type { Span } from '../types.js';
import { excerpt } from './blocks.js';

export interface OpenItem extends Span {
  item: ListItem;
  /** The item's first paragraph, shortened for a message. */
  text: string;
}

export function uncheckedItems(nodes: readonly RootContent[], source: string): OpenItem[] {
  const out: OpenItem[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === 'listItem' && n.checked === false) {
      const open = openItem(n, source);
      if (open) out.push(open);
    }
    if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote') for (const c of n.children as Nodes[]) visit(c);
  };
  for (const n of nodes) visit(n);
  return out;
}

function openItem(item: ListItem, source: string): OpenItem | undefined {
  const start = item.position?.start.offset;
  if (start === undefined) return undefined;
  let lineEnd = start;
  while (lineEnd < source.length && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
  const line = source
    .slice(start, lineEnd)
    .replace(/(?:\s*<!--.*?-->)+\s*$/, '')
    .trimEnd();
  const box = line.indexOf('[ ]');
  const spanStart = box >= 0 ? start + box : start;
  const first = item.children[0];
  return { item, start: spanStart, end: Math.max(spanStart + 1, start + line.length), text: excerpt(first ? plainText(first) : '', 60) };
}
