// Does a section say anything? Whitespace, HTML comments, sub-headings, placeholder words (TBD, TODO, …)
// and the type's own template text for the section do not count as content.

import type { SectionSpec } from '../../doctypes/docType.js';
import type { Section } from '../../document/sections.js';

export type Emptiness =
  | { kind: 'content' }
  | { kind: 'empty' }
  | { kind: 'placeholder'; found: string }
  | { kind: 'template' };

const PLACEHOLDER_WORDS = new Set(['tbd', 'tbc', 'tba', 'todo', 'fixme', 'xxx', 'placeholder', 'wip']);

/** The section's own text (after its heading), without HTML comments and sub-heading lines. */
export function sectionBodyText(text: string, section: Section): string {
  const parts: string[] = [];
  for (const node of section.content) {
    if (node.type === 'heading') continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const raw = text.slice(start, end);
    parts.push(node.type === 'html' ? raw.replace(/<!--[^]*?(?:-->|$)/g, '') : raw);
  }
  return parts.join('\n');
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function emptiness(text: string, section: Section, spec: SectionSpec | undefined): Emptiness {
  const body = collapse(sectionBodyText(text, section));
  if (!body) return { kind: 'empty' };
  if (spec && typeof spec.template === 'string' && collapse(spec.template) === body) return { kind: 'template' };
  const words = body.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  if (words.every((w) => PLACEHOLDER_WORDS.has(w))) return { kind: 'placeholder', found: body.length > 40 ? `${body.slice(0, 39)}…` : body };
  return { kind: 'content' };
}

/** Words for a message: "is empty", "holds only the placeholder 'TBD'", "still holds the template text". */
export function describeEmptiness(e: Exclude<Emptiness, { kind: 'content' }>): string {
  switch (e.kind) {
    case 'empty':
      return 'is empty';
    case 'placeholder':
      return `holds only the placeholder '${e.found}'`;
    case 'template':
      return 'still holds the template text';
  }
}
