// MoSCoW in the requirements section (the type's section with role `requirements`): DSDM keeps the Must
// share of a timebox at or below 60 % (option `mustShare`), so some Shoulds and Coulds can be dropped
// when estimates slip.
// Priorities are read from pipe tables with a Priority (or MoSCoW) column and from list items tagged
// `Must:`, `**Must**`, `[Must]`, `(Must)` or `… (Must)`. More than 60 % Must among at least 5 Must/Should/
// Could items is one finding on the first table's header (or first tagged item); a Priority cell that is
// not a MoSCoW value is reported on the cell, when the column otherwise uses MoSCoW.

import type { ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { walkBlocks } from '../document/walk.js';
import type { Span } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { findAllSections } from './sections/find.js';
import { tableIn, type TableCell } from '../document/pipeTable.js';
import { specsWithRole } from './sections/specs.js';

export type Moscow = 'must' | 'should' | 'could' | 'wont';

export type MoscowOptions = {
  /** The largest Must share allowed, 0 < share ≤ 1. */
  mustShare: number;
  /** Judge the share only from this many Must/Should/Could items on. */
  minItems: number;
};
const EXPECTED = "Must, Should, Could or Won't";

const PRIORITY_HEADER = /^(?:moscow(?:\s+priority)?|prio(?:rity)?(?:\s*\(moscow\))?)$/i;
// A MoSCoW word, optionally "have" and a note in parentheses: "Must", "must-have", "Won't have (v2)", "M".
const VALUE = /^(must|should|could|won'?t|will not|[mscw])(?:[\s-]+have)?(?:\s+this\s+time)?(?:\s*\([^()]*\))?$/;
// Not prioritised yet: nothing to judge here (unresolved-at-approval reports a TBD once it matters).
const UNSET = /^(?:|[-–—?]+|n\/?a|tbd|tbc|todo)$/;

const TAG = String.raw`(must|should|could|won'?t|wont)(?:[ -]have)?`;
const LIST_TAGS = [
  new RegExp(String.raw`^[\[(]${TAG}[\])]`, 'i'), // [Must] …, (Must) …
  new RegExp(String.raw`^(\*\*|__|\*|_)${TAG}:?\1`, 'i'), // **Must** …, _Must:_ …
  new RegExp(String.raw`^${TAG}\s*(?::|\s[-–—]\s)`, 'i'), // Must: …, Must – …
  new RegExp(String.raw`[\[(]${TAG}[\])][.!]?$`, 'i'), // … (Must)
  new RegExp(String.raw`(\*\*|__)${TAG}\1[.!]?$`, 'i'), // … **Must**
  new RegExp(String.raw`\s[-–—]\s${TAG}[.!]?$`, 'i'), // … — Must
];

/** The MoSCoW tag of a list item's first line (`Must: …`, `[Should] …`, `… (Could)`), if it has one. */
export function listItemMoscow(line: string): Moscow | undefined {
  for (const re of LIST_TAGS) {
    const m = re.exec(line);
    if (!m) continue;
    const tag = moscowValue(m.slice(1).find((g) => g && /[a-z]/i.test(g))!);
    return tag && tag !== 'unset' ? tag : undefined;
  }
  return undefined;
}

export function moscowValue(cell: string): Moscow | 'unset' | undefined {
  const v = cell
    .replace(/[*_~`]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim()
    .toLowerCase();
  if (UNSET.test(v)) return 'unset';
  const m = VALUE.exec(v);
  if (!m) return undefined;
  const w = m[1]!;
  return w.startsWith('m') ? 'must' : w.startsWith('s') ? 'should' : w.startsWith('c') ? 'could' : 'wont';
}

interface Count {
  must: number;
  should: number;
  could: number;
  wont: number;
  /** Where the overload is reported: the first prioritised table's header row or tagged list item. */
  anchor?: Span;
}

const rule: Rule<MoscowOptions> = {
  id: 'moscow-must-overload',
  description: 'At most 60 % of the prioritised requirements are Must (DSDM), and Priority cells hold MoSCoW values.',
  defaultSeverity: 'warning',
  defaultOptions: { mustShare: 0.6, minItems: 5 },
  check(ctx) {
    const { mustShare, minItems } = ctx.options;
    const count: Count = { must: 0, should: 0, could: 0, wont: 0 };
    const seen = new Set<Nodes>();
    for (const spec of specsWithRole(ctx.docType, 'requirements')) {
      for (const section of findAllSections(ctx, spec)) {
        visitBlocks(ctx, section.content, count, seen);
      }
    }
    const total = count.must + count.should + count.could;
    // Compared in whole per-mille steps, so 3 of 5 is exactly 60 % and not over it by a rounding error.
    const most = Math.floor(total * mustShare + 1e-9);
    if (total < minItems || count.must <= most || !count.anchor) return;
    const percent = Math.round((count.must * 100) / total);
    const limit = `${Math.round(mustShare * 1000) / 10} %`;
    const why =
      mustShare === 0.6 ? 'DSDM keeps Must at or below 60 % so there is contingency' : `this workspace keeps Must at or below ${limit}`;
    ctx.report({
      ...count.anchor,
      message: `${count.must} of ${total} requirements (${percent} %) are Must: ${why}; expected at most ${most} Must, the rest Should or Could.`,
      expected: [`at most ${most} Must`],
      actual: `${count.must} Must`,
    });
  },
};

/** Tables and tagged list items, each read once however many sections hold it. */
function visitBlocks(ctx: RuleContext<MoscowOptions>, nodes: readonly RootContent[], count: Count, seen: Set<Nodes>): void {
  walkBlocks(nodes, (node) => {
    if (seen.has(node)) return false;
    seen.add(node);
    if (node.type === 'paragraph') readTable(ctx, node, count);
    else if (node.type === 'listItem') readListItem(ctx, node, count, seen);
  });
}

function readTable(ctx: RuleContext<MoscowOptions>, paragraph: Paragraph, count: Count): void {
  const table = tableIn(paragraph, ctx.doc.text);
  if (!table) return;
  const column = table.header.cells.findIndex((c) => PRIORITY_HEADER.test(c.text.replace(/[*_`]/g, '').trim()));
  if (column < 0) return;
  const cells = table.rows.map((r) => r.cells[column]).filter((c): c is TableCell => !!c);
  const values = cells.map((c) => moscowValue(c.text));
  const moscow = values.filter((v) => v && v !== 'unset').length;
  const other = values.filter((v) => v === undefined).length;
  // A column on another scale (P0–P3, High/Low) is not MoSCoW: neither counted nor reported.
  if (moscow === 0 || other > moscow) return;
  values.forEach((v, i) => {
    const cell = cells[i]!;
    if (v === undefined) {
      ctx.report({
        start: cell.start,
        end: cell.end,
        message: `Priority '${cell.text}' is not a MoSCoW value: expected ${EXPECTED}.`,
        expected: EXPECTED.split(/, | or /),
        actual: cell.text,
      });
    } else if (v !== 'unset') {
      count[v]++;
    }
  });
  count.anchor ??= { start: table.header.start, end: table.header.end };
}

/** The item's tag (`**Must**`, `(M)`, …) on its first line; its first paragraph is not read again as a table. */
function readListItem(ctx: RuleContext<MoscowOptions>, item: ListItem, count: Count, seen: Set<Nodes>): void {
  const first = item.children[0];
  if (first?.type === 'paragraph') {
    seen.add(first);
    const start = first.position?.start.offset;
    const end = first.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      const raw = ctx.doc.text.slice(start, end);
      const lineEnd = raw.search(/\r\n|\n|\r/);
      const line = (lineEnd < 0 ? raw : raw.slice(0, lineEnd)).replace(/^\[[ xX]\]\s+/, '').trimEnd();
      const wholeItem = lineEnd < 0 ? line : raw.replace(/\s+/g, ' ').trim();
      for (const re of LIST_TAGS) {
        const m = re.exec(re.source.startsWith('^') ? line : wholeItem);
        if (!m) continue;
        const tag = moscowValue(m.slice(1).find((g) => g && /[a-z]/i.test(g))!);
        if (tag && tag !== 'unset') {
          count[tag]++;
          const lineText = (lineEnd < 0 ? raw : raw.slice(0, lineEnd)).replace(/(?:\s*<!--.*?-->)+\s*$/, '').trimEnd();
          count.anchor ??= { start, end: start + lineText.length };
        }
        break;
      }
    }
  }
}

export default rule;
