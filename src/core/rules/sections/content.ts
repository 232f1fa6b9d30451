// Does a section say anything? Whitespace, HTML comments, sub-headings, placeholder words (TBD, TODO, …)
// and the type's own template text for the section do not count as content.

import type { RuleContext } from '../rule.js';
import { initialStatus } from '../../doctypes/settled.js';
import type { SectionSpec } from '../../doctypes/docType.js';
import type { Section } from '../../document/sections.js';

export type Emptiness = { kind: 'content' } | { kind: 'empty' } | { kind: 'placeholder'; found: string } | { kind: 'template' };

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
  const raw = sectionBodyText(text, section);
  const template = spec && typeof spec.template === 'string' ? spec.template : undefined;
  const isTemplate = () => template !== undefined && raw.length <= 2 * template.length + 64 && collapse(template) === collapse(raw);
  // The first word that is not a placeholder settles it (sections can be thousands of lines long).
  for (const m of raw.matchAll(WORD)) {
    if (!PLACEHOLDER_WORDS.has(m[0].toLowerCase())) return isTemplate() ? { kind: 'template' } : { kind: 'content' };
  }
  const body = collapse(raw);
  if (!body) return { kind: 'empty' };
  if (isTemplate()) return { kind: 'template' };
  return { kind: 'placeholder', found: body.length > 40 ? `${body.slice(0, 39)}…` : body };
}

const WORD = /[\p{L}\p{N}]+/gu;

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

/**
 * A section that still holds the template text is a to-do while the document is in its first status (a
 * new draft, as `pmdocs new` writes it): an info then, with the reason in the message; from the next
 * status on it is the rule's own severity.
 */
export function templateReminder(ctx: RuleContext): { severity?: 'info'; note: string } {
  const first = initialStatus(ctx.docType);
  return first !== undefined && ctx.data['status'] === first
    ? { severity: 'info', note: ` (a reminder while the status is '${first}')` }
    : { note: '' };
}
