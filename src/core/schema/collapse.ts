// ajv with allErrors reports everything it tried; a person needs one finding per mistake. This turns
// ajv's error list into "issues": `if` wrappers dropped (their `then` errors remember the condition),
// anyOf/oneOf cascades reduced to the useful branch or to one "must be one of the forms" issue, and one
// value problem per node.

import type { ErrorObject } from 'ajv';
import type { SchemaObject } from './schemaLookup.js';

export interface Issue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  /** The schema object holding the failed keyword (ajv's `verbose`). */
  parentSchema?: SchemaObject;
  data?: unknown;
  /** `then`/`else` errors: the `if` schema whose match (or, for `else`, failure) made them apply. */
  condition?: SchemaObject;
  /** True for `else` errors: the condition that applies is the `if` schema NOT matching. */
  negated?: boolean;
  /** Collapsed anyOf/oneOf: the alternative schemas, none of which matched. */
  forms?: SchemaObject[];
}

/** Keywords that are about the value itself (shown on the value); the rest are about keys. */
const VALUE_PRIORITY = [
  'const',
  'enum',
  'type',
  'anyOf',
  'oneOf',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minProperties',
  'maxProperties',
  'not',
  'false schema',
];
const KEY_KEYWORDS = new Set(['required', 'additionalProperties', 'unevaluatedProperties', 'dependentRequired', 'propertyNames']);

export function collapse(errors: readonly ErrorObject[]): Issue[] {
  const out: Issue[] = [];
  for (const e of errors) {
    const issue = toIssue(e);
    if (e.keyword === 'if') {
      markConditional(out, e);
      continue;
    }
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      out.push(...reduceAlternatives(takeBranchErrors(out, e.instancePath), issue));
      continue;
    }
    out.push(issue);
  }
  return onePerNode(out);
}

function toIssue(e: ErrorObject): Issue {
  return {
    keyword: e.keyword,
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    params: { ...(e.params as Record<string, unknown>) },
    parentSchema: e.parentSchema as SchemaObject | undefined,
    data: e.data,
  };
}

/** The `then` errors of this `if` sit just before it (same schema path, `then` for `if`). */
function markConditional(out: Issue[], e: ErrorObject): void {
  const branch = (e.params as { failingKeyword?: string }).failingKeyword ?? 'then';
  const thenPath = `${e.schemaPath.replace(/\/if$/, '')}/${branch}/`;
  const condition = (e.parentSchema as SchemaObject | undefined)?.if;
  for (let i = out.length - 1; i >= 0; i--) {
    const issue = out[i]!;
    if (!within(issue.instancePath, e.instancePath)) break;
    if (issue.schemaPath.startsWith(thenPath) && typeof condition === 'object' && condition !== null) {
      issue.condition = condition as SchemaObject;
      if (branch === 'else') issue.negated = true;
    }
  }
}

/** Errors of the alternatives: the contiguous run just before the anyOf/oneOf error, at or below its node. */
function takeBranchErrors(out: Issue[], instancePath: string): Issue[] {
  let i = out.length;
  while (i > 0 && within(out[i - 1]!.instancePath, instancePath)) i--;
  return out.splice(i);
}

function reduceAlternatives(branchErrors: Issue[], alt: Issue): Issue[] {
  const branches = Array.isArray(alt.parentSchema?.[alt.keyword]) ? (alt.parentSchema![alt.keyword] as SchemaObject[]) : [];
  if (alt.keyword === 'oneOf' && Array.isArray(alt.params.passingSchemas)) return [{ ...alt, forms: branches }];
  const typeAtNode = branchErrors.filter((e) => e.keyword === 'type' && e.instancePath === alt.instancePath);
  const rest = branchErrors.filter((e) => !typeAtNode.includes(e));
  const rightType = branches.length - typeAtNode.length;
  if (typeAtNode.length && (!rest.length || rightType <= 0)) {
    // The value is none of the accepted types: one type issue listing them all.
    const types = typeAtNode.flatMap((e) => String(e.params.type).split(','));
    return [{ ...alt, keyword: 'type', params: { type: [...new Set(types)].join(',') } }];
  }
  if (rightType === 1 && rest.length) return rest; // only one alternative fits the value's type: its errors say it
  return [{ ...alt, forms: branches }];
}

function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** One value issue per node (the most telling keyword); key issues are all kept. */
function onePerNode(issues: Issue[]): Issue[] {
  const best = new Map<string, Issue>();
  const rank = (k: string) => {
    const i = VALUE_PRIORITY.indexOf(k);
    return i < 0 ? VALUE_PRIORITY.length : i;
  };
  for (const issue of issues) {
    if (KEY_KEYWORDS.has(issue.keyword)) continue;
    const current = best.get(issue.instancePath);
    if (!current || rank(issue.keyword) < rank(current.keyword)) best.set(issue.instancePath, issue);
  }
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (!KEY_KEYWORDS.has(issue.keyword)) return best.get(issue.instancePath) === issue;
    const key = `${issue.keyword}\0${issue.instancePath}\0${JSON.stringify(issue.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
