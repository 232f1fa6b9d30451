// A doc type = a front-matter JSON Schema + the body structure carried in its `x-pmdocs` block.
// Built-in types come from schemas/; workspace types from .pmdocs.json (same shape, so both get the
// same checks, quick fixes and editor help).

import { normalizeRuleSetting, type RuleSetting } from '../config/ruleSettings.js';
import type { Condition } from './condition.js';

/** What a rule looks for in a section (the `role` enum of schemas/pmdocs-config.schema.json and x-pmdocs.schema.json). */
export const SECTION_ROLES = [
  'story',
  'acceptance-criteria',
  'requirements',
  'open-questions',
  'goals',
  'success-metrics',
  'change-type',
  'breaking-changes',
  'highlights',
  'launch-checklist',
  'unresolved-questions',
  'hypothesis',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

export interface SectionSpec {
  /** Canonical name, used in messages and templates. */
  name: string;
  synonyms?: string[];
  required?: boolean;
  /** Required when the front matter satisfies this `when` clause (see condition.ts). */
  requiredWhen?: Condition;
  /** A front-matter key whose non-empty value satisfies this required section. */
  satisfiedBy?: string;
  group?: string;
  /** Semantic role a rule looks for in this section. */
  role?: SectionRole;
  /** Body text for a newly inserted section. */
  template?: string;
}

export interface SectionGroup {
  min: number;
  label?: string;
}

export interface BodySpec {
  type: string;
  label?: string;
  idPrefix?: string;
  idExample?: string;
  /** Prefix of the requirement ids its body declares (`FR-` → `FR-1`), the targets of `implements: [PRD-12#FR-1]` (core/graph/requirements.ts). */
  requirementIdPrefix?: string;
  /** File names (case-insensitive) that make a file of this type without front matter (CHANGELOG.md). */
  fileNames?: string[];
  /** When set, only rules whose id starts with one of these run on the type (a changelog: `changelog-`, `frontmatter-`, `yaml-`). */
  rulePrefixes?: string[];
  sections: SectionSpec[];
  groups?: Record<string, SectionGroup>;
  order?: string[];
  /** Statuses in which a document is settled (approved, shipped…): unresolved-at-approval checks only these; story-readiness asks for an estimate in them. */
  settledStatuses?: string[];
  /** The status a settled document goes back to while points are still open (named in messages). */
  reopenStatus?: string;
  /** Statuses that mean the work is finished (story: done; release notes: released): release-story-not-done, story-readiness. */
  doneStatuses?: string[];
  template?: string;
  frontMatterTemplate?: string;
  /** No sections but the type's own (true), or those plus these extra headings (section-unexpected). */
  closedSections?: boolean | string[];
  /** The relative order of the front-matter keys it lists (frontmatter-key-order). */
  keyOrder?: string[];
  /** The file name, with `{{field}}` placeholders for front-matter values (file-name-pattern). */
  fileName?: string;
  /** Heading level of the sections (1 or 2); without it, read from the document's headings. */
  sectionLevel?: 1 | 2;
  /** How headings match section names: normalised (default) or exactly as written (see headingMatch.ts). */
  headingMatch?: 'normalized' | 'exact';
  /** Rule settings for documents of this type (severity, options, `when`), as written in x-pmdocs or the docTypes entry. */
  rules?: Record<string, unknown>;
  /** How acceptance criteria and requirements are written: "ears" makes ears-malformed check them (a document's `criteria_style` wins). */
  criteriaStyle?: 'ears' | 'gherkin' | 'any';
}

export interface DocType extends BodySpec {
  /** The front-matter schema (JSON Schema 2020-12), as data. */
  schema: Record<string, unknown>;
  /** The schema's `$id`, or a synthetic one for workspace schemas without it. */
  schemaId: string;
  builtIn: boolean;
  /** Where a workspace type's schema came from (a path as the host spells it). */
  source?: string;
  /** The type's rule settings, most specific first: the docTypes entry's, then the schema's x-pmdocs ones. */
  ruleLayers?: Record<string, RuleSetting>[];
}

/** Reads the `x-pmdocs` block of a schema into a DocType; `overrides` (from config) win field by field. */
export function docTypeFromSchema(
  schema: Record<string, unknown>,
  options: { builtIn: boolean; source?: string; name?: string; overrides?: Partial<BodySpec> },
): DocType {
  const body = (schema['x-pmdocs'] ?? {}) as Partial<BodySpec>;
  const merged = { ...body, ...options.overrides } as Partial<BodySpec>;
  // The docTypes entry's rule settings come before the schema's: a setting whose `when` does not hold
  // falls through to the next one.
  const ruleLayers = [typeRules(options.overrides?.rules), typeRules(body.rules)].filter((l) => l !== undefined);
  const type = options.name ?? merged.type ?? String(schema['$id'] ?? 'unknown');
  return {
    ...merged,
    type,
    sections: merged.sections ?? [],
    schema,
    schemaId: typeof schema['$id'] === 'string' ? (schema['$id'] as string) : `urn:pmdocs:workspace:${type}`,
    builtIn: options.builtIn,
    source: options.source,
    ...(ruleLayers.length ? { ruleLayers } : {}),
  };
}

function typeRules(source: unknown): Record<string, RuleSetting> | undefined {
  if (!source || typeof source !== 'object') return undefined;
  let out: Record<string, RuleSetting> | undefined;
  for (const [id, raw] of Object.entries(source)) {
    const setting = normalizeRuleSetting(raw);
    if (setting !== undefined) (out ??= {})[id] = setting;
  }
  return out;
}
