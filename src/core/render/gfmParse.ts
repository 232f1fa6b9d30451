// The body as GFM (tables, task lists, strikethrough, autolinks, footnotes) for the preview.
//
// Guard against huge tables: micromark's cost grows faster than linearly with the length of one table
// (measured: 16,000 rows ≈ 12 s in one parse, ≈ 6 s as 50-row pieces; the benchmark corpus saw 100 s for
// 9,300 rows with remark-cli). Big tables are found on the CommonMark tree the engine already has (a GFM
// table is a CommonMark paragraph, so code blocks and containers are ruled out for free), their rows
// past the first chunk are blanked in the main parse (line breaks kept, so every offset stays valid),
// and parsed separately in chunks under a copy of the header row; the chunk rows, with positions shifted
// back to the document, are appended to the main table. Link and footnote definitions are appended to
// each chunk so references in cells resolve as in one parse.

import type { Paragraph, Root, Table, TableRow } from 'mdast';
import type { Node, Point } from 'unist';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { eachNode, movePositions } from './eachNode.js';
import { parseInChunks } from './gfmChunks.js';
import { DELIMITER_ROW } from './simpleTable.js';
import { parseWithShortBlankLines } from './blankLines.js';
import { shortenDelimiterRuns } from './delimiterRuns.js';

export interface TableGuard {
  /** Tables with more body rows than this are parsed in pieces. */
  maxRows: number;
  /** Rows per piece. */
  chunkRows: number;
  /** Documents longer than this are parsed in runs of top-level blocks of about this size (gfmChunks.ts). */
  chunkChars?: number;
}

export const DEFAULT_TABLE_GUARD: TableGuard = { maxRows: 200, chunkRows: 64, chunkChars: 16 * 1024 };

const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
const parser = { parse: (text: string): Root => parseWithShortBlankLines(shortenDelimiterRuns(text), (t) => gfm.parse(t)) };

const PIPE_ROW = /^ {0,3}\|/;

interface BigTable {
  /** Offset of the header line's first character (its indentation included). */
  lineStart: number;
  /** Offset where the first blanked row starts. */
  restStart: number;
  /** The header and delimiter lines with their line breaks. */
  head: string;
  /** Offsets [start, end) of each row after the first chunk, in document order. */
  rows: [number, number][];
  /** Offset of the paragraph's start (the table node starts there). */
  start: number;
}

/**
 * `text` is the document with its front matter blanked; `commonmark` gives the engine's tree of that same
 * text (asked for only when the text may hold a big table, to find it cheaply and safely); `pointAt` maps
 * an offset to its 1-based line and column.
 */
export function parseGfm(
  text: string,
  commonmark: () => Root | undefined,
  pointAt: (offset: number) => Point,
  guard: TableGuard = DEFAULT_TABLE_GUARD,
  reuseCommonMark = false,
): Root {
  const lineAt = (offset: number) => pointAt(offset).line;
  const chunkChars = guard.chunkChars ?? DEFAULT_TABLE_GUARD.chunkChars!;
  if (text.length > chunkChars) {
    const tree = commonmark();
    if (tree) {
      const chunked = parseInChunks(text, tree, chunkChars, pointAt, (t, cm, at) => parseTables(t, cm, at, guard), reuseCommonMark);
      if (chunked) return chunked;
    }
  }
  return parseTables(text, commonmark, lineAt, guard);
}

function parseTables(text: string, commonmark: () => Root | undefined, lineAt: (offset: number) => number, guard: TableGuard): Root {
  // Most documents have no table that big: then the CommonMark tree is not even needed.
  const tree = mayHoldBigTable(text, guard) ? commonmark() : undefined;
  const big = tree ? findBigTables(text, tree, guard) : [];
  if (big.length === 0) return parser.parse(text);
  let main = '';
  let at = 0;
  for (const t of big) {
    main += text.slice(at, t.restStart) + blank(text.slice(t.restStart, t.rows[t.rows.length - 1]![1]));
    at = t.rows[t.rows.length - 1]![1];
  }
  main += text.slice(at);
  const root = parser.parse(main);
  const definitions = definitionSources(root, text);
  for (const t of big) {
    const table = root.children.find((n): n is Table => n.type === 'table' && n.position?.start.offset === t.start);
    const rows = table && chunkRows(text, t, guard.chunkRows, definitions, lineAt);
    // Anything unexpected: give up the shortcut for this document and parse it whole (slow but right).
    if (!table || !rows) return parser.parse(text);
    table.children.push(...rows);
    if (table.position && rows.length) table.position.end = { ...rows[rows.length - 1]!.position!.end };
  }
  return root;
}

function mayHoldBigTable(text: string, guard: TableGuard): boolean {
  const rows = /^ {0,3}\|/gm;
  let count = 0;
  while (rows.exec(text)) if (++count > guard.maxRows) return true;
  return false;
}

function findBigTables(text: string, root: Root, guard: TableGuard): BigTable[] {
  const out: BigTable[] = [];
  for (const node of root.children) {
    if (node.type !== 'paragraph') continue;
    const t = asBigTable(text, node, guard);
    if (t) out.push(t);
  }
  return out;
}

function asBigTable(text: string, p: Paragraph, guard: TableGuard): BigTable | undefined {
  const start = p.position?.start.offset;
  const end = p.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  if (p.position!.end.line - p.position!.start.line < guard.maxRows + 1) return undefined;
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const lines = splitLines(text, lineStart, end);
  if (lines.length < guard.maxRows + 3) return undefined;
  const [header, delimiter] = lines;
  const lineText = (l: [number, number]) => text.slice(l[0], l[1]);
  if (!PIPE_ROW.test(lineText(header!)) || !DELIMITER_ROW.test(lineText(delimiter!)) || !lineText(delimiter!).includes('|'))
    return undefined;
  // Only rows that open with a pipe: such a line can be nothing but a row, so the table and the
  // paragraph end at the same place and the pieces parse exactly as the whole would.
  for (let i = 2; i < lines.length; i++) if (!PIPE_ROW.test(lineText(lines[i]!))) return undefined;
  const bodyStart = lines[2]![0];
  const rest = lines.slice(2 + guard.maxRows);
  return {
    start,
    lineStart,
    restStart: rest[0]![0],
    head: text.slice(lineStart, bodyStart),
    rows: rest.map(([s, e]) => [s, lineBreakEnd(text, e)]),
  };
}

/** [start, end) of each line in [from, to), line breaks excluded. */
function splitLines(text: string, from: number, to: number): [number, number][] {
  const lines: [number, number][] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push([s, i]);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  lines.push([s, to]);
  return lines;
}

function lineBreakEnd(text: string, at: number): number {
  if (text.charCodeAt(at) === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  return text.charCodeAt(at) === 10 ? at + 1 : at;
}

const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

/** Link and footnote definitions of the document, as source, so chunks resolve references the same way. */
function definitionSources(root: Root, text: string): string {
  const parts: string[] = [];
  eachNode<Node>(root, (node) => {
    if ((node.type === 'definition' || node.type === 'footnoteDefinition') && node.position) {
      parts.push(text.slice(node.position.start.offset, node.position.end.offset));
      return false;
    }
    return true;
  });
  return parts.join('\n\n');
}

function chunkRows(
  text: string,
  t: BigTable,
  size: number,
  definitions: string,
  lineAt: (offset: number) => number,
): TableRow[] | undefined {
  const out: TableRow[] = [];
  const headLines = countLineBreaks(t.head);
  for (let i = 0; i < t.rows.length; i += size) {
    const piece = t.rows.slice(i, i + size);
    const from = piece[0]![0];
    const to = piece[piece.length - 1]![1];
    const source = t.head + text.slice(from, to) + '\n\n' + definitions;
    const tree = parser.parse(source);
    const table = tree.children[0];
    if (!table || table.type !== 'table' || table.children.length !== piece.length + 1) return undefined;
    const offsetDelta = from - t.head.length;
    const lineDelta = lineAt(from) - (headLines + 1);
    const rows = table.children.slice(1);
    for (const row of rows) movePositions(row, offsetDelta, lineDelta);
    out.push(...rows);
  }
  return out;
}

const countLineBreaks = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;
