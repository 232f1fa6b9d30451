// How a rule is set up for one document: its severity and its options, from up to three places, the
// most specific first:
//   1. the document's type: `rules` in its docTypes entry of .pmdocs.json, then those in its schema's x-pmdocs;
//   2. the editor's `pmdocs.rules` setting (merged into the config's rules by the extension);
//   3. `rules` in .pmdocs.json;
// and last the rule's own default. Each place may write a severity, `["warning", { …options }]`, or
// `{ "severity": …, "options": { … }, "when": { … } }`. A setting whose `when` does not hold for the
// document's front matter is skipped. The severity comes from the first setting that has one; options
// are merged key by key, the more specific setting winning.
//
// The key `"*"` sets the severity of every rule at once (e.g. "everything is a warning once the status is
// Stagnant"). In each place a rule's own entry wins over `"*"`; across places the more specific place
// wins. `"*"` never turns on a rule that would otherwise be off, except that `"*": "off"` turns all off.

import type { Severity, SeveritySetting } from '../types.js';
import { conditionHolds, isCondition, type Condition } from '../doctypes/condition.js';

export interface RuleSettingObject {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
  when?: Condition;
}

/** As stored in a resolved config: a bare severity, or the object form. */
export type RuleSetting = SeveritySetting | RuleSettingObject;

const SEVERITIES = new Set<string>(['off', 'info', 'warning', 'error']);

/** The rule-settings key that stands for every rule. */
export const ALL_RULES_KEY = '*';

export const isSeverity = (v: unknown): v is SeveritySetting => typeof v === 'string' && SEVERITIES.has(v);

/**
 * A setting as written (a severity, the `[severity, options]` list or the object form) → its stored form,
 * or undefined when it has none of these shapes (the config schema reports why).
 */
export function normalizeRuleSetting(raw: unknown): RuleSetting | undefined {
  if (isSeverity(raw)) return raw;
  if (Array.isArray(raw)) {
    if (!isSeverity(raw[0]) || raw.length > 2) return undefined;
    if (raw.length === 1) return raw[0];
    return isCondition(raw[1]) ? { severity: raw[0], options: raw[1] } : undefined;
  }
  if (isCondition(raw)) {
    const out: RuleSettingObject = {};
    if (raw['severity'] !== undefined) {
      if (!isSeverity(raw['severity'])) return undefined;
      out.severity = raw['severity'];
    }
    if (raw['options'] !== undefined) {
      if (!isCondition(raw['options'])) return undefined;
      out.options = raw['options'];
    }
    if (raw['when'] !== undefined) {
      if (!isCondition(raw['when'])) return undefined;
      out.when = raw['when'];
    }
    return out;
  }
  return undefined;
}

export interface RuleSetup<O = Record<string, unknown>> {
  severity: Severity | 'off';
  /** True when a setting gave the severity: it then applies to every report (over a rule's per-report severity). */
  configured: boolean;
  /** The rule's default options with the configured ones merged over them. */
  options: O;
  /** True when no setting had a `when`: the same setup holds for every document of the type. */
  constant: boolean;
}

/**
 * Resolves a rule for one document. `layers` are the places above, most specific first; a missing layer
 * or a rule it does not mention is skipped.
 */
export function resolveRuleSetup(
  ruleId: string,
  defaultSeverity: Severity | 'off',
  defaultOptions: Record<string, unknown> | undefined,
  layers: readonly (Readonly<Record<string, RuleSetting>> | undefined)[],
  data: Record<string, unknown>,
): RuleSetup {
  let severity: Severity | 'off' | undefined;
  let options: Record<string, unknown> | undefined;
  let constant = true;
  // Least specific first for options, so the more specific layer's keys land last.
  const applicable: RuleSettingObject[] = [];
  // The severity `"*"` gives: from the most specific place whose `"*"` holds, unless the rule's own
  // entry gives a severity in that place or a more specific one.
  let all: SeveritySetting | undefined;
  let decided = false;
  const holds = (setting: RuleSetting | undefined): RuleSettingObject | undefined => {
    if (setting === undefined) return undefined;
    if (typeof setting === 'string') return { severity: setting };
    if (setting.when) {
      constant = false;
      if (!conditionHolds(setting.when, data)) return undefined;
    }
    return setting;
  };
  for (const layer of layers) {
    const own = holds(layer?.[ruleId]);
    if (own) applicable.push(own);
    if (decided) continue;
    if (own?.severity !== undefined) decided = true;
    else {
      all = holds(layer?.[ALL_RULES_KEY])?.severity;
      decided = all !== undefined;
    }
  }
  for (const s of applicable) {
    if (severity === undefined && s.severity !== undefined) severity = s.severity;
  }
  for (let i = applicable.length - 1; i >= 0; i--) {
    const o = applicable[i]!.options;
    if (o) options = { ...(options ?? defaultOptions ?? {}), ...o };
  }
  const own = severity ?? defaultSeverity;
  const resolvedOptions = options ?? defaultOptions ?? {};
  if (all !== undefined && (all === 'off' || own !== 'off')) return { severity: all, configured: true, options: resolvedOptions, constant };
  return { severity: own, configured: severity !== undefined, options: resolvedOptions, constant };
}
