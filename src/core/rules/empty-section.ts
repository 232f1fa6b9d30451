// A required section (or a section of a group the type requires, such as release notes' change types)
// that is present but says nothing: only whitespace, HTML comments, placeholder words (TBD, TODO, …) or
// the type's own template text for it. Sections with the story and acceptance-criteria roles are left to
// user-story-statement and acceptance-criteria, which say more precisely what is missing — but acceptance
// criteria that are still the template's example scenario are reported here, as a reminder (a warning),
// like every other section a new document starts with.

import type { SectionSpec } from '../doctypes/docType.js';
import type { Rule } from './rule.js';
import { CONTENT_CHECKED_ROLES } from './sections/contentRoles.js';
import { findAllSections } from './sections/find.js';
import { describeEmptiness, emptiness, templateReminder } from './sections/content.js';
import { isRequired, satisfiedByFrontMatter, sectionSpecs } from './sections/specs.js';

const rule: Rule = {
  id: 'empty-section',
  description: 'Required sections have real content, not just TBD, TODO, a comment or the template text.',
  defaultSeverity: 'warning',
  check(ctx) {
    const groups = ctx.docType?.groups ?? {};
    const inRequiredGroup = (spec: SectionSpec) => typeof spec.group === 'string' && (groups[spec.group]?.min ?? 0) > 0;
    for (const spec of sectionSpecs(ctx.docType)) {
      // Story and acceptance-criteria sections: their rules say what is missing, except when the section
      // still holds the type's template text, which is a reminder here as for every other section.
      const templateOnly = !!spec.role && CONTENT_CHECKED_ROLES.has(spec.role);
      if (templateOnly && spec.role !== 'acceptance-criteria') continue;
      const required = isRequired(spec, ctx.data);
      if (!required && !inRequiredGroup(spec)) continue;
      if (satisfiedByFrontMatter(spec, ctx.data)) continue;
      for (const section of findAllSections(ctx, spec)) {
        const e = emptiness(ctx.doc.text, section, spec);
        if (e.kind === 'content' || (templateOnly && e.kind !== 'template')) continue;
        const expected =
          e.kind === 'template'
            ? 'your own content in its place'
            : e.kind === 'placeholder'
              ? 'real content'
              : 'at least one line of content';
        const reminder = e.kind === 'template' ? templateReminder(ctx) : { note: '' };
        ctx.report({
          ...section.headingSpan,
          ...(reminder.severity ? { severity: reminder.severity } : {}),
          message: required
            ? `Required section '${section.title}' ${describeEmptiness(e)}${reminder.note}: expected ${expected}.`
            : `Section '${section.title}' ${describeEmptiness(e)}${reminder.note}: expected ${expected}, or remove the section.`,
          actual: e.kind === 'placeholder' ? e.found : '',
        });
      }
    }
  },
};

export default rule;
