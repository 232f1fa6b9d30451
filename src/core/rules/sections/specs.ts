// Reading a doc type's section data: which headings a section accepts, whether it is required for this
// front matter, and how to name it in a message. Pure functions over the type's data, so a workspace
// type gets exactly the same checks as a built-in one.

import type { DocType, SectionRole, SectionSpec } from '../../doctypes/docType.js';
import { conditionHolds, isCondition } from '../../doctypes/condition.js';
import { normalizeHeading } from '../../document/sections.js';

const keyCache = new WeakMap<SectionSpec, ReadonlySet<string>>();

/** The normalised heading keys a section accepts: its name and every synonym. */
export function specKeys(spec: SectionSpec): ReadonlySet<string> {
  let keys = keyCache.get(spec);
  if (!keys) {
    keys = new Set(acceptedNames(spec).map(normalizeHeading).filter(Boolean));
    keyCache.set(spec, keys);
  }
  return keys;
}

export const matchesSpec = (headingKey: string, spec: SectionSpec): boolean => specKeys(spec).has(headingKey);

/** Every section spec of the type (tolerates hand-written workspace data with holes in it). */
export function sectionSpecs(docType: DocType | undefined): SectionSpec[] {
  const list = docType?.sections;
  return Array.isArray(list) ? list.filter((s): s is SectionSpec => !!s && typeof s.name === 'string' && s.name.trim() !== '') : [];
}

export const specsWithRole = (docType: DocType | undefined, role: SectionRole): SectionSpec[] =>
  sectionSpecs(docType).filter((s) => s.role === role);

/** The section a heading belongs to, if the type knows it. */
export function specForHeading(docType: DocType | undefined, headingKey: string): SectionSpec | undefined {
  return sectionSpecs(docType).find((s) => matchesSpec(headingKey, s));
}

/**
 * Required for this front matter: with `requiredWhen`, exactly when the front matter satisfies that `when`
 * clause (doctypes/condition.ts: values, lists of values, `not`); otherwise when `required` is true.
 */
export function isRequired(spec: SectionSpec, data: Record<string, unknown>): boolean {
  const when = spec.requiredWhen;
  if (isCondition(when)) return conditionHolds(when, data);
  return spec.required === true;
}

/** `satisfiedBy` names a front-matter key whose non-empty value stands in for the section. */
export function satisfiedByFrontMatter(spec: SectionSpec, data: Record<string, unknown>): boolean {
  return typeof spec.satisfiedBy === 'string' && isFilled(data[spec.satisfiedBy]);
}

export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The name and every synonym, as written. */
export const acceptedNames = (spec: SectionSpec): string[] =>
  [spec.name, ...(Array.isArray(spec.synonyms) ? spec.synonyms : [])].filter((n): n is string => typeof n === 'string');

/** "Out of scope, Not doing, …" — the synonyms a message offers, capped so it stays one line. */
export function synonymList(spec: SectionSpec, max = 2): string {
  const synonyms = acceptedNames(spec).slice(1);
  if (!synonyms.length) return '';
  return synonyms.length > max ? `${synonyms.slice(0, max).join(', ')}, …` : synonyms.join(', ');
}

/** `'Non-goals' (also accepted: Out of scope, Not doing, …)` */
export function describeSpec(spec: SectionSpec): string {
  const also = synonymList(spec);
  return also ? `'${spec.name}' (also accepted: ${also})` : `'${spec.name}'`;
}
