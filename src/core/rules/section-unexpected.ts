// A closed section list (`closedSections` in the type's x-pmdocs or docTypes entry): every section
// heading is one of the type's sections (its name or a synonym) or one of the extra headings the list
// allows. Each other heading at the section level is one finding, with a did-you-mean and a rename fix
// when a known name is close. A heading that required-section already reports as a misspelt required
// section is left to it (one finding per mistake).

import type { Fix } from '../types.js';
import { normalizeHeading } from '../document/sections.js';
import { renameHeadingEdit } from '../document/headingEdits.js';
import { closeMatches } from '../schema/didYouMean.js';
import type { Rule } from './rule.js';
import { misspeltSections } from './sections/misspelt.js';
import { nestedSections, topLevelMatches } from './sections/find.js';
import { acceptedNames, isRequired, matchesSpec, satisfiedByFrontMatter, sectionSpecs } from './sections/specs.js';

const MAX_LISTED = 12;

const rule: Rule = {
  id: 'section-unexpected',
  description: 'With a closed section list (`closedSections`), every section heading is one the type names (or an allowed extra).',
  defaultSeverity: 'error',
  check(ctx) {
    const closed = ctx.docType?.closedSections;
    if (!closed) return;
    const specs = sectionSpecs(ctx.docType);
    const extras = Array.isArray(closed) ? closed.filter((h): h is string => typeof h === 'string' && h.trim() !== '') : [];
    const extraKeys = new Set(extras.map(normalizeHeading));
    const allowed = [...specs.flatMap(acceptedNames), ...extras];
    const allowedKeys = new Set(allowed.map(normalizeHeading));
    // The required sections required-section reports as missing (not demoted): their lookalikes are its.
    const missing = specs.filter(
      (s) =>
        isRequired(s, ctx.data) &&
        !satisfiedByFrontMatter(s, ctx.data) &&
        !topLevelMatches(ctx, s).length &&
        !nestedSections(ctx).some((n) => matchesSpec(n.key, s)),
    );
    const owned = misspeltSections(ctx, missing);
    for (const section of ctx.outline.sections) {
      if (extraKeys.has(section.key) || specs.some((s) => matchesSpec(section.key, s)) || owned.has(section)) continue;
      const close = closeMatches(section.title, allowed).filter((n) => allowedKeys.has(normalizeHeading(n)));
      const listed = uniqueNames(specs.map((s) => s.name).concat(extras));
      const list = listed.length > MAX_LISTED ? `${listed.slice(0, MAX_LISTED).join(', ')}, …` : listed.join(', ');
      const dym = close.length ? ` Did you mean '${close[0]}'?` : '';
      const fixes: Fix[] = [];
      for (const name of close.slice(0, 3)) {
        const edit = renameHeadingEdit(ctx.doc.text, section.heading, name);
        if (edit) fixes.push({ title: `Rename to '${name}'`, edits: [edit], safe: false });
      }
      ctx.report({
        ...section.headingSpan,
        message: `Section '${section.title}' is not a section the '${ctx.docType!.type}' type allows.${dym} Allowed: ${list}.`,
        expected: listed,
        actual: section.title,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};

const uniqueNames = (names: string[]): string[] => [...new Set(names)];

export default rule;
