// A `when` clause: a condition on the front matter, written as data. Used by a section's `requiredWhen`
// and by a rule setting's `when` (in .pmdocs.json, a doc type's `rules`, or the editor settings).
//
//   { "status": ["Stagnant", "Withdrawn"] }                 status is Stagnant or Withdrawn
//   { "breaking": true, "format": "prfaq" }                 both hold
//   { "not": { "status": "Final" } }                        status is not Final (or is missing)
//   { "category": "Core", "not": { "status": ["Draft"] } }  both hold
//
// Every key must hold (AND); a list means "one of"; `not` negates the clause it holds. Values compare
// as data (a string, number, boolean or null; lists and objects compare by content).

export type Condition = Record<string, unknown>;

const NOT = 'not';

export function isCondition(value: unknown): value is Condition {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Does the front matter satisfy the clause? An empty clause never holds (it was written by mistake). */
export function conditionHolds(when: Condition, data: Record<string, unknown>): boolean {
  const entries = Object.entries(when);
  return (
    entries.length > 0 &&
    entries.every(([field, expected]) => {
      if (field === NOT) return isCondition(expected) ? !conditionHolds(expected, data) : true;
      return matchesValue(data[field], expected);
    })
  );
}

function matchesValue(actual: unknown, expected: unknown): boolean {
  return Array.isArray(expected) ? expected.some((e) => sameValue(actual, e)) : sameValue(actual, expected);
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));

/** The front-matter keys a clause reads (for "this key makes it required" pointers). */
export function conditionKeys(when: Condition): string[] {
  const keys: string[] = [];
  for (const [field, expected] of Object.entries(when)) {
    if (field === NOT) {
      if (isCondition(expected)) keys.push(...conditionKeys(expected));
    } else keys.push(field);
  }
  return [...new Set(keys)];
}

/**
 * Why a clause holds for this front matter, in the file's own values: `status is 'Final'`,
 * `breaking is true`, `status is not 'Stagnant' (it is 'Final')`.
 */
export function explainCondition(when: Condition, data: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [field, expected] of Object.entries(when)) {
    if (field === NOT) {
      if (isCondition(expected)) parts.push(explainNegated(expected, data));
    } else parts.push(`${field} is ${show(data[field])}`);
  }
  return parts.join(' and ');
}

/** A `not` clause that holds: at least one of its parts fails. Name the parts that fail. */
function explainNegated(when: Condition, data: Record<string, unknown>): string {
  const failing: string[] = [];
  for (const [field, expected] of Object.entries(when)) {
    if (field === NOT) {
      if (isCondition(expected) && conditionHolds(expected, data)) failing.push(explainCondition(expected, data));
      continue;
    }
    if (matchesValue(data[field], expected)) continue;
    const actual = data[field] === undefined ? 'it is missing' : `it is ${show(data[field])}`;
    failing.push(`${field} is not ${Array.isArray(expected) ? expected.map(show).join(' or ') : show(expected)} (${actual})`);
  }
  return failing.join(' or ');
}

/** The clause as its author wrote it: `status: Stagnant or Withdrawn, not (status: Final)`. */
export function describeCondition(when: Condition): string {
  return Object.entries(when)
    .map(([k, v]) =>
      k === NOT && isCondition(v)
        ? `not (${describeCondition(v)})`
        : `${k}: ${Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' or ') : typeof v === 'string' ? v : JSON.stringify(v)}`,
    )
    .join(', ');
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}
