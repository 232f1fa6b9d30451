// Goals and success metrics say how far, not just which way. In the sections whose role is `goals` or
// `success-metrics` (a PRD's Goals and Success metrics, under any synonym) every list item and every
// table row is one goal or metric; one with no number and no explicit target ("Improve onboarding
// experience") is reported on its text. So is a front-matter metric (the success-metrics section's
// `satisfiedBy` key, a PRD's `success_metrics`) whose target only says which way ("higher").
// Conservative on purpose: prose introducing a list is not a goal, any digit counts as a number, an item
// with a link may keep its numbers behind it, a TBD is unresolved-at-approval's and empty-section's.
// Option `directionWords` (a word list) edits which words only say "which way".

import type { ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { walkBlocks } from '../document/walk.js';
import { isMap, isScalar, isSeq } from 'yaml';
import type { SectionSpec } from '../doctypes/docType.js';
import { normalizeHeading, plainText, type Section } from '../document/sections.js';
import type { Span } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { findAllSections } from './sections/find.js';
import { flattenInline, spanOf } from '../document/inlineText.js';
import {
  DIRECTION_WORDS,
  directionPattern,
  isRowLabel,
  measure,
  measureTarget,
  withoutLabel,
  type Measure,
} from './heuristics/measurable.js';
import { resolveWordList, type WordListOption } from '../config/wordList.js';
import { tableIn } from '../document/pipeTable.js';
import { excerpt } from '../document/blocks.js';
import { specForHeading, specsWithRole } from './sections/specs.js';

export type GoalOptions = {
  /** Words that say which way, not how far. */
  directionWords?: WordListOption;
};
type Ctx = RuleContext<GoalOptions>;

/** The direction pattern for these options (the built-in one when nothing is configured). */
function directionOf(ctx: Ctx): RegExp {
  return directionPattern(resolveWordList(ctx.options.directionWords, DIRECTION_WORDS));
}

const ROLES = { goals: 'Goal', 'success-metrics': 'Success metric' } as const;
type Role = keyof typeof ROLES;

const SHAPE = "add a baseline and a target, e.g. 'activation from 32 % to 45 % by Q3'";
const ID_HEADER = /^(?:#|id|no\.?|nr\.?|ref|key|number)$/i;

const rule: Rule<GoalOptions> = {
  id: 'goal-unmeasurable',
  description: 'Each goal and success metric carries a number or an explicit target, not just a direction ("Improve onboarding").',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check(ctx) {
    const seen = new Set<Nodes>();
    for (const role of Object.keys(ROLES) as Role[]) {
      for (const spec of specsWithRole(ctx.docType, role)) {
        for (const section of findAllSections(ctx, spec)) readSection(ctx, section, role, seen);
        if (role === 'success-metrics') frontMatterMetrics(ctx, spec);
      }
    }
  },
};

/**
 * The section's lists and tables, skipping sub-sections that are another section of the type
 * (`### Non-goals` under `## Goals`; a nested `### Success metrics` is read as metrics on its own);
 * sub-sections the type does not know (`### Business goals`) count.
 */
function readSection(ctx: Ctx, section: Section, role: Role, seen: Set<Nodes>): void {
  let skipBelow = 0; // depth of the foreign sub-section being skipped, 0 when none
  for (const node of section.content) {
    if (node.type === 'heading') {
      if (skipBelow && node.depth > skipBelow) continue;
      skipBelow = 0;
      const spec = specForHeading(ctx.docType, normalizeHeading(plainText(node)));
      if (spec && spec.role !== role) skipBelow = node.depth; // read under its own role, if it has one
      continue;
    }
    if (!skipBelow) readBlock(ctx, node, role, seen);
  }
}

/** A list's top-level items and a table's rows (through block quotes), each read once. */
function readBlock(ctx: Ctx, node: RootContent, role: Role, seen: Set<Nodes>): void {
  walkBlocks([node], (n) => {
    if (seen.has(n)) return false;
    seen.add(n);
    if (n.type === 'list') {
      for (const item of n.children) readItem(ctx, item, role);
      return false;
    }
    if (n.type === 'paragraph') readTable(ctx, n, role);
  });
}

/** One top-level item is one goal: its nested items are its details (a metric under a goal). */
function readItem(ctx: Ctx, item: ListItem, role: Role): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph' || containsLink(item)) return;
  const flat = flattenInline(first, ctx.doc.text);
  const lead = flat.text.length - flat.text.trimStart().length;
  const trail = flat.text.trimEnd().length;
  if (trail <= lead) return;
  const whole = withoutLabel(plainText(item).trim());
  const m = measure(whole, directionOf(ctx));
  if (m.kind === 'measurable' || m.kind === 'unwritten') return;
  report(ctx, spanOf(flat, lead, trail), role, flat.text.slice(lead, trail), m);
}

function readTable(ctx: Ctx, paragraph: Paragraph, role: Role): void {
  const table = tableIn(paragraph, ctx.doc.text);
  if (!table) return;
  const labelled = ID_HEADER.test(table.header.cells[0]?.text.replace(/[*_`]/g, '').trim() ?? '');
  for (const row of table.rows) {
    const cells = row.cells.filter((c, i) => c.text.trim() !== '' && !(i === 0 && labelled && isRowLabel(c.text)));
    if (!cells.length) continue;
    const raw = ctx.doc.text.slice(cells[0]!.start, cells[cells.length - 1]!.end);
    if (/\]\(|\]\[|<https?:/.test(raw)) continue; // a link: the numbers may live behind it
    const text = cells.map((c) => c.text).join(' | ');
    const m = measure(text.replace(/<!--.*?-->/g, ''), directionOf(ctx));
    if (m.kind === 'measurable' || m.kind === 'unwritten') continue;
    report(ctx, { start: cells[0]!.start, end: cells[cells.length - 1]!.end }, role, text, m);
  }
}

function report(ctx: Ctx, span: Span, role: Role, text: string, m: Measure): void {
  const quoted = excerpt(text.replace(/<!--.*?-->/g, ''), 60);
  const what = m.kind === 'direction' ? `says which way ('${m.word}') but not how far` : 'has no number or target';
  ctx.report({ ...span, message: `${ROLES[role]} '${quoted}' ${what}: ${SHAPE}.`, actual: quoted });
}

function containsLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  return 'children' in node && (node.children as Nodes[]).some(containsLink);
}

/** Front-matter metrics: `target` strings that only give a direction, on the value. */
function frontMatterMetrics(ctx: Ctx, spec: SectionSpec): void {
  const key = spec.satisfiedBy;
  const fm = ctx.doc.frontMatter;
  if (typeof key !== 'string' || !fm?.yaml || fm.problems.length) return;
  const list = fm.yaml.get(key, true);
  if (!isSeq(list)) return;
  list.items.forEach((entry, i) => {
    if (!isMap(entry)) return;
    const target = entry.get('target', true);
    if (!isScalar(target) || typeof target.value !== 'string') return;
    const m = measureTarget(target.value, directionOf(ctx));
    if (m.kind !== 'direction') return;
    const span = ctx.frontMatterSpan([key, i, 'target']);
    if (!span) return;
    const name = entry.get('name');
    const which = typeof name === 'string' && name.trim() ? ` of success metric '${excerpt(name, 40)}'` : '';
    ctx.report({
      ...span,
      message: `Target '${excerpt(target.value, 40)}'${which} says which way ('${m.word}') but not how far: expected the value that means success, e.g. 'target: 45%' with 'baseline: 32%'.`,
      actual: target.value,
    });
  });
}

export default rule;
