// Groups of sections the type requires a minimum of (release notes: at least one change-type section,
// Added / Changed / Deprecated / Removed / Fixed / Security or a synonym). Generic over the type's
// `groups` data, so a workspace type can declare its own.

import type { SectionSpec } from '../doctypes/docType.js';
import type { Rule } from './rule.js';
import { findSection } from './sections/find.js';
import { placeSection } from './sections/placement.js';
import { acceptedNames, sectionSpecs } from './sections/specs.js';

const rule: Rule = {
  id: 'release-change-type',
  description:
    'Release notes have at least one change-type section (Added, Changed, Deprecated, Removed, Fixed, Security); generally, every section group a type requires.',
  defaultSeverity: 'error',
  check(ctx) {
    const groups = ctx.docType?.groups;
    if (!groups || typeof groups !== 'object') return;
    const specs = sectionSpecs(ctx.docType);
    for (const [group, def] of Object.entries(groups)) {
      const min = typeof def?.min === 'number' ? def.min : 0;
      if (min <= 0) continue;
      const members = specs.filter((s) => s.group === group);
      if (!members.length) continue;
      const present = members.filter((s) => findSection(ctx, s));
      if (present.length >= min) continue;
      const label = typeof def.label === 'string' && def.label.trim() ? def.label.trim() : undefined;
      const hint = synonymHint(members);
      let message: string;
      if (min === 1)
        message = label
          ? `Missing ${label}${hint}.`
          : `Missing a section of the '${group}' group: expected one of ${names(members)}${hint}.`;
      else
        message = `Too few '${group}' sections (found ${present.length ? present.map((s) => `'${s.name}'`).join(', ') : 'none'}): expected at least ${min} of ${names(members)}${hint}.`;
      ctx.report({
        ...placeSection(ctx, members[0]!).reportSpan,
        message,
        expected: members.map((s) => s.name),
      });
    }
  },
};

const names = (specs: SectionSpec[]): string => specs.map((s) => s.name).join(', ');

/** A few synonyms so the writer sees that "Bug fixes" or "Features" count too. */
function synonymHint(specs: SectionSpec[]): string {
  const synonyms = specs.flatMap((s) => acceptedNames(s).slice(1, 2));
  return synonyms.length
    ? `; synonyms such as ${synonyms
        .slice(0, 3)
        .map((n) => `'${n}'`)
        .join(', ')} count too`
    : '';
}

export default rule;
