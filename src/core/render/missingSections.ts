// Placeholders for required sections the document lacks, where they belong. The required-section rule
// already decides where a missing section goes (its quick fix inserts it there), so the preview reads
// that from the rule's findings: it shows what the linter reports, honours rule severity "off" and
// suppressions, and never disagrees with the quick fix about the place.

import type { Element, Root } from 'hast';
import type { LintResult } from '../engine.js';
import { h } from './hast.js';
import { LINE_BREAK } from '../document/lines.js';

export const REQUIRED_SECTION_RULE = 'required-section';

interface Missing {
  name: string;
  offset: number;
  line: number;
  template?: string;
  order: number;
}

export function missingSections(result: LintResult): Missing[] {
  const specs = result.docType?.sections ?? [];
  const textLength = result.doc.text.length;
  const out: Missing[] = [];
  for (const f of result.findings) {
    // A finding with `actual` is about a heading that is there (misspelt, or one level too deep): no placeholder.
    if (f.ruleId !== REQUIRED_SECTION_RULE || f.actual !== undefined) continue;
    const name = f.expected?.[0] ?? /'([^']+)'/.exec(f.message)?.[1];
    if (!name) continue;
    const offset = f.fixes?.[0]?.edits?.[0]?.start ?? textLength;
    const specIndex = specs.findIndex((s) => s.name === name);
    const template = specs[specIndex]?.template;
    out.push({ name, offset, line: result.doc.lines.pointAt(offset).line, template, order: specIndex < 0 ? specs.length : specIndex });
  }
  return out.sort((a, b) => a.offset - b.offset || a.order - b.order);
}

/** Inserts placeholders among the top-level nodes: before the first node that starts at or after the offset. */
export function insertPlaceholders(tree: Root, missing: Missing[], depth: number): void {
  if (missing.length === 0) return;
  const children = tree.children;
  const placed: (typeof children)[number][] = [];
  let m = 0;
  for (const node of children) {
    const start = node.position?.start.offset;
    while (m < missing.length && start !== undefined && start >= missing[m]!.offset) placed.push(placeholder(missing[m++]!, depth));
    placed.push(node);
  }
  // The rest go after the last node from the source (before a trailing footnote section, which has no position).
  let tail = placed.length;
  while (tail > 0 && placed[tail - 1]!.position === undefined && placed[tail - 1]!.type === 'element') tail--;
  placed.splice(tail, 0, ...missing.slice(m).map((x) => placeholder(x, depth)));
  tree.children = placed;
}

function placeholder(missing: Missing, depth: number): Element {
  const level = Math.min(Math.max(depth, 1), 6);
  return h(
    'section',
    { className: ['pmdocs-missing'], dataLine: missing.line, ariaLabel: `Missing section: ${missing.name}` },
    h(
      `h${level}`,
      { className: ['pmdocs-missing-heading'] },
      missing.name,
      ' ',
      h('span', { className: ['pmdocs-missing-badge'] }, 'missing'),
    ),
    missing.template && h('p', { className: ['pmdocs-missing-hint'] }, firstParagraph(missing.template)),
  );
}

/** The template's opening prose, without Markdown table or list syntax, as a hint. */
function firstParagraph(template: string): string {
  const text = template.split(/\r?\n\s*\r?\n/)[0] ?? '';
  return text
    .replace(/`{3}[\s\S]*$/, '')
    .split(LINE_BREAK)
    .filter((line) => !/^\s*\|/.test(line))
    .map((line) => line.replace(/^\s*[-*]\s+(\[ \]\s+)?/, ''))
    .join(' ')
    .trim()
    .slice(0, 300);
}
