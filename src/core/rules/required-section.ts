// Each section the type requires is a top-level section of the document (by name or synonym). Owns every
// required section, including those required only under a front-matter condition (`requiredWhen`, such
// as release notes' 'Breaking changes' when `breaking: true`); breaking-changes-section stays quiet then.
// A required section that is there but not usable as one gets its own finding on its heading: demoted
// below the section level (`### Summary` inside `## Goals`), or misspelt (`## Non-gaols`).

import type { SectionSpec } from '../doctypes/docType.js';
import { normalizeHeading, type Section } from '../document/sections.js';
import type { Fix, RelatedLocation } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { nestedSections, topLevelMatches } from './sections/find.js';
import { headingLevelEdits, renameHeadingEdit } from '../document/headingEdits.js';
import { misspeltSections, type Lookalike } from './sections/misspelt.js';
import { insertSectionEdit, placeSection } from './sections/placement.js';
import { conditionKeys, explainCondition, isCondition } from '../doctypes/condition.js';
import { acceptedNames, describeSpec, isRequired, matchesSpec, satisfiedByFrontMatter, sectionSpecs } from './sections/specs.js';

const rule: Rule = {
  id: 'required-section',
  description: 'Every section the document type requires is present, under its name or an accepted synonym.',
  defaultSeverity: 'error',
  check(ctx) {
    const missing: SectionSpec[] = [];
    for (const spec of sectionSpecs(ctx.docType)) {
      if (!isRequired(spec, ctx.data) || topLevelMatches(ctx, spec).length || satisfiedByFrontMatter(spec, ctx.data)) continue;
      const nested = nestedSections(ctx).find((s) => matchesSpec(s.key, spec));
      if (nested) reportDemoted(ctx, spec, nested);
      else missing.push(spec);
    }
    const lookalikes = misspeltSections(ctx, missing);
    const claims = new Map<SectionSpec, number>();
    for (const found of lookalikes.values()) for (const l of found) claims.set(l.spec, (claims.get(l.spec) ?? 0) + 1);
    for (const [section, found] of lookalikes) reportMisspelt(ctx, section, found, claims);
    for (const spec of missing) if (!claims.has(spec)) reportMissing(ctx, spec);
  },
};

function reportMissing(ctx: RuleContext, spec: SectionSpec): void {
  const placement = placeSection(ctx, spec);
  let message = `Missing required section ${describeSpec(spec)}`;
  if (typeof spec.satisfiedBy === 'string') message += `; a non-empty '${spec.satisfiedBy}' in the front matter also counts`;
  const related: RelatedLocation[] = [];
  if (isCondition(spec.requiredWhen)) {
    message += `, required because ${explainCondition(spec.requiredWhen, ctx.data)}`;
    for (const field of conditionKeys(spec.requiredWhen)) {
      const span = ctx.frontMatterSpan([field]);
      if (span) related.push({ ...span, message: `'${field}' makes '${spec.name}' required` });
    }
  }
  ctx.report({
    ...placement.reportSpan,
    message: `${message}.`,
    expected: acceptedNames(spec),
    ...(related.length ? { related } : {}),
    fixes: [{ title: `Insert section '${spec.name}'`, edits: [insertSectionEdit(ctx, spec, placement)], safe: false }],
  });
}

/** `### Summary` inside `## Goals`: the section is written, one level too deep to be a section. */
function reportDemoted(ctx: RuleContext, spec: SectionSpec, nested: Section): void {
  const depth = ctx.outline.sectionDepth;
  const parent = ctx.outline.sections.find((s) => s.start <= nested.start && nested.start < s.end);
  const what = nested.key === normalizeHeading(spec.name) ? `'${nested.title}'` : `'${nested.title}' (the required section '${spec.name}')`;
  const where = parent ? `inside '${parent.title}'` : 'before the first section';
  const edits = headingLevelEdits(ctx.doc.text, nested, depth);
  const hashes = '#'.repeat(depth);
  ctx.report({
    ...nested.headingSpan,
    message: `${what} is a level-${nested.depth} heading ${where}; required sections are level-${depth} headings (${hashes}).`,
    expected: acceptedNames(spec),
    actual: nested.title,
    // Safe: one deterministic edit that moves no text; the content under the heading becomes its section.
    ...(edits ? { fixes: [{ title: `Make '${nested.title}' a level-${depth} heading (${hashes})`, edits, safe: true }] } : {}),
  });
}

/** `## Non-gaols` when 'Non-goals' is missing: the writer meant the section, the name is off. */
function reportMisspelt(ctx: RuleContext, section: Section, found: readonly Lookalike[], claims: ReadonlyMap<SectionSpec, number>): void {
  const heading = `Heading '${section.title}'`;
  let message: string;
  if (found.length === 1 && found[0]!.writtenDifferently) {
    const { spec, name } = found[0]!;
    const like = name === spec.name ? `the required section '${spec.name}'` : `'${name}', accepted for the required section '${spec.name}'`;
    message = `${heading} is ${like} written differently; the '${ctx.docType!.type}' type matches headings exactly (headingMatch: exact): rename it.`;
  } else if (found.length > 1) {
    message = `${heading} looks like one of the required sections ${found.map((l) => `'${l.spec.name}'`).join(', ')} (misspelt?); rename it.`;
  } else {
    const { spec, name } = found[0]!;
    const like = name === spec.name ? `the required section '${spec.name}'` : `'${name}', accepted for the required section '${spec.name}'`;
    message = `${heading} looks like ${like} (misspelt?); rename it.`;
  }
  // Renaming is safe only when there is no doubt which section was meant, nor which heading meant it.
  const safe = found.length === 1 && claims.get(found[0]!.spec) === 1;
  const fixes: Fix[] = [];
  for (const { name } of found) {
    const edit = renameHeadingEdit(ctx.doc.text, section.heading, name);
    if (edit) fixes.push({ title: `Rename the heading to '${name}'`, edits: [edit], safe });
  }
  ctx.report({
    ...section.headingSpan,
    message,
    expected: found.map((l) => l.name),
    actual: section.title,
    ...(fixes.length ? { fixes } : {}),
  });
}

export default rule;
