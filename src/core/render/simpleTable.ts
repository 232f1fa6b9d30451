// A top-level GFM table built for the preview straight from its lines instead of a micromark parse. Why:
// micromark costs about 5 µs a character on table rows, so documents made of tables were the slowest
// renders the fuzzer found (165–262 KB: 0.8–1.3 s), and the 8,700-row requirements table of the
// benchmark took 3 s; building one from its lines costs what splitting them costs.
//
// Only a table that one micromark parse would read exactly so is built here: a top-level paragraph of
// the engine's CommonMark tree (so no container, code or lazy line is involved) whose header and
// delimiter rows open with a pipe, with a delimiter row of as many cells as its header. A body row may
// lack its leading pipe (to GFM every line up to the next block is a row) when it could not start a
// block after a table that it cannot start after a paragraph (`2. item`, `-`, indented code: anything
// opening with a digit, a list or quote marker, `#`, a fence or `<` is left to micromark). Cells are
// split at every pipe that is not escaped (GFM splits them before reading their inline content, code
// spans included; an escaped pipe in a code span leaves the table to micromark). A cell of plain text is a text node; a cell with inline
// Markdown is read by commonmark.js (all of a table's cells in one parse, each a paragraph of its own, the
// document's link definitions written after them); the cells that hold what GFM reads inline and
// CommonMark does not (strikethrough, autolink literals) are read so by micromark, those cells alone (a
// cell's content reads as a line's start does: test/unit/render-chunks.test.ts). A footnote reference in
// a cell leaves the table to micromark.
// test/unit/render-chunks.test.ts holds these to one parse's HTML.

import type { AlignType, Paragraph, PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import { parseMarkdownTree, type LinkDefinition } from '../document/markdownTree.js';
import { treeDepthFor } from '../document/depth.js';
import { limits } from '../limits.js';
import { shortenDelimiterRuns } from './delimiterRuns.js';
import { isDefinedLabel, labelsIn, writtenDefinitions } from './linkDefinitions.js';

const PIPE_ROW = /^ {0,3}\|/;
/** A GFM table's delimiter row (`|---|:-:|`), one line without its line break. */
export const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/**
 * Characters that can start inline syntax (CommonMark or GFM), or that micromark rewrites (NUL); `<`
 * apart (below). A cell without any is a text node.
 */
const INLINE_SYNTAX = /[\\`*_[\]&~@\0]|:\/\/|www\./i;
/** What GFM reads inline and CommonMark does not: strikethrough and autolink literals. */
const GFM_INLINE = /[~@]|:\/\/|www\./i;
/** A body row without its leading pipe that could start a block after a table (not after a paragraph). */
const MAY_START_BLOCK = /^(?: {4}|\t| {0,3}(?:[0-9>#<`~=+*_-]|$))/;
/**
 * A cell that is one HTML comment and nothing else (`| Must | <!-- pmdocs-disable-line … -->`): plain
 * words, hyphens and punctuation inside, no `--` but at its ends, no `<`, `>` or `|`.
 */
const COMMENT_CELL = /^<!--(?!-)[^<>|]*?-->$/;
const isCommentCell = (text: string): boolean =>
  COMMENT_CELL.test(text) && !text.slice(4, -3).includes('--') && !text.slice(4, -3).endsWith('-');

/**
 * Whether a cell's text is text to GFM: no inline syntax, and a `<` only with no `>` after it in the
 * cell (every tag, comment and autolink needs one, and a cell's inline content is read apart from the
 * rest of its row); or one comment alone.
 */
function plainCell(text: string): boolean {
  if (isCommentCell(text)) return true;
  if (INLINE_SYNTAX.test(text)) return false;
  const angle = text.indexOf('<');
  return angle < 0 || text.indexOf('>', angle) < 0;
}

/**
 * `source` is [start, end) of a paragraph; `at(offset)` its line and column; `definitions`: the document's
 * link definitions (unknown: a cell that could name one leaves the table to micromark); `gfm`: a GFM parse
 * for the cells that hold strikethrough or autolink literals (none: such a cell leaves the table to micromark).
 */
export function simpleTable(
  text: string,
  start: number,
  end: number,
  at: (offset: number) => Point,
  definitions?: ReadonlyMap<string, LinkDefinition>,
  gfm?: (source: string) => Root,
): Table | undefined {
  const lines = linesOf(text, start, end);
  if (lines.length < 2) return undefined;
  // A row that is a lone pipe micromark may not read as a row (it does not, as a header): left to it.
  for (const [i, line] of lines.entries())
    if (
      i < 2
        ? !PIPE_ROW.test(line.text) || line.text.trim().length < 2
        : PIPE_ROW.test(line.text)
          ? line.text.trim().length < 2
          : MAY_START_BLOCK.test(line.text)
    )
      return undefined;
  if (!DELIMITER_ROW.test(lines[1]!.text)) return undefined;
  const header = cellsOf(lines[0]!);
  const delimiter = cellsOf(lines[1]!);
  if (header.length !== delimiter.length) return undefined;
  const align = delimiter.map((cell) => alignOf(cell.text));
  const cells = [header, ...lines.slice(2).map(cellsOf)];
  const marked = cells.flat().filter((cell) => !plainCell(cell.text));
  // An escaped pipe is a pipe in the cell, code spans included: a parse of the cell alone would keep the
  // backslash in a code span. A footnote reference needs its definition, which a cell alone lacks.
  if (marked.some((cell) => (cell.text.includes('`') && cell.text.includes('\\|')) || /\[\^|\0/.test(cell.text))) return undefined;
  if (!definitions && marked.some((cell) => cell.text.includes('['))) return undefined;
  const withGfm = marked.filter((cell) => GFM_INLINE.test(cell.text));
  if (withGfm.length && !gfm) return undefined;
  const commonmark = (source: string) => parseMarkdownTree(source, treeDepthFor(limits().markdownDepth));
  const inline = new Map<Cell, PhrasingContent[]>();
  const cm = marked.filter((cell) => !GFM_INLINE.test(cell.text));
  // commonmark.js trims a line of JavaScript's white space, which holds more than Markdown's (a no-break space).
  if (cm.some((cell) => /^\s|\s$/.test(cell.text))) return undefined;
  for (const [some, parse] of [
    [cm, commonmark],
    [withGfm, gfm!],
  ] as const)
    if (some.length && !inlineContent(some, definitions ?? new Map(), parse, inline)) return undefined;
  const rows = [lines[0]!, ...lines.slice(2)].map((line, i) => row(cells[i]!, line, at, inline));
  return { type: 'table', align, children: rows, position: { start: at(start), end: at(end) } };
}

const DEFINITION_LIKE = /^\[((?:[^\]\\]|\\.)*)\]:/;

/**
 * The inline content of cells that hold Markdown, into `out`: each cell a paragraph of its own, all in one
 * parse, the document's link definitions they name written after them. False when the parse is not one
 * paragraph per cell (a cell that reads as a block alone: `# x`, `- x`, `<div>`, a definition).
 */
function inlineContent(
  cells: Cell[],
  definitions: ReadonlyMap<string, LinkDefinition>,
  parse: (source: string) => Root,
  out: Map<Cell, PhrasingContent[]>,
): boolean {
  // A cell that opens like a link definition (`[x]: …`) would be one alone: its `[` is escaped, which reads
  // the same where the label is not defined (`[x]` then is no link); else the cell cannot be read alone.
  const texts = cells.map((cell) => {
    const label = DEFINITION_LIKE.exec(cell.text)?.[1];
    return label === undefined ? cell.text : isDefinedLabel(label, definitions) ? undefined : `\\${cell.text}`;
  });
  if (texts.includes(undefined)) return false;
  // Long runs of delimiters as the look-alikes a micromark parse shows (delimiterRuns.ts).
  const source = shortenDelimiterRuns(texts.join('\n\n'));
  const named = writtenDefinitions(labelsIn(source), definitions);
  // micromark keeps the definitions written after the cells as nodes; commonmark.js consumes them.
  const paragraphs = parse(named.length ? `${source}\n\n${named.join('\n')}\n` : source).children.filter((c) => c.type !== 'definition');
  if (paragraphs.length !== cells.length || paragraphs.some((c) => c.type !== 'paragraph')) return false;
  // Their positions are within the little source: nothing reads them (the render drops inner positions).
  paragraphs.forEach((paragraph, i) => out.set(cells[i]!, (paragraph as Paragraph).children));
  return true;
}

interface Line {
  text: string;
  /** Offset of its first character. */
  offset: number;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : -1;
    if (c !== 10 && c !== 13 && c !== -1) continue;
    out.push({ text: text.slice(from, i), offset: from });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    from = i + 1;
  }
  return out;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** The cells between pipes, trimmed (a leading and a trailing pipe make no cell; an escaped pipe is in its cell). */
function cellsOf(line: Line): Cell[] {
  const { text, offset } = line;
  let last = text.length;
  while (last > 0 && isBlank(text.charCodeAt(last - 1))) last--;
  let first = 0;
  while (first < last && text.charCodeAt(first) === 32) first++;
  // An opening pipe only opens the row, a closing one only ends it.
  const opened = text.charCodeAt(first) === 124;
  const inner = pipeAt(text, last - 1) && last - 1 > first ? last - 1 : last;
  const cells: Cell[] = [];
  let from = opened ? first + 1 : first;
  for (let i = from; i <= inner; i++) {
    if (i < inner && !pipeAt(text, i)) continue;
    let s = from;
    let e = i;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    cells.push({ text: text.slice(s, e), start: offset + s, end: offset + e });
    from = i + 1;
  }
  return cells;
}

/** Whether `i` holds a pipe that splits cells: one not escaped (an odd run of backslashes before it). */
function pipeAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 124) return false;
  let slashes = 0;
  while (i - slashes - 1 >= 0 && text.charCodeAt(i - slashes - 1) === 92) slashes++;
  return slashes % 2 === 0;
}

function alignOf(delimiter: string): AlignType {
  const left = delimiter.startsWith(':');
  const right = delimiter.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function row(cells: Cell[], line: Line, at: (offset: number) => Point, inline: ReadonlyMap<Cell, PhrasingContent[]>): TableRow {
  const children = cells.map((cell): TableCell => ({
    type: 'tableCell',
    children:
      inline.get(cell) ??
      (cell.text
        ? [{ type: isCommentCell(cell.text) ? 'html' : 'text', value: cell.text, position: { start: at(cell.start), end: at(cell.end) } }]
        : []),
    position: { start: at(cell.start), end: at(cell.end) },
  }));
  return { type: 'tableRow', children, position: { start: at(line.offset), end: at(line.offset + line.text.length) } };
}
