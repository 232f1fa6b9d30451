// The shared shape of the requirement-language rules: each reads the requirement units of the document
// (see requirementUnits) and reports the exact words it finds, with why they are a problem and what a
// testable version states. A rule file holds only its word lists' use and its advice; each word list is
// an option of the rule (a list adds, { add, remove } edits, { replace } replaces), resolved once per
// document, not per requirement.

import type { Severity } from '../../types.js';
import type { Rule, RuleContext } from '../rule.js';
import { requirementUnits, unitSpan, type RequirementUnit } from '../sections/requirementUnits.js';
import { wordsOption } from '../../language/wordOptions.js';
import type { Match } from '../../language/match.js';

export interface LanguageHit {
  /** Token range [first, last) of the unit to underline. */
  first: number;
  last: number;
  /** Everything after the quoted words: "is not measurable: state a number …". */
  says: string;
  /** A milder severity for this hit than the rule's (before configuration applies). */
  severity?: Severity;
}

/**
 * What a rule returns for the (many) requirements it has nothing to say about: one shared empty list,
 * not a new array per requirement and rule (tens of thousands per run, all garbage).
 */
export const NO_HITS: readonly LanguageHit[] = Object.freeze([]);

/** The hits `hit` makes of the matches; NO_HITS when there are none. */
export function hitsOf(matches: readonly Match[], hit: (m: Match) => LanguageHit[]): readonly LanguageHit[] {
  return matches.length ? matches.flatMap(hit) : NO_HITS;
}

/** The rule's word lists, by option name, with the workspace's options applied. */
export type WordLists<L extends string> = Readonly<Record<L, readonly string[]>>;

export interface LanguageRuleSpec<L extends string> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Option name → the built-in word list (lexicon.ts) it edits. */
  lists: WordLists<L>;
  find(unit: RequirementUnit, lists: WordLists<L>): readonly LanguageHit[];
}

/** A rule that also exposes its matcher, so a requirement can be checked on its own (tests, tools). */
export interface LanguageRule extends Rule {
  /** `options` as in the config (`{ "words": { "remove": ["fast"] } }`); the built-in lists without. */
  find(unit: RequirementUnit, options?: Readonly<Record<string, unknown>>): readonly LanguageHit[];
}

export function languageRule<L extends string>(spec: LanguageRuleSpec<L>): LanguageRule {
  const listsFor = (options: Readonly<Record<string, unknown>> | undefined): WordLists<L> => {
    if (!options || !hasKeys(options)) return spec.lists;
    let changed = false;
    const out = {} as Record<L, readonly string[]>;
    for (const name of Object.keys(spec.lists) as L[]) {
      out[name] = wordsOption(options[name], spec.lists[name]);
      if (out[name] !== spec.lists[name]) changed = true;
    }
    return changed ? out : spec.lists;
  };
  return {
    find: (unit, options) => spec.find(unit, listsFor(options)),
    id: spec.id,
    description: spec.description,
    defaultSeverity: spec.defaultSeverity,
    defaultOptions: {},
    check(ctx: RuleContext) {
      const units = requirementUnits(ctx);
      if (!units.length) return;
      const lists = listsFor(ctx.options);
      for (const unit of units) {
        for (const hit of spec.find(unit, lists)) {
          const from = unit.tokens.start(hit.first);
          const to = unit.tokens.end(hit.last - 1);
          const words = unit.text.slice(from, to);
          ctx.report({
            ...unitSpan(unit, from, to),
            message: `'${words}' ${hit.says}`,
            actual: words,
            ...(hit.severity ? { severity: hit.severity } : {}),
          });
        }
      }
    },
  };
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
