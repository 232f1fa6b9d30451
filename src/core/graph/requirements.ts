// Requirement ids inside a document (a PRD's `FR-1`, `FR-2`…), the targets of `implements: [PRD-12#FR-1]`.
//
// The convention (docs/traceability.md): a type whose x-pmdocs block (or docTypes entry) sets
// `requirementIdPrefix` (built-in PRD: "FR-") declares a requirement wherever its body has
//   - a pipe-table row whose first cell is the id (`| FR-1 | Export … | Must |`), or
//   - a list item that starts with the id (`- FR-1: Export … (Must)`, `- **FR-2** [Should] …`).
// An id is the prefix and a number, optionally dotted (`FR-3.1`). The priority comes from the table's
// Priority (or MoSCoW) column, or a MoSCoW tag in the list item, as moscow-must-overload reads them.
// Read from the lines, not the Markdown tree, so that indexing a workspace never parses a body; fenced
// code is skipped. The first occurrence of an id counts (a repeated id is the document's own mistake).

import { tableIn } from '../document/pipeTable.js';
import { listItemMoscow, moscowValue, type Moscow } from '../rules/moscow-must-overload.js';

export interface Requirement {
  id: string;
  /** MoSCoW priority, when the row or item states one. */
  priority?: Moscow;
  /** The requirement's wording, shortened (for trees and reports). */
  text?: string;
  /** 0-based line of the id. */
  line: number;
  /** Offsets of the id in the document text. */
  start: number;
  end: number;
}

const PRIORITY_HEADER = /^(?:moscow(?:\s+priority)?|prio(?:rity)?(?:\s*\(moscow\))?)$/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MAX_TEXT = 120;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, { cell: RegExp; item: RegExp }>();
function patternsFor(prefix: string): { cell: RegExp; item: RegExp } {
  let p = patterns.get(prefix);
  if (!p) {
    const id = `${escapeRegExp(prefix)}\\d{1,6}(?:\\.\\d{1,6})*`;
    p = {
      cell: new RegExp(`^(?:\\*\\*|__|\`)?(${id})(?:\\*\\*|__|\`)?$`),
      item: new RegExp(
        `^([ \\t]*(?:>[ \\t]*)*(?:[-*+]|\\d{1,9}[.)])[ \\t]+(?:\\[[ xX]\\][ \\t]+)?(\\*\\*|__|\`)?)(${id})\\2?(?=[\\s:.)–—-]|$)`,
      ),
    };
    patterns.set(prefix, p);
  }
  return p;
}

/** The requirements declared in `text` after `bodyStart` (the end of the front matter), in document order. */
export function requirementsIn(text: string, bodyStart: number, prefix: string): Requirement[] {
  const { cell, item } = patternsFor(prefix);
  const out: Requirement[] = [];
  const seen = new Set<string>();
  const add = (r: Requirement) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    out.push(r);
  };
  if (!text.includes(prefix, bodyStart)) return out;
  let fence: string | undefined;
  let table: { start: number; line: number } | undefined;
  let lineNo = countLines(text, 0, bodyStart);
  const flushTable = (end: number) => {
    if (!table) return;
    readTable(text, table.start, end, table.line, cell, add);
    table = undefined;
  };
  for (let at = bodyStart; at <= text.length; lineNo++) {
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    const line = text.slice(at, next).replace(/\r$/, '');
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && !line.slice(f[0].length).trim()) fence = undefined;
    } else if (f) {
      flushTable(at);
      fence = f[1];
    } else if (line.includes('|') && line.trim()) {
      table ??= { start: at, line: lineNo };
    } else {
      flushTable(at);
      const m = item.exec(line);
      if (m) {
        const start = at + m[1]!.length;
        const id = m[3]!;
        const rest = line
          .slice(m[0].length)
          .replace(/^(?:\*\*|__|`)/, '')
          .replace(/^[\s:.)–—-]+/, '')
          .trim();
        const priority = listItemMoscow(rest);
        add({ id, ...(priority ? { priority } : {}), ...short(rest), line: lineNo, start, end: start + id.length });
      }
    }
    at = next + 1;
  }
  flushTable(text.length);
  return out;
}

function readTable(text: string, start: number, end: number, firstLine: number, cell: RegExp, add: (r: Requirement) => void): void {
  const paragraph = {
    type: 'paragraph' as const,
    children: [],
    position: { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } },
  };
  const table = tableIn(paragraph, text);
  if (!table) return;
  const header = table.header.cells.map((c) => c.text.replace(/[*_`]/g, '').trim());
  const priorityColumn = header.findIndex((h) => PRIORITY_HEADER.test(h));
  for (const row of table.rows) {
    const first = row.cells[0];
    const m = first ? cell.exec(first.text) : null;
    if (!first || !m) continue;
    const id = m[1]!;
    const idStart = first.start + first.text.indexOf(id);
    const p = priorityColumn > 0 ? moscowValue(row.cells[priorityColumn]?.text ?? '') : undefined;
    const wording = row.cells.find((c, i) => i > 0 && i !== priorityColumn && c.text.trim());
    add({
      id,
      ...(p && p !== 'unset' ? { priority: p } : {}),
      ...short(wording?.text ?? ''),
      line: firstLine + countLines(text, start, row.start),
      start: idStart,
      end: idStart + id.length,
    });
  }
}

function short(text: string): { text?: string } {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return {};
  return { text: t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t };
}

function countLines(text: string, from: number, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
