// Task-list items (`- [ ]`, `- [x]`) of a section, at any depth of its lists and block quotes, with the
// span a reader looks at: from the box to the end of the item's first line (a trailing comment left out).

import type { ListItem, Nodes, RootContent } from 'mdast';
import { plainText } from './sections.js';
import type { Span } from '../types.js';
import { excerpt } from './blocks.js';
import { walkBlocks } from './walk.js';
import { withoutTrailingComments } from './trim.js';

export interface OpenItem extends Span {
  item: ListItem;
  /** The item's first paragraph, shortened for a message. */
  text: string;
}

/** The unticked `- [ ]` items. */
export function uncheckedItems(nodes: readonly RootContent[], source: string): OpenItem[] {
  const out: OpenItem[] = [];
  walkBlocks(nodes, (n) => {
    if (n.type !== 'listItem' || n.checked !== false) return;
    const open = openItem(n, source);
    if (open) out.push(open);
  });
  return out;
}

/** Every task item, ticked or not, below the nodes. */
export function taskItems(nodes: readonly Nodes[], visit: (item: ListItem) => void): void {
  walkBlocks(nodes, (n) => {
    if (n.type === 'listItem' && typeof n.checked === 'boolean') visit(n);
  });
}

/** An item (a task item or a plain one) as a message quotes it; undefined for an item without a position. */
export function openItem(item: ListItem, source: string): OpenItem | undefined {
  const span = itemLineSpan(item, source);
  if (!span) return undefined;
  const first = item.children[0];
  return { item, ...span, text: excerpt(first ? plainText(first) : '', 60) };
}

/**
 * From a task item's box (`[ ]`, `[x]`; a plain item's start) to the end of its first line,
 * a trailing comment (a suppression, a note to reviewers) left out; at least one character.
 */
export function itemLineSpan(item: ListItem, source: string): Span | undefined {
  const start = item.position?.start.offset;
  if (start === undefined) return undefined;
  let lineEnd = start;
  while (lineEnd < source.length && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
  const line = withoutTrailingComments(source.slice(start, lineEnd));
  const box = typeof item.checked === 'boolean' ? line.search(/\[[ xX]\]/) : -1;
  const spanStart = box >= 0 ? start + box : start;
  return { start: spanStart, end: Math.max(spanStart + 1, start + line.length) };
}
