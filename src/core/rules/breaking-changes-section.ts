// `breaking: true` promises readers a section telling them what to change. The type's section with role
// `breaking-changes` is normally also a `requiredWhen: {breaking: true}` section, and then
// required-section owns the finding (one finding, not two); this rule covers types whose data does not
// make that section conditional, so the promise is checked whatever the type's data says.

import type { Rule } from './rule.js';
import { findSection } from './sections/find.js';
import { insertSectionEdit, placeSection } from './sections/placement.js';
import { describeSpec, isRequired, specsWithRole } from './sections/specs.js';

const rule: Rule = {
  id: 'breaking-changes-section',
  description: 'When the front matter says `breaking: true`, the notes have a section that tells readers what breaks and what to do.',
  defaultSeverity: 'error',
  check(ctx) {
    if (ctx.data['breaking'] !== true) return;
    const specs = specsWithRole(ctx.docType, 'breaking-changes');
    if (!specs.length || specs.some((s) => findSection(ctx, s))) return;
    // required-section reports it when the type's data already requires it for this front matter.
    if (specs.some((s) => isRequired(s, ctx.data))) return;
    const spec = specs[0]!;
    const placement = placeSection(ctx, spec);
    const flag = ctx.frontMatterSpan(['breaking']);
    ctx.report({
      ...(flag ?? placement.reportSpan),
      message: `The front matter says 'breaking: true', but there is no ${describeSpec(spec)} section: expected one telling readers what breaks and what to do before upgrading.`,
      fixes: [{ title: `Insert section '${spec.name}'`, edits: [insertSectionEdit(ctx, spec, placement)], safe: false }],
    });
  },
};

export default rule;
