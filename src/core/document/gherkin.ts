// A small, position-keeping reader for Given/When/Then scenarios, written two ways in product docs:
// in ```gherkin / ```feature blocks, and as plain lines of the acceptance-criteria section ("- Given …",
// "**When** …", "Scenario: …"). It only finds scenarios and their steps; the rules judge them.

import type { Code, Nodes, RootContent } from 'mdast';
import type { Span } from '../types.js';
import { walkBlocks } from './walk.js';
import { charsOrSpace, trimEndWhere, trimStartWhere } from './trim.js';

const EMPHASIS_OR_SPACE = charsOrSpace('*_');

export type StepKeyword = 'Given' | 'When' | 'Then' | 'And' | 'But' | '*';
export type Phase = 'Given' | 'When' | 'Then';

export interface Step extends Span {
  keyword: StepKeyword;
}

export interface Scenario {
  /** As written after `Scenario:`; undefined for an unnamed one or bare steps. */
  name?: string;
  /** The `Scenario:` line; undefined for bare steps. */
  header?: Span;
  outline: boolean;
  hasExamples: boolean;
  steps: Step[];
}

/** One source line: `text` starts at `offset` in the document (list markers, `>` and `#` already skipped). */
export interface Line {
  text: string;
  offset: number;
}

const STEP = /^[*_]{0,3}(Given|When|Then|And|But)\b[*_]{0,3}:?[*_]{0,3}\s+\S/i;
const FENCED_STAR_STEP = /^\*\s+\S/;
const HEADER = /^[*_]{0,3}(Scenario Outline|Scenario Template|Scenario|Example|Examples|Scenarios|Background|Feature|Rule)[*_]{0,3}\s*:/i;

export const GHERKIN_LANGS: ReadonlySet<string> = new Set(['gherkin', 'feature', 'cucumber']);

export const isGherkinBlock = (node: Nodes): node is Code => node.type === 'code' && GHERKIN_LANGS.has((node.lang ?? '').toLowerCase());

type Classified =
  { kind: 'step'; keyword: StepKeyword; span: Span } | { kind: 'header'; header: string; name: string; span: Span } | { kind: 'other' };

/** What a line is. Plain prose needs a capitalised keyword and no `Example:` (a common word in prose). */
export function classify(line: Line, fenced: boolean): Classified {
  const lead = line.text.length - line.text.trimStart().length;
  const text = line.text.slice(lead).trimEnd();
  const start = line.offset + lead;
  const span = { start: start + (text.length - text.replace(/^[*_]+/, '').length), end: start + text.length };
  const header = HEADER.exec(text);
  if (header) {
    const word = header[1]!;
    const canonical = word
      .toLowerCase()
      .replace(/^\w/, (c) => c.toUpperCase())
      .replace(/ (\w)/, (_, c: string) => ` ${c.toUpperCase()}`);
    if (!fenced && (!/^[A-Z]/.test(word) || canonical === 'Example')) return { kind: 'other' };
    const name = trimEndWhere(trimStartWhere(text.slice(header[0].length), EMPHASIS_OR_SPACE), EMPHASIS_OR_SPACE);
    return { kind: 'header', header: canonical, name, span };
  }
  const step = STEP.exec(text);
  if (step && /^[A-Z]/.test(step[1]!)) {
    const k = step[1]!;
    // "When I export, then a CSV downloads" in prose is a whole rule-style criterion, not one step.
    if (!fenced && /^(?:given|when)$/i.test(k) && /[,;]\s*then\b/i.test(text)) return { kind: 'other' };
    return { kind: 'step', keyword: (k[0]!.toUpperCase() + k.slice(1).toLowerCase()) as StepKeyword, span };
  }
  if (fenced && FENCED_STAR_STEP.test(text)) return { kind: 'step', keyword: '*', span };
  return { kind: 'other' };
}

/**
 * Scenarios in blocks of lines. `Scenario:` lines start one; bare steps form an implicit one, which a
 * `Given` after its `Then`, or (in prose) a block with no step in it, ends. Background steps are skipped.
 */
export function readScenarios(blocks: readonly Line[][], fenced: boolean): Scenario[] {
  const out: Scenario[] = [];
  let current: Scenario | undefined;
  let inBackground = false;
  let docString: string | undefined;
  let pendingName: string | undefined;
  const close = () => {
    if (current) out.push(current);
    current = undefined;
  };
  for (const block of blocks) {
    let blockHasGherkin = false;
    for (const line of block) {
      const trimmed = line.text.trim();
      if (fenced) {
        const fence = /^("""|```|~~~)/.exec(trimmed)?.[1];
        if (docString) {
          if (fence === docString) docString = undefined;
          continue;
        }
        if (fence) {
          docString = fence;
          continue;
        }
        if (trimmed.startsWith('#') || trimmed.startsWith('@') || trimmed.startsWith('|')) continue;
      }
      const c = classify(line, fenced);
      if (c.kind === 'header') {
        blockHasGherkin = true;
        if (c.header === 'Examples' || c.header === 'Scenarios') {
          if (current) current.hasExamples = true;
          continue;
        }
        close();
        inBackground = c.header === 'Background';
        if (c.header === 'Scenario' || c.header === 'Example' || c.header === 'Scenario Outline' || c.header === 'Scenario Template') {
          current = {
            name: c.name || undefined,
            header: c.span,
            outline: c.header.startsWith('Scenario ') && c.header !== 'Scenario',
            hasExamples: false,
            steps: [],
          };
        }
        pendingName = undefined;
        continue;
      }
      if (c.kind === 'step') {
        blockHasGherkin = true;
        if (inBackground) continue;
        if (current && !current.header && c.keyword === 'Given' && current.steps.some((s) => s.keyword === 'Then')) close();
        if (!current) {
          current = { name: pendingName, outline: false, hasExamples: false, steps: [] };
          pendingName = undefined;
        }
        current.steps.push({ keyword: c.keyword, ...c.span });
        continue;
      }
      // A short prose line just before bare steps names them ("**Empty state:**" or "### Empty state").
      if (!fenced && trimmed) pendingName = trimmed.length <= 80 ? trimmed.replace(/^[*_\s]+|[*_:\s]+$/g, '') || undefined : undefined;
    }
    // In prose, a paragraph without any step ends bare steps (it is usually the next scenario's title).
    if (!fenced && !blockHasGherkin && current && !current.header) close();
  }
  close();
  // Bare prose steps count as a scenario only with two different phases: a list of rule-style criteria
  // that happen to start with "When …" is not a scenario missing its Then.
  return fenced ? out : out.filter((s) => s.header || new Set(phases(s.steps).filter(Boolean)).size >= 2);
}

/** The effective phase of each step: And, But and * continue the previous one (undefined when first). */
export function phases(steps: readonly Step[]): (Phase | undefined)[] {
  let last: Phase | undefined;
  return steps.map((s) => (last = s.keyword === 'And' || s.keyword === 'But' || s.keyword === '*' ? last : s.keyword));
}

/** The lines of a fenced code block between its fences, with offsets in the document. */
export function codeBlockLines(node: Code, source: string): Line[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const lines = splitLines(source, start, end);
  lines.shift(); // the opening fence
  const last = lines[lines.length - 1];
  if (last && /^\s*(```|~~~)/.test(last.text)) lines.pop();
  return lines;
}

/** Prose lines of the nodes (paragraphs and headings, through lists and quotes), one block per paragraph. */
export function proseBlocks(nodes: readonly RootContent[], source: string): Line[][] {
  const blocks: Line[][] = [];
  walkBlocks(nodes, (n) => {
    if (n.type !== 'paragraph' && n.type !== 'heading') return;
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    if (start !== undefined && end !== undefined) blocks.push(splitLines(source, start, end).map(stripProsePrefix));
  });
  return blocks;
}

/** Fenced Gherkin blocks anywhere below the nodes. */
export function gherkinBlocks(nodes: readonly RootContent[]): Code[] {
  const out: Code[] = [];
  walkBlocks(nodes, (n) => {
    if (isGherkinBlock(n)) out.push(n);
  });
  return out;
}

function splitLines(source: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let at = start;
  const re = /\r\n|\n|\r/g;
  re.lastIndex = start;
  for (let m = re.exec(source); m && m.index < end; m = re.exec(source)) {
    out.push({ text: source.slice(at, m.index), offset: at });
    at = m.index + m[0].length;
  }
  if (at <= end) out.push({ text: source.slice(at, end), offset: at });
  return out;
}

// Block syntax in front of a prose line: indentation, quote markers, a list marker, a task box, heading hashes.
const PROSE_PREFIX = /^(?:\s*>)*\s*(?:(?:[-+*]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?(?:#{1,6}\s+)?/;

function stripProsePrefix(line: Line): Line {
  // HTML comments (suppressions, notes) become spaces, so they are not part of a step and offsets hold.
  const text = line.text.replace(/<!--.*?(?:-->|$)/g, (c) => ' '.repeat(c.length));
  const m = PROSE_PREFIX.exec(text);
  const cut = m ? m[0].length : 0;
  return { text: text.slice(cut), offset: line.offset + cut };
}
