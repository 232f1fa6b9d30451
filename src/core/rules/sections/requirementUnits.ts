// Where requirements live, as units of text for the requirement-language rules: every list item and
// every requirement cell of a table in a section whose role holds requirements (a PRD's Requirements,
// Goals and Success metrics, a story's Acceptance criteria, any workspace section marked so), and every
// Gherkin step there; every paragraph of a hypothesis section (an experiment's "We believe that …");
// with `criteria_style: ears`, every line of a requirement section's prose that says "shall" (an EARS
// sentence), whose When/While/If/Where opener is a condition, not a Gherkin keyword. Other prose (an
// introduction to the list) and other sections (Problem, Context, Non-goals) are never read. Computed
// once per document and shared by all those rules: each requirement is tokenised once.

import type { Paragraph, RootContent } from 'mdast';
import { walkBlocks } from '../../document/walk.js';
import type { SectionRole } from '../../doctypes/docType.js';
import { normalizeHeading, plainText, type Section } from '../../document/sections.js';
import { tokenize, type Tokens } from '../../language/match.js';
import type { RuleContext } from '../rule.js';
import { findAllSections } from './find.js';
import { classify, codeBlockLines, isGherkinBlock } from '../../document/gherkin.js';
import { tableIn } from '../../document/pipeTable.js';
import { specForHeading, specsWithRole } from './specs.js';
import { splitLines } from '../../document/lines.js';
import { criteriaStyle } from '../ears-malformed.js';

/** Section roles whose items are requirements (read by the language rules). */
export const REQUIREMENT_ROLES: readonly SectionRole[] = ['requirements', 'goals', 'success-metrics', 'acceptance-criteria', 'hypothesis'];
const isRequirementRole = (role: string | undefined): boolean => (REQUIREMENT_ROLES as readonly string[]).includes(role ?? '');

export interface RequirementUnit {
  kind: 'item' | 'cell' | 'step';
  /**
   * The source text of the requirement, offsets kept: markup a reader does not read as words (HTML
   * comments, code spans, link targets, placeholders such as `<the outcome>`) is blanked to spaces.
   */
  text: string;
  /** Where `text` starts in the document. */
  offset: number;
  tokens: Tokens;
  /** Index of the first token of the requirement proper: after an id, a MoSCoW tag or a Gherkin keyword. */
  body: number;
  /** The Gherkin keyword the unit starts with, lower case ("given", "then"…), if any. */
  keyword?: string;
}

// Table columns that hold no requirement text: ids, priorities, owners, dates, sizes, links; and remarks
// about the requirement (Notes, Comments), which are not its wording.
const NON_TEXT_HEADER =
  /^(?:#|id|no\.?|nr\.?|ref|key|number|prio(?:rity)?|moscow(?: priority)?|status|owner|assignee|effort|estimate|size|points|story points|release|version|date|due(?: date)?|deadline|target date|ticket|issue|link|jira|epic|stories|story|type|kind|category|area|team|baseline|source|notes?|comments?|remarks?)$/i;
const MOSCOW_CELL = /^(?:must|should|could|won'?t|wont|will not|[mscw])(?:[\s-]+have)?$/i;

const cache = new WeakMap<object, RequirementUnit[]>();

export function requirementUnits(ctx: RuleContext): RequirementUnit[] {
  let units = cache.get(ctx.doc);
  if (units) return units;
  units = [];
  const read: Reading = { ctx, seen: new Set(), out: units, ears: criteriaStyle(ctx) === 'ears', role: 'requirements' };
  for (const role of REQUIREMENT_ROLES) {
    read.role = role;
    for (const spec of specsWithRole(ctx.docType, role)) {
      for (const section of findAllSections(ctx, spec)) readSection(read, section);
    }
  }
  units.sort((a, b) => a.offset - b.offset);
  cache.set(ctx.doc, units);
  return units;
}

interface Reading {
  ctx: RuleContext;
  /** Start offsets of the paragraphs and code blocks read (nested sections overlap; numbers, not nodes, as keys). */
  seen: Set<number>;
  out: RequirementUnit[];
  /** `criteria_style: ears` (the document's, else its type's): "When …, the … shall …" is EARS, not Gherkin. */
  ears: boolean;
  /** The role of the section being read. */
  role: SectionRole;
}

/** Skips sub-sections that are another of the type's sections under a role not read here (`### Non-goals`). */
function readSection(read: Reading, section: Section): void {
  const { ctx, role } = read;
  let skipBelow = 0;
  for (const node of section.content) {
    if (node.type === 'heading') {
      if (skipBelow && node.depth > skipBelow) continue;
      skipBelow = 0;
      const spec = specForHeading(ctx.docType, normalizeHeading(plainText(node)));
      if (spec && spec.role !== role && !isRequirementRole(spec.role)) skipBelow = node.depth;
      continue;
    }
    if (!skipBelow) readBlock(read, node);
  }
}

/**
 * A list item's paragraphs are items; other paragraphs are tables, Given/When/Then (or EARS) lines, or in
 * a hypothesis section the statement itself; each node read once.
 */
function readBlock(read: Reading, node: RootContent): void {
  const { seen, out, ears } = read;
  const source = read.ctx.doc.text;
  walkBlocks([node], (n, parent) => {
    if (n.type !== 'paragraph' && n.type !== 'code') return;
    const at = n.position?.start.offset ?? -1;
    if (seen.has(at)) return;
    seen.add(at);
    if (n.type === 'paragraph') {
      if (readTable(n, source, out, ears)) return;
      if (parent?.type === 'listItem' || read.role === 'hypothesis')
        pushSource(out, 'item', source, n.position?.start.offset, n.position?.end.offset, ears);
      else readSteps(n, source, out, ears);
    } else if (isGherkinBlock(n)) {
      for (const line of codeBlockLines(n, source)) step(line.text, line.offset, true, out);
    }
  });
}

/** A table's requirement cells; false when the paragraph holds no table. */
function readTable(paragraph: Paragraph, source: string, out: RequirementUnit[], ears: boolean): boolean {
  const table = tableIn(paragraph, source);
  if (!table) return false;
  const textColumns = table.header.cells.map((c) => !NON_TEXT_HEADER.test(unemphasised(c.text)));
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      if (!textColumns[i] || !cell.text.trim() || MOSCOW_CELL.test(unemphasised(cell.text))) return;
      pushSource(out, 'cell', source, cell.start, cell.end, ears);
    });
  }
  return true;
}

/** A cell's text without emphasis or code marks, trimmed. */
const unemphasised = (text: string): string => (/[*_`]/.test(text) ? text.replace(/[*_`]/g, '') : text).trim();

/**
 * Given/When/Then lines of a prose paragraph (other prose is not a requirement); with EARS, the lines
 * that say "shall" instead.
 */
function readSteps(paragraph: Paragraph, source: string, out: RequirementUnit[], ears: boolean): void {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return;
  let at = start;
  for (const line of splitLines(source.slice(start, end))) {
    const lead = line.length - line.trimStart().length;
    if (!ears) step(line, at, false, out, lead);
    else if (SHALL.test(line)) push(out, 'item', line.slice(lead), at + lead, true);
    at += line.length + (source[at + line.length] === '\r' && source[at + line.length + 1] === '\n' ? 2 : 1);
  }
}

function step(text: string, offset: number, fenced: boolean, out: RequirementUnit[], lead = 0): void {
  const c = classify({ text: text.slice(lead), offset: offset + lead }, fenced);
  if (c.kind !== 'step') return;
  push(out, 'step', text.slice(lead), offset + lead);
}

function pushSource(
  out: RequirementUnit[],
  kind: RequirementUnit['kind'],
  source: string,
  start: number | undefined,
  end: number | undefined,
  ears = false,
): void {
  if (start !== undefined && end !== undefined && end > start) push(out, kind, source.slice(start, end), start, ears);
}

const SHALL = /\bshall\b/i;

// Markup whose characters are not words of the requirement; each is blanked to spaces (offsets kept).
// A short quoted string ("More", “Saved”) is mentioned, not used: a label, a message, a name.
const NOT_WORDS =
  /<!--[\s\S]*?(?:-->|$)|`[^`\n]*`|\]\([^)\n]*\)|<[^<>\n]{1,80}>|\[[A-Z][^[\]\n]{0,60}\](?!\()|\\\||"[^"\n]{1,40}"|“[^”\n]{1,40}”/g;
// A cheap first look (most requirements hold none of these characters) before the replace.
const MAYBE_NOT_WORDS = /[<`[\]\\"“]/;
const blank = (text: string): string => (MAYBE_NOT_WORDS.test(text) ? text.replace(NOT_WORDS, (m) => ' '.repeat(m.length)) : text);

// Leading labels that are not part of the requirement's wording. Sticky (y): each is tried where the
// label before it ended, without slicing the text.
const ID_LABEL = /\s*(?:[A-Z]{1,6}[-_]?\d+(?:\.\d+)*|\d+(?:\.\d+)*)[.):]?\s+/y;
const MOSCOW_LABEL =
  /\s*(?:[[(](?:must|should|could|won'?t)(?:[ -]have)?[\])]\s*|[*_]*(?:must|should|could|won'?t)(?:[ -]have)?[*_]*\s*(?::|[-–—]\s)[*_]*\s*)/iy;
const GHERKIN_HEADER =
  /\s*(?:\d{1,9}[.)]\s*)?[*_]{0,3}(?:scenario outline|scenario template|scenario|example|examples|scenarios|background|feature|rule)[*_]{0,3}\s*:/iy;
const GHERKIN = /\s*[*_]{0,3}(?:given|when|then|and|but|\*)\b[*_]{0,3}:?[*_]{0,3}\s*/iy;

/** The length of the match of a sticky pattern at `at`, or 0 (test, not exec: no match array to make). */
function matchedAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex - at : 0;
}

function push(out: RequirementUnit[], kind: RequirementUnit['kind'], raw: string, offset: number, ears = false): void {
  // A template placeholder ("<the outcome>", "[Project Name]") is not written yet: its words are not read.
  const text = blank(raw);
  // A scenario's or feature's title names it; its steps are the requirement.
  if (matchedAt(GHERKIN_HEADER, text, 0)) return;
  const tokens = tokenize(text);
  if (!tokens.length) return;
  let skip = matchedAt(ID_LABEL, text, 0);
  skip += matchedAt(MOSCOW_LABEL, text, skip);
  // In EARS, "When …, the system shall …" opens with a condition: the words are the requirement's.
  let keyword: string | undefined;
  if (!ears) {
    const gherkin = matchedAt(GHERKIN, text, skip);
    if (gherkin)
      keyword =
        text
          .slice(skip, skip + gherkin)
          .replace(/[^a-z]/gi, '')
          .toLowerCase() || undefined;
    skip += gherkin;
  }
  let body = 0;
  while (body < tokens.length && tokens.start(body) < skip) body++;
  out.push({ kind, text, offset, tokens, body, keyword });
}

// Which tokens start a sentence, worked out only for the units a rule asks about (most never are).
const sentenceStartsCache = new WeakMap<RequirementUnit, ReadonlySet<number>>();

/** Indexes of the tokens of a unit that start a sentence (its body's first token included). */
export function sentenceStarts(unit: RequirementUnit): ReadonlySet<number> {
  let starts = sentenceStartsCache.get(unit);
  if (starts) return starts;
  const { tokens, text, body } = unit;
  const set = new Set<number>([body]);
  for (let i = body + 1; i < tokens.length; i++) if (endsSentence(text, tokens.end(i - 1), tokens.start(i))) set.add(i);
  sentenceStartsCache.set(unit, (starts = set));
  return starts;
}

/** A sentence mark followed by white space between two words ("done. It", "done; it"; not "e.g" or "1.5"). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to - 1; k++) {
    const c = text.charCodeAt(k);
    if ((c === 46 || c === 33 || c === 63 || c === 59 || c === 58) && /\s/.test(text[k + 1]!)) return true;
  }
  return false;
}

/** The document span of text[start, end) of the unit. */
export const unitSpan = (unit: RequirementUnit, start: number, end: number) => ({ start: unit.offset + start, end: unit.offset + end });

/** One requirement from plain text (tests and tools that score the rules on bare sentences). */
export function unitOfText(text: string): RequirementUnit | undefined {
  const out: RequirementUnit[] = [];
  push(out, 'item', text, 0);
  return out[0];
}

/** The index of the sentence start at or before token i. */
export function sentenceOf(unit: RequirementUnit, i: number): { from: number; to: number } {
  const starts = sentenceStarts(unit);
  let from = i;
  while (from > unit.body && !starts.has(from)) from--;
  let to = i + 1;
  while (to < unit.tokens.length && !starts.has(to)) to++;
  return { from, to };
}
