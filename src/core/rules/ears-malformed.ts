// Requirements and acceptance criteria written in EARS (Easy Approach to Requirements Syntax), when the
// document or its type asks for it: front matter `criteria_style: ears`, else the type's
// `x-pmdocs.criteriaStyle: "ears"`. Each list item (and each cell of a Requirement / Criterion column of
// a pipe table) in the sections with the acceptance-criteria and requirements roles must be one of the
// five EARS sentences; one that is not is reported with the pattern it nearly matches (named by its
// opening word) and what is wrong with it, as gherkin-malformed does for Given/When/Then.

import type { ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { walkBlocks } from '../document/walk.js';
import { EARS_TEMPLATES, parseEars } from '../document/ears.js';
import { tableIn } from '../document/pipeTable.js';
import { plainText } from '../document/sections.js';
import type { Span } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { findAllSections } from './sections/find.js';
import { specsWithRole } from './sections/specs.js';

const TEXT_COLUMN = /^(?:requirements?|criteri(?:on|a)|acceptance criteri(?:on|a)|statement|description)$/i;
const MAX_SHOWN = 80;

const rule: Rule = {
  id: 'ears-malformed',
  description: 'With `criteria_style: ears`, each requirement and acceptance criterion is one of the five EARS sentence patterns.',
  defaultSeverity: 'warning',
  check(ctx) {
    if (criteriaStyle(ctx) !== 'ears') return;
    const text = ctx.doc.text;
    for (const role of ['acceptance-criteria', 'requirements'] as const) {
      for (const spec of specsWithRole(ctx.docType, role)) {
        for (const section of findAllSections(ctx, spec)) {
          for (const node of section.content as RootContent[]) visit(ctx, node, text);
        }
      }
    }
  },
};

/** The document's own choice wins over its type's. */
export function criteriaStyle(ctx: RuleContext): string | undefined {
  const own = ctx.data['criteria_style'];
  if (typeof own === 'string') return own;
  return ctx.docType?.criteriaStyle;
}

/** A list's items (checkItem goes into their sub-lists) and tables, through block quotes. */
function visit(ctx: RuleContext, node: Nodes, text: string): void {
  walkBlocks([node], (n) => {
    if (n.type === 'list') {
      for (const item of n.children) checkItem(ctx, item, text);
      return false;
    }
    if (n.type === 'paragraph') checkTable(ctx, n, text);
  });
}

function checkItem(ctx: RuleContext, item: ListItem, text: string): void {
  const first = item.children[0];
  if (first?.type === 'paragraph') {
    const start = first.position?.start.offset;
    const end = first.position?.end.offset;
    if (start !== undefined && end !== undefined) check(ctx, plainText(first), { start, end: lineEnd(text, start, end) });
  }
  for (const child of item.children.slice(1)) if (child.type === 'list') for (const sub of child.children) checkItem(ctx, sub, text);
}

function checkTable(ctx: RuleContext, paragraph: Paragraph, text: string): void {
  const table = tableIn(paragraph, text);
  if (!table) return;
  const column = table.header.cells.findIndex((c) => TEXT_COLUMN.test(c.text.replace(/[*_`]/g, '').trim()));
  if (column < 0) return;
  for (const row of table.rows) {
    const cell = row.cells[column];
    if (cell?.text.trim()) check(ctx, cell.text.replace(/[*_`]/g, ''), cell);
  }
}

function check(ctx: RuleContext, sentence: string, span: Span): void {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (!s) return;
  const result = parseEars(s);
  if (result.ok) return;
  const shown = s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
  ctx.report({
    ...span,
    message: `'${shown}' nearly matches the EARS ${result.pattern} pattern '${EARS_TEMPLATES[result.pattern]}', but ${result.problem}.`,
    expected: [EARS_TEMPLATES[result.pattern]],
    actual: shown,
  });
}

/** The first line of a paragraph: a finding on a wrapped item marks where it starts. */
function lineEnd(text: string, start: number, end: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 || nl > end ? end : nl;
}

export default rule;
