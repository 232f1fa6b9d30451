// Headings that look like a misspelt section name: `## Non-gaols` when the type requires 'Non-goals'
// and the document has none. Only top-level headings the type does not know are considered, and only
// when the closest known name belongs to a missing section (`## Risk` is close to the optional 'Risks',
// not a missing required section).

import type { SectionSpec } from '../../doctypes/docType.js';
import { inexactKey, normalizeHeading, type Section } from '../../document/sections.js';
import { closeMatches } from '../../schema/didYouMean.js';
import type { RuleContext } from '../rule.js';
import { acceptedNames, sectionSpecs, specForHeading } from './specs.js';

export interface Lookalike {
  spec: SectionSpec;
  /** The accepted name (the section's name or a synonym, as the type writes it) the heading is close to. */
  name: string;
  /** The heading is the name written another way (case, punctuation), and the type matches headings exactly. */
  writtenDifferently?: boolean;
}

// Abbreviations (`AC`, `PR`, `UX`) are not misspelt words: a 3-letter heading is too easily one edit away.
const MIN_NAME_LENGTH = 4;

/** Each top-level heading that looks like one or more of the missing sections, with those sections, best first. */
export function misspeltSections(ctx: RuleContext, missing: readonly SectionSpec[]): Map<Section, Lookalike[]> {
  const out = new Map<Section, Lookalike[]>();
  if (!missing.length) return out;
  const byKey = new Map<string, Lookalike>();
  for (const spec of sectionSpecs(ctx.docType)) {
    for (const name of acceptedNames(spec)) {
      const key = normalizeHeading(name);
      if (key.length >= MIN_NAME_LENGTH && !byKey.has(key)) byKey.set(key, { spec, name });
    }
  }
  const keys = [...byKey.keys()];
  for (const section of ctx.outline.sections) {
    const differently = inexactKey(section.key);
    if (differently !== undefined) {
      // headingMatch: exact, and the heading is a missing section's name written another way.
      const spec = sectionSpecs(ctx.docType).find(
        (s) => missing.includes(s) && acceptedNames(s).some((n) => normalizeHeading(n) === differently),
      );
      if (spec) {
        const name = acceptedNames(spec).find((n) => normalizeHeading(n) === differently)!;
        out.set(section, [{ spec, name, writtenDifferently: true }]);
        continue;
      }
    }
    const key = differently ?? section.key;
    if (!key || specForHeading(ctx.docType, key)) continue;
    const close = closeMatches(key, keys).map((k) => byKey.get(k)!);
    if (!close.length || !missing.includes(close[0]!.spec)) continue;
    const seen = new Set<SectionSpec>();
    const found = close.filter((l) => missing.includes(l.spec) && !seen.has(l.spec) && seen.add(l.spec));
    out.set(section, found);
  }
  return out;
}
