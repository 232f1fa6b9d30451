// The shared shape of the requirement-language rules: each reads the requirement units of the document
// (see requirementUnits) and reports the exact words it finds, with why they are a problem and what a
// testable version states. A rule file holds only its word list's use and its advice.

import type { Severity } from '../../types.js';
import type { Rule, RuleContext } from '../rule.js';
import { requirementUnits, unitSpan, type RequirementUnit } from '../sections/requirementUnits.js';

export interface LanguageHit {
  /** Token range [first, last) of the unit to underline. */
  first: number;
  last: number;
  /** Everything after the quoted words: "is not measurable: state a number …". */
  says: string;
  /** A milder severity for this hit than the rule's (before configuration applies). */
  severity?: Severity;
}

export interface LanguageRuleSpec {
  id: string;
  description: string;
  defaultSeverity: Severity;
  find(unit: RequirementUnit, ctx: RuleContext): LanguageHit[];
}

/** A rule that also exposes its matcher, so a requirement can be checked on its own (tests, tools). */
export interface LanguageRule extends Rule {
  find(unit: RequirementUnit, ctx?: RuleContext): LanguageHit[];
}

export function languageRule(spec: LanguageRuleSpec): LanguageRule {
  return {
    find: spec.find,
    id: spec.id,
    description: spec.description,
    defaultSeverity: spec.defaultSeverity,
    check(ctx) {
      for (const unit of requirementUnits(ctx)) {
        for (const hit of spec.find(unit, ctx)) {
          const from = unit.tokens[hit.first]!.start;
          const to = unit.tokens[hit.last - 1]!.end;
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
