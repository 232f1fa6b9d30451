// GFM pipe tables read straight from the source lines of a paragraph: the lint parse is CommonMark, so
// a table reaches the rules as one paragraph. One pass over the lines, one pass over each row's
// characters (an 8,700-row table costs what its text costs). Cells keep their document offsets.

import type { Paragraph } from 'mdast';
import type { Span } from '../types.js';

export interface TableCell extends Span {
  /** The cell as written, trimmed, with `\|` read as `|`. */
  text: string;
}

export interface TableRow extends Span {
  cells: TableCell[];
}

export interface PipeTable {
  header: TableRow;
  rows: TableRow[];
}

/** `|---|:--:|`, `--- | ---`: dashes with optional colons between pipes. */
const DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** Block-quote markers and indentation in front of a paragraph's continuation lines. */
const LINE_PREFIX = /^(?:[ \t]*>)*[ \t]*/;

/**
 * The table in a paragraph, if it holds one: a header row, a delimiter row with as many cells, then
 * every further line of the paragraph as a row (as GFM reads it). Lines before the header are prose.
 */
// Several rules and the requirement reader ask about the same paragraphs: each is split once.
const tables = new WeakMap<Paragraph, PipeTable | null>();

export function tableIn(paragraph: Paragraph, source: string): PipeTable | undefined {
  let table = tables.get(paragraph);
  if (table === undefined) tables.set(paragraph, (table = readTable(paragraph, source) ?? null));
  return table ?? undefined;
}

function readTable(paragraph: Paragraph, source: string): PipeTable | undefined {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const pipe = source.indexOf('|', start);
  if (pipe === -1 || pipe >= end) return undefined;
  const lines = linesOf(source, start, end);
  for (let i = 1; i < lines.length; i++) {
    const delimiter = lines[i]!;
    if (!DELIMITER.test(delimiter.text) || !delimiter.text.includes('-')) continue;
    const header = splitRow(lines[i - 1]!);
    const width = splitRow(delimiter).cells.length;
    if (header.cells.length !== width || (!delimiter.text.includes('|') && !lines[i - 1]!.text.includes('|'))) continue;
    return { header, rows: lines.slice(i + 1).map(splitRow) };
  }
  return undefined;
}

interface Line {
  text: string;
  offset: number;
}

function linesOf(source: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let at = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? source.charCodeAt(i) : -1;
    if (c !== 10 && c !== 13 && c !== -1) continue;
    const raw = source.slice(at, i);
    const cut = LINE_PREFIX.exec(raw)![0].length;
    out.push({ text: raw.slice(cut).trimEnd(), offset: at + cut });
    if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
    at = i + 1;
  }
  return out;
}

/** Cells between unescaped pipes; a leading and a trailing pipe do not make empty cells. */
function splitRow(line: Line): TableRow {
  const { text, offset } = line;
  const cells: TableCell[] = [];
  const push = (from: number, to: number) => {
    // The raw cell is text[from, to); its span leaves out the padding.
    while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
    while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
    const raw = text.slice(from, to);
    cells.push({ text: raw.includes('\\|') ? raw.replace(/\\\|/g, '|') : raw, start: offset + from, end: offset + to });
  };
  let cellStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124 /* | */) {
      push(cellStart, i);
      cellStart = i + 1;
    }
  }
  const trailingPipe = cellStart === text.length && text.length > 0;
  push(cellStart, text.length);
  if (text.startsWith('|')) cells.shift();
  if (trailingPipe && cells.length > 1) cells.pop();
  return { cells, start: offset, end: offset + text.length };
}
