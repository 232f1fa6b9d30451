// Where a missing section belongs: after the nearest earlier section (by the type's `order`, else by the
// order of its section list) that the document has, else before the nearest later one, else at the end.
// The same answer gives the finding its position and the quick fix its insertion point.

import type { SectionSpec } from '../../doctypes/docType.js';
import type { Section } from '../../document/sections.js';
import type { Span, TextEdit } from '../../types.js';
import type { RuleContext } from '../rule.js';
import { orderEntries, orderIndexOfSpec } from './order.js';
import { sectionSpecs } from './specs.js';
import { topLevelMatches } from './find.js';
import { eolOf } from '../../document/lines.js';

export interface Placement {
  /** Offset the new section is inserted at. */
  offset: number;
  /** The present section the new one should follow, if any. */
  after?: Section;
  /** The present section the new one should precede, when nothing earlier is present. */
  before?: Section;
  /** What a finding about the missing section points at: `after`'s heading, else the H1, else the front matter. */
  reportSpan: Span;
}

export function placeSection(ctx: RuleContext, spec: SectionSpec): Placement {
  const sequences = candidateSequences(ctx, spec);
  const present = (specs: SectionSpec[]): Section | undefined => {
    const found = specs.flatMap((s) => topLevelMatches(ctx, s));
    return found.sort((a, b) => a.start - b.start)[0];
  };
  const lastPresent = (specs: SectionSpec[]): Section | undefined => {
    const found = specs.flatMap((s) => topLevelMatches(ctx, s));
    return found.sort((a, b) => b.start - a.start)[0];
  };
  for (const { seq, index } of sequences) {
    for (let i = index - 1; i >= 0; i--) {
      const after = lastPresent(seq[i]!);
      if (after) return { offset: after.end, after, reportSpan: after.headingSpan };
    }
  }
  const fallback = fallbackSpan(ctx);
  for (const { seq, index } of sequences) {
    for (let i = index + 1; i < seq.length; i++) {
      const before = present(seq[i]!);
      if (before) return { offset: before.start, before, reportSpan: fallback };
    }
  }
  return { offset: ctx.doc.text.length, reportSpan: fallback };
}

/** The type's order (when it names the section), then the section list; each as groups of specs sharing a slot. */
function candidateSequences(ctx: RuleContext, spec: SectionSpec): { seq: SectionSpec[][]; index: number }[] {
  const out: { seq: SectionSpec[][]; index: number }[] = [];
  const entries = orderEntries(ctx.docType);
  const inOrder = orderIndexOfSpec(entries, spec);
  if (inOrder >= 0) out.push({ seq: entries.map((e) => e.specs), index: inOrder });
  const specs = sectionSpecs(ctx.docType);
  const inList = specs.indexOf(spec);
  if (inList >= 0) out.push({ seq: specs.map((s) => [s]), index: inList });
  return out;
}

/** The title H1, else the front matter's closing fence, else the engine's anchor (the opening fence or line 1). */
export function fallbackSpan(ctx: RuleContext): Span {
  const h1 = ctx.outline.titleHeading?.position;
  if (h1?.start.offset !== undefined && h1.end.offset !== undefined) return { start: h1.start.offset, end: h1.end.offset };
  const close = ctx.doc.frontMatter?.block.closeFence;
  return close ?? ctx.frontMatterAnchor;
}

/** The document's line break: CRLF if it uses CRLF, else LF. */

/** An edit inserting `# Name` + template at the placement, with blank lines around it as Markdown needs. */
export function insertSectionEdit(ctx: RuleContext, spec: SectionSpec, placement: Placement): TextEdit {
  const text = ctx.doc.text;
  const eol = eolOf(text);
  const at = placement.offset;
  const before = text.slice(Math.max(0, at - 4), at);
  const lead = at === 0 || /(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(before) ? '' : /(\r?\n|\r)$/.test(before) ? eol : eol + eol;
  const depth = Math.min(Math.max(ctx.outline.sectionDepth, 1), 6);
  const template = typeof spec.template === 'string' && spec.template.trim() ? spec.template.trim().replace(/\r\n|\r|\n/g, eol) : '';
  const body = `${'#'.repeat(depth)} ${spec.name}${eol}${template ? eol + template + eol : ''}`;
  const atEnd = at >= text.length;
  return { start: at, end: at, newText: lead + body + (atEnd ? '' : eol) };
}
