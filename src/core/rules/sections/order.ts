// The type's `order` as data the rules can use: each entry names a section (by name or synonym) or a
// group (every section of that group shares the position). An entry the type has no section for still
// orders a heading with that name.

import type { DocType, SectionSpec } from '../../doctypes/docType.js';
import { normalizeHeading } from '../../document/sections.js';
import { matchesSpec, sectionSpecs, specKeys } from './specs.js';

export interface OrderEntry {
  /** As written in `order`. */
  name: string;
  specs: SectionSpec[];
}

const cache = new WeakMap<DocType, OrderEntry[]>();

export function orderEntries(docType: DocType | undefined): OrderEntry[] {
  if (!docType) return [];
  let entries = cache.get(docType);
  if (!entries) {
    const specs = sectionSpecs(docType);
    const order = Array.isArray(docType.order) ? docType.order.filter((n): n is string => typeof n === 'string' && n.trim() !== '') : [];
    entries = order.map((name) => {
      const key = normalizeHeading(name);
      const byName = specs.filter((s) => matchesSpec(key, s));
      const byGroup = byName.length ? [] : specs.filter((s) => typeof s.group === 'string' && normalizeHeading(s.group) === key);
      const found = byName.length ? byName : byGroup;
      return { name, specs: found.length ? found : [{ name }] };
    });
    cache.set(docType, entries);
  }
  return entries;
}

/** Position of a heading key in the order, or -1 when the order does not mention it. */
export function orderIndex(entries: readonly OrderEntry[], headingKey: string): number {
  return entries.findIndex((e) => e.specs.some((s) => matchesSpec(headingKey, s)));
}

/** Position of a spec in the order, or -1. */
export function orderIndexOfSpec(entries: readonly OrderEntry[], spec: SectionSpec): number {
  const keys = [...specKeys(spec)];
  return entries.findIndex((e) => e.specs.includes(spec) || e.specs.some((s) => keys.some((k) => matchesSpec(k, s))));
}
