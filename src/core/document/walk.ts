// The one walk through a section's blocks: lists, their items and block quotes hold further blocks and
// are walked through; code, HTML, tables and paragraphs are leaves (code and HTML are not prose).

import type { Blockquote, List, ListItem, Nodes } from 'mdast';

export type ContainerBlock = List | ListItem | Blockquote;

export const isContainerBlock = (node: Nodes): node is ContainerBlock =>
  node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote';

/**
 * Visits each node, then (in document order) every block inside it when it is a list, list item or block
 * quote; a visit that returns false keeps the walk out of that node. `parent` is the container holding
 * the node (undefined for the nodes given).
 */
export function walkBlocks(
  nodes: readonly Nodes[],
  visit: (node: Nodes, parent: ContainerBlock | undefined) => boolean | void,
  parent?: ContainerBlock,
): void {
  for (const node of nodes) {
    if (visit(node, parent) !== false && isContainerBlock(node)) walkBlocks(node.children as Nodes[], visit, node);
  }
}
