// Where a document's CodeLens sits: on its title heading (the first level-1 heading, else the first
// heading of the body), or on the first line when the body has none.

import type { ParsedDoc } from '../document/parse.js';

export function lensLine(doc: ParsedDoc): number {
  let first: number | undefined;
  for (const node of doc.root.children) {
    if (node.type !== 'heading' || !node.position) continue;
    if (node.depth === 1) return node.position.start.line - 1;
    first ??= node.position.start.line - 1;
  }
  return first ?? 0;
}
