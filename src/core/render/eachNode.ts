// One walk through a tree (mdast or hast) for the render steps. Why not unist-util-visit: it makes and
// names a function for every node it enters, which was a fifth of the render of a big document (31,000
// blocks: 0.3 s of 1.3 s). One loop, no recursion: the tree may still be deep where this runs.

interface TreeNode {
  type: string;
  children?: TreeNode[];
}

/**
 * Calls `visit` on `tree` and every node inside it, parents first, in document order, with the parent
 * and the node's index in it. A visit that returns false keeps the walk out of that node's children (it
 * may then have replaced the node in its parent).
 */
export function eachNode<N extends TreeNode>(tree: N, visit: (node: N, parent: N | undefined, index: number) => boolean | void): void {
  if (visit(tree, undefined, -1) === false || !tree.children) return;
  const parents: N[] = [tree];
  const next: number[] = [0];
  while (parents.length) {
    const top = parents.length - 1;
    const parent = parents[top]!;
    const index = next[top]!++;
    const kids = parent.children as N[];
    if (index >= kids.length) {
      parents.pop();
      next.pop();
      continue;
    }
    const node = kids[index]!;
    if (visit(node, parent, index) !== false && node.children?.length) {
      parents.push(node);
      next.push(0);
    }
  }
}

interface PlacedNode extends TreeNode {
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

/** Moves every position in `tree` by a number of characters and lines (a piece parsed alone, put back in its document). */
export function movePositions<T extends PlacedNode>(tree: T, offsetDelta: number, lineDelta: number): T {
  eachNode<PlacedNode>(tree, (node) => {
    const pos = node.position;
    if (!pos) return;
    // New points: a parser may share one point object between nodes.
    pos.start = { ...pos.start, line: pos.start.line + lineDelta, offset: (pos.start.offset ?? 0) + offsetDelta };
    pos.end = { ...pos.end, line: pos.end.line + lineDelta, offset: (pos.end.offset ?? 0) + offsetDelta };
  });
  return tree;
}

/** A deep copy of a tree of plain data (a third of structuredClone's time on a big tree). Its depth is bounded by the depth guards. */
export function copyTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyTree) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyTree((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * A copy of a block for the render: as copyTree, but only the block itself and its headings keep their
 * positions, which are all the render reads past the parse (three objects a node fewer to make, and to
 * drop again before the HTML steps).
 */
export function copyBlock<T>(block: T): T {
  return copyNode(block, true);
}

function copyNode<T>(value: T, top: boolean): T {
  if (Array.isArray(value)) return value.map((v) => copyNode(v, false)) as T;
  if (value === null || typeof value !== 'object') return value;
  const keep = top || (value as { type?: unknown }).type === 'heading';
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === 'position' && !keep) continue;
    // A position is plain data: copied whole.
    out[key] =
      key === 'position' ? copyTree((value as Record<string, unknown>)[key]) : copyNode((value as Record<string, unknown>)[key], false);
  }
  return out as T;
}
