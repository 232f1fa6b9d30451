// Each section the type requires is present (by name or synonym, at any heading level). Owns every
// required section, including those required only under a front-matter condition (`requiredWhen`, such
// as release notes' 'Breaking changes' when `breaking: true`); breaking-changes-section stays quiet then.

import type { RelatedLocation } from '../types.js';
import type { Rule } from './rule.js';
import { findSection } from './util/findSections.js';
import { insertSectionEdit, placeSection } from './util/sectionPlacement.js';
import { acceptedNames, describeCondition, describeSpec, isRequired, satisfiedByFrontMatter, sectionSpecs } from './util/sectionSpecs.js';

const rule: Rule = {
  id: 'required-section',
  description: 'Every section the document type requires is present, under its name or an accepted synonym.',
  defaultSeverity: 'error',
  check(ctx) {
    for (const spec of sectionSpecs(ctx.docType)) {
      if (!isRequired(spec, ctx.data) || findSection(ctx, spec) || satisfiedByFrontMatter(spec, ctx.data)) continue;
      const placement = placeSection(ctx, spec);
      let message = `Missing required section ${describeSpec(spec)}`;
      if (typeof spec.satisfiedBy === 'string') message += `; a non-empty '${spec.satisfiedBy}' in the front matter also counts`;
      const related: RelatedLocation[] = [];
      if (spec.requiredWhen && typeof spec.requiredWhen === 'object') {
        message += `, required because the front matter says ${describeCondition(spec.requiredWhen)}`;
        for (const field of Object.keys(spec.requiredWhen)) {
          const span = ctx.frontMatterSpan([field]);
          if (span) related.push({ ...span, message: `'${field}' makes '${spec.name}' required` });
        }
      }
      ctx.report({
        ...placement.reportSpan,
        message: `${message}.`,
        expected: acceptedNames(spec),
        ...(related.length ? { related } : {}),
        fixes: [{ title: `Insert a '${spec.name}' section`, edits: [insertSectionEdit(ctx, spec, placement)], safe: false }],
      });
    }
  },
};

export default rule;
