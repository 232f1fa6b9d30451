// Long whitespace-only lines are shortened before micromark parses a body for the preview. Why: for a
// blank line, every open list item first checks whether the rest of the line is blank, so one such line
// costs (open containers × its length). The fuzzer found a list nested to the depth limit followed by
// 220 lines of 1,000 spaces (the depth guard blanks lines nested deeper): 170 KB, 0.7 s to render, where
// the same lines kept short take 10 ms.
//
// A line of only spaces and tabs is a blank line whatever its length, so the block structure cannot
// change. Only code and raw HTML blocks keep a blank line's whitespace as content, and there the first
// KEEP characters are kept: what is lost is trailing whitespace on an empty line, which shows as nothing.
// Positions are mapped back to the unshortened text by line and column (the lines do not move).

import type { Root } from 'mdast';

/** Characters of a whitespace-only line that are kept. */
export const KEEP = 16;

const LONG_BLANK_LINE = new RegExp(`^[ \\t]{${KEEP + 1},}$`, 'm');

/** `parse(source)`, with whitespace-only lines longer than KEEP shortened first and positions mapped back. */
export function parseWithShortBlankLines(source: string, parse: (text: string) => Root): Root {
  if (!LONG_BLANK_LINE.test(source)) return parse(source);
  const lineStarts: number[] = [];
  /** Line (1-based) → its length before it was shortened. */
  const shortened = new Map<number, number>();
  let short = '';
  let at = 0;
  while (at <= source.length) {
    lineStarts.push(at);
    let end = at;
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    const next = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
    const line = source.slice(at, end);
    const cut = line.length > KEEP && /^[ \t]*$/.test(line);
    if (cut) shortened.set(lineStarts.length, line.length);
    short += (cut ? line.slice(0, KEEP) : line) + source.slice(end, next);
    at = next;
  }
  const root = parse(short);
  // One loop, no recursion: the tree may be deep until pruneDeep has run.
  const stack: { position?: Root['position']; children?: unknown[] }[] = [root];
  const back = (p: { line: number; column: number; offset?: number }) => {
    // The end of a shortened line is the end of the line it was.
    const length = shortened.get(p.line);
    const column = length !== undefined && p.column > KEEP ? length + 1 : p.column;
    return { line: p.line, column, offset: (lineStarts[p.line - 1] ?? 0) + column - 1 };
  };
  while (stack.length) {
    const node = stack.pop()!;
    if (node.position) node.position = { start: back(node.position.start), end: back(node.position.end) };
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child as never);
  }
  return root;
}
