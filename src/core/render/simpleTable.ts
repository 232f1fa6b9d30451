// A GFM table whose cells hold nothing but plain text, built for the preview straight from its lines
// instead of a micromark parse. Why: micromark costs about 5 µs a character on table rows, so documents
// made of tables were the slowest renders the fuzzer found (165–262 KB: 0.8–1.3 s); building one from its
// lines costs what splitting them costs.
//
// Only a table that one micromark parse would read exactly so is built here: a top-level paragraph of
// the engine's CommonMark tree (so no container, code or lazy line is involved) whose every line opens
// with a pipe (so each is a row, and the table ends where the paragraph does), with a delimiter row of as
// many cells as its header, and no character in any cell that inline Markdown or GFM reads (escapes,
// code, emphasis, links, HTML, entities, strikethrough, autolink literals). Anything else returns
// undefined and goes to micromark. test/unit/render-chunks.test.ts holds these to one parse's HTML.

import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';

const PIPE_ROW = /^ {0,3}\|/;
/** A GFM table's delimiter row (`|---|:-:|`), one line without its line break. */
export const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/**
 * Characters that can start inline syntax (CommonMark or GFM), or that micromark rewrites (NUL); `<`
 * apart (below). A backslash anywhere rules the table out: it could escape a pipe.
 */
const INLINE_SYNTAX = /[\\`*_[\]&~@\0]|:\/\/|www\./i;
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

/** `source` is [start, end) of a paragraph; `at(offset)` its line and column. */
export function simpleTable(text: string, start: number, end: number, at: (offset: number) => Point): Table | undefined {
  if (text.slice(start, end).includes('\\')) return undefined;
  const lines = linesOf(text, start, end);
  if (lines.length < 2) return undefined;
  // A row that is a lone pipe micromark may not read as a row (it does not, as a header): left to it.
  for (const line of lines) if (!PIPE_ROW.test(line.text) || line.text.trim().length < 2) return undefined;
  if (!DELIMITER_ROW.test(lines[1]!.text)) return undefined;
  const header = cellsOf(lines[0]!);
  const delimiter = cellsOf(lines[1]!);
  if (header.length !== delimiter.length) return undefined;
  const align = delimiter.map((cell) => alignOf(cell.text));
  const cells = [header, ...lines.slice(2).map(cellsOf)];
  if (!cells.every((r) => r.every((cell) => plainCell(cell.text)))) return undefined;
  const rows = [lines[0]!, ...lines.slice(2)].map((line, i) => row(cells[i]!, line, at));
  return { type: 'table', align, children: rows, position: { start: at(start), end: at(end) } };
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

/** The cells between pipes, trimmed (a leading and a trailing pipe make no cell). No escapes: none are left. */
function cellsOf(line: Line): Cell[] {
  const { text, offset } = line;
  let last = text.length;
  while (last > 0 && isBlank(text.charCodeAt(last - 1))) last--;
  let first = 0;
  while (first < last && text.charCodeAt(first) === 32) first++;
  // Every row opens with a pipe here; a closing one only ends the row.
  const inner = text.charCodeAt(last - 1) === 124 && last - 1 > first ? last - 1 : last;
  const cells: Cell[] = [];
  let from = first + 1;
  for (let i = from; i <= inner; i++) {
    if (i < inner && text.charCodeAt(i) !== 124) continue;
    let s = from;
    let e = i;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    cells.push({ text: text.slice(s, e), start: offset + s, end: offset + e });
    from = i + 1;
  }
  return cells;
}

function alignOf(delimiter: string): AlignType {
  const left = delimiter.startsWith(':');
  const right = delimiter.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function row(cells: Cell[], line: Line, at: (offset: number) => Point): TableRow {
  const children = cells.map((cell): TableCell => ({
    type: 'tableCell',
    children: cell.text
      ? [{ type: isCommentCell(cell.text) ? 'html' : 'text', value: cell.text, position: { start: at(cell.start), end: at(cell.end) } }]
      : [],
    position: { start: at(cell.start), end: at(cell.end) },
  }));
  return { type: 'tableRow', children, position: { start: at(line.offset), end: at(line.offset + line.text.length) } };
}
