// One issue → a message a PM understands: the key, what was found, what was expected, and (for typos)
// the closest allowed word. Positions and text edits are decided elsewhere (validator.ts, fixes.ts).

import type { DocType } from '../doctypes/docType.js';
import { closeMatches } from './didYouMean.js';
import type { Issue } from './collapse.js';
import type { SchemaLookup, SchemaObject } from './schemaLookup.js';
import {
  actualTypeWord,
  article,
  firstExample,
  hintFor,
  humanizePattern,
  pathLabel,
  schemaPhrase,
  showValue,
  typeWords,
  yamlLiteral,
} from './wording.js';
import { compareItems, MAX_BYTES, MIN_BYTES, SORTED } from './pmdocsKeywords.js';

export interface MessageContext {
  docType: DocType;
  lookup: SchemaLookup;
  /** The front matter as data (to see which keys a mapping already has). */
  data: unknown;
}

/** Where a draft's finding goes: the value at the path, a key under it, or the mapping missing a key. */
export type Placement = { on: 'value' } | { on: 'key'; key: string } | { on: 'holder' } | { on: 'item'; index: number };

export interface Draft {
  message: string;
  placement: Placement;
  expected?: string[];
  actual?: string;
  /** Values offered as replacements for the value, best first. */
  replaceWith?: unknown[];
  /** Key names offered for renaming an unknown key, best first. */
  renameTo?: string[];
  /** The related value that made a conditional requirement apply (a path below the issue's node). */
  because?: { path: string[]; message: string };
  unknownKey?: boolean;
  /** For a missing key: the unknown key next to it that looks like a typo of it (rename, don't add). */
  misspeltAs?: string;
}

/** `path` is the issue's instance path, unescaped. */
export function draftFor(issue: Issue, path: readonly (string | number)[], ctx: MessageContext): Draft {
  const label = pathLabel(path);
  const value = issue.data;
  const shown = showValue(value);
  const schema = issue.parentSchema ?? {};
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return required(String(p.missingProperty), issue, path, ctx);
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return unknownKey(String(p.additionalProperty ?? p.unevaluatedProperty), issue, path, ctx);
    case 'enum':
      return enumDraft(label, value, (p.allowedValues as unknown[]) ?? (schema.enum as unknown[]) ?? [], path, ctx);
    case 'const': {
      const allowed = p.allowedValue ?? schema.const;
      return {
        message: `${label} ${shown} must be ${yamlLiteral(allowed)}.`,
        placement: { on: 'value' },
        expected: [yamlLiteral(allowed)],
        actual: plain(value),
        replaceWith: [allowed],
      };
    }
    case 'type':
      return typeDraft(label, value, String(p.type), schema, path);
    case 'format':
      return {
        message: `${label} ${shown} ${formatProblem(String(p.format))}.`,
        placement: { on: 'value' },
        expected: [String(p.format)],
        actual: plain(value),
      };
    case 'pattern':
      return patternDraft(label, value, String(p.pattern), schema, path, ctx);
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        message: `${label} ${shown} is too small: it must be ${comparison(String(p.comparison))} ${p.limit}.`,
        placement: { on: 'value' },
        expected: [`${p.comparison} ${p.limit}`],
        actual: plain(value),
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        message: `${label} ${shown} is too large: it must be ${comparison(String(p.comparison))} ${p.limit}.`,
        placement: { on: 'value' },
        expected: [`${p.comparison} ${p.limit}`],
        actual: plain(value),
      };
    case 'multipleOf':
      return { message: `${label} ${shown} must be a multiple of ${p.multipleOf}.`, placement: { on: 'value' }, actual: plain(value) };
    case 'minLength': {
      const limit = Number(p.limit);
      const message =
        limit <= 1 || typeof value !== 'string' || value.length === 0
          ? `${label} must not be empty${hintFor(schema, lastKey(path))}.`
          : `${label} ${shown} is too short: use at least ${limit} characters.`;
      return { message, placement: { on: 'value' }, expected: [`at least ${limit} characters`], actual: plain(value) };
    }
    case 'maxLength':
      return {
        message: `${label} is too long (${String(value).length} characters): use at most ${p.limit}.`,
        placement: { on: 'value' },
        expected: [`at most ${p.limit} characters`],
        actual: plain(value),
      };
    case 'minItems': {
      const n = Array.isArray(value) ? value.length : 0;
      const want = Number(p.limit) === 1 ? 'one item' : `${p.limit} items`;
      const message =
        n === 0
          ? `${label} is an empty list: add at least ${want}${hintFor(schema, lastKey(path))}.`
          : `${label} has ${items(n)}: it needs at least ${want}.`;
      return {
        message,
        placement: { on: 'value' },
        expected: [`at least ${want}`],
        actual: items(Array.isArray(value) ? value.length : 0),
      };
    }
    case 'maxItems':
      return {
        message: `${label} has ${items(Array.isArray(value) ? value.length : 0)}: at most ${p.limit} are allowed.`,
        placement: { on: 'value' },
      };
    case 'uniqueItems': {
      const [a, b] = [Number(p.i), Number(p.j)].sort((x, y) => x - y) as [number, number];
      const item = Array.isArray(value) ? value[b] : undefined;
      return {
        message: `${label} lists ${showValue(item)} twice (items ${a + 1} and ${b + 1}): remove one.`,
        placement: { on: 'item', index: b },
        actual: plain(item),
      };
    }
    case SORTED: {
      const i = Number(p.i);
      const list = Array.isArray(value) ? value : [];
      return {
        message: `${label} lists ${showValue(list[i - 1])} before ${showValue(list[i])}: keep the items in ${p.direction} order (${orderedPreview(list, String(p.direction))}).`,
        placement: { on: 'item', index: i },
        expected: [`${p.direction} order`],
        actual: plain(list[i]),
      };
    }
    case MAX_BYTES:
    case MIN_BYTES: {
      const chars = typeof value === 'string' ? [...value].length : 0;
      const counted = `${p.bytes} bytes in UTF-8${chars !== Number(p.bytes) ? `, ${chars} characters` : ''}`;
      const message =
        issue.keyword === MAX_BYTES
          ? `${label} is too long (${counted}): use at most ${p.limit} bytes.`
          : `${label} is too short (${counted}): use at least ${p.limit} bytes.`;
      const bound = issue.keyword === MAX_BYTES ? 'at most' : 'at least';
      return { message, placement: { on: 'value' }, expected: [`${bound} ${p.limit} bytes`], actual: plain(value) };
    }
    case 'minProperties':
      return { message: `${label} needs at least ${p.limit} ${Number(p.limit) === 1 ? 'key' : 'keys'}.`, placement: { on: 'value' } };
    case 'maxProperties':
      return { message: `${label} has too many keys: at most ${p.limit} are allowed.`, placement: { on: 'value' } };
    case 'dependentRequired': {
      const where = path.length ? ` in ${label}` : '';
      return {
        message: `'${p.property}' is set${where}, so '${p.missingProperty}' is required too.`,
        placement: { on: 'key', key: String(p.property) },
        expected: [String(p.missingProperty)],
      };
    }
    case 'propertyNames':
      return {
        message: `Key '${p.propertyName}'${path.length ? ` in ${label}` : ''} is not an allowed name.`,
        placement: { on: 'key', key: String(p.propertyName) },
        actual: String(p.propertyName),
      };
    case 'anyOf':
    case 'oneOf':
      return alternativesDraft(label, value, issue, ctx);
    case 'not': {
      // Say what the `not` rules out: "must not be text matching /^TMP-/", "must not be 'Living'".
      const form =
        schema.not && typeof schema.not === 'object' ? notPhrase(schema.not as SchemaObject, baseOf(issue, ctx), ctx) : undefined;
      const why = form ? `: it must not ${form}` : '';
      return {
        message: `${label}${isScalar(value) ? ` ${shown}` : ''} is not allowed here${why}.`,
        placement: { on: 'value' },
        actual: plain(value),
        ...(form ? { expected: [`not ${form}`] } : {}),
      };
    }
    case 'false schema':
      return {
        message: `${label}${isScalar(value) ? ` ${shown}` : ''} is not allowed here.`,
        placement: { on: 'value' },
        actual: plain(value),
      };
    case 'contains':
    case 'minContains':
    case 'maxContains':
      return { message: `${label} does not hold the items it must: see the schema's '${issue.keyword}' rule.`, placement: { on: 'value' } };
    default:
      return {
        message: `${label}${isScalar(value) ? ` ${shown}` : ''} does not satisfy the schema's '${issue.keyword}' rule.`,
        placement: { on: 'value' },
        actual: plain(value),
      };
  }
}

function required(key: string, issue: Issue, path: readonly (string | number)[], ctx: MessageContext): Draft {
  const propSchema = propertySchemaFor(issue, path, key, ctx);
  const hint = hintFor(propSchema, key);
  const head = path.length ? `${pathLabel(path)} is missing required key '${key}'${hint}` : `Missing required key '${key}'${hint}`;
  const when = issue.condition ? describeCondition(issue.condition, issue.negated === true, objectAt(ctx.data, path) ?? {}) : undefined;
  const typo = misspelling(key, issue, path, ctx);
  const tail = typo ? ` Is '${typo}' meant to be it?` : '';
  return {
    message: `${when ? `${head}: it is required when ${when.text}.` : `${head}.`}${tail}`,
    placement: { on: 'holder' },
    expected: [key],
    misspeltAs: typo,
    because: when?.key ? { path: [when.key], message: `'${key}' is required because of this value.` } : undefined,
  };
}

/** A key present in the same mapping that the schema does not know and that is close to the missing one. */
function misspelling(missing: string, issue: Issue, path: readonly (string | number)[], ctx: MessageContext): string | undefined {
  const present = Object.keys(objectAt(ctx.data, path) ?? {});
  if (!present.length) return undefined;
  // At the root, the whole type's keys (a `then` that requires the key only knows that one key).
  const known = new Set(
    path.length
      ? ctx.lookup.knownKeys(issue.parentSchema ?? {}, baseOf(issue, ctx))
      : ctx.lookup.knownKeys(ctx.docType.schema, rootBase(ctx)),
  );
  return present.find((k) => !known.has(k) && !k.startsWith('x-') && closeMatches(k, [missing]).length > 0);
}

function unknownKey(key: string, issue: Issue, path: readonly (string | number)[], ctx: MessageContext): Draft {
  const schema = issue.parentSchema ?? {};
  const base = baseOf(issue, ctx);
  const present = new Set(Object.keys(objectAt(ctx.data, path) ?? {}));
  const known = ctx.lookup.knownKeys(schema, base).filter((k) => k !== '$schema');
  const matches = closeMatches(key, known);
  // Renaming onto a key that is already there would only make a duplicate key.
  const renameTo = matches.filter((m) => !present.has(m));
  const where = path.length ? ` in ${pathLabel(path)}` : '';
  let message: string;
  if (matches.length) {
    const taken = matches.filter((m) => present.has(m));
    const note = taken.length && !renameTo.length ? ` ('${taken[0]}' is already set${where}: remove one of them.)` : '';
    message = `Unknown key '${key}'${where}. Did you mean ${orList(matches.slice(0, 3).map((m) => `'${m}'`))}?${note}`;
  } else if (path.length || known.length <= 8) message = `Unknown key '${key}'${where}. Known keys: ${known.join(', ') || '(none left)'}.`;
  else {
    const ext = ctx.lookup.allowsExtensionKeys(schema, base);
    message = `Unknown key '${key}': ${article(ctx.docType.type)} does not use it.${ext ? ` Check the spelling, or name your own keys with an 'x-' prefix (x-${key}).` : ''}`;
  }
  return {
    message,
    placement: { on: 'key', key },
    actual: key,
    expected: matches.length ? matches : undefined,
    renameTo,
    unknownKey: true,
  };
}

function enumDraft(label: string, value: unknown, allowed: unknown[], path: readonly (string | number)[], ctx: MessageContext): Draft {
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  let suggestions: unknown[] = [];
  if (typeof value === 'string') {
    suggestions = closeMatches(value, strings);
    // "3" quoted where the number 3 is allowed.
    const n = value.trim() === '' ? NaN : Number(value);
    if (!suggestions.length && allowed.includes(n)) suggestions = [n];
  }
  const forWhom = path.length === 1 ? ` for ${article(ctx.docType.type)}` : '';
  const dym = suggestions.length
    ? ` Did you mean ${orList(suggestions.slice(0, 3).map((s) => (typeof s === 'string' ? `'${s}'` : `${s} (a number, without quotes)`)))}?`
    : '';
  const list =
    allowed
      .slice(0, 12)
      .map((a) => yamlLiteral(a))
      .join(', ') + (allowed.length > 12 ? ', …' : '');
  return {
    message: `${label} ${showValue(value)} is not allowed${forWhom}.${dym} Allowed: ${list}.`,
    placement: { on: 'value' },
    expected: allowed.map((a) => yamlLiteral(a)),
    actual: plain(value),
    replaceWith: suggestions,
  };
}

function typeDraft(label: string, value: unknown, types: string, schema: SchemaObject, path: readonly (string | number)[]): Draft {
  const expected = typeWords(types);
  const wanted = types.split(',');
  const base = {
    placement: { on: 'value' } as Placement,
    expected: wanted,
    actual: value === null || value === undefined ? 'null' : Array.isArray(value) ? 'array' : typeof value,
  };
  if (value === null || value === undefined)
    return { ...base, message: `${label} is empty: expected ${expected}${hintFor(schema, lastKey(path))}.` };
  if (!isScalar(value)) return { ...base, message: `${label} is ${actualTypeWord(value)}, expected ${expected}.` };
  if (
    typeof value === 'string' &&
    wanted.some((t) => t === 'number' || t === 'integer') &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return {
      ...base,
      message: `${label} ${showValue(value)} is text, expected ${expected}: remove the quotes.`,
      replaceWith: [Number(value)],
    };
  }
  if (typeof value === 'string' && wanted.includes('boolean') && /^(true|false)$/i.test(value)) {
    return {
      ...base,
      message: `${label} ${showValue(value)} is text, expected ${expected}: write true or false without quotes.`,
      replaceWith: [value.toLowerCase() === 'true'],
    };
  }
  return { ...base, message: `${label} ${showValue(value)} is ${actualTypeWord(value)}, expected ${expected}.` };
}

function patternDraft(
  label: string,
  value: unknown,
  pattern: string,
  schema: SchemaObject,
  path: readonly (string | number)[],
  ctx: MessageContext,
): Draft {
  const isRootId = path.length === 1 && path[0] === 'id';
  const phrase = schemaPhrase(schema);
  const subject = isRootId ? `the ${ctx.docType.type} id format` : phrase ? `the ${phrase} format` : 'the expected format';
  const human = humanizePattern(pattern);
  const explained = human ? ` ${human}` : explanation(schema);
  const example = firstExample(schema) ?? (isRootId ? ctx.docType.idExample : undefined);
  const tail = example ? ` (e.g. ${example})` : explained ? '' : ` /${pattern}/`;
  return {
    message: `${label} ${showValue(value)} does not match ${subject}${explained}${tail}`.replace(/(?<!…)$/, '.'),
    placement: { on: 'value' },
    expected: [human ?? pattern],
    actual: plain(value),
  };
}

function alternativesDraft(label: string, value: unknown, issue: Issue, ctx: MessageContext): Draft {
  const shown = isScalar(value) ? ` ${showValue(value)}` : '';
  if (issue.keyword === 'oneOf' && Array.isArray(issue.params.passingSchemas)) {
    return {
      message: `${label}${shown} matches more than one of the accepted forms; make it match exactly one.`,
      placement: { on: 'value' },
    };
  }
  const base = baseOf(issue, ctx);
  const forms = (issue.forms ?? []).map((f) => describeForm(f, base, ctx)).filter((f): f is string => !!f);
  const example = issue.parentSchema ? firstExample(issue.parentSchema) : undefined;
  return {
    message: `${label}${shown} must be one of the forms: ${forms.join('; ') || 'see the schema'}${example ? ` (e.g. ${example})` : ''}.`,
    placement: { on: 'value' },
    expected: forms,
    actual: plain(value),
  };
}

/** What a `not` schema rules out, after "it must not": "be 'Living'", "match /^TMP-/", "be one of a, b". */
function notPhrase(form: SchemaObject, base: string, ctx: MessageContext): string | undefined {
  if ('const' in form) return `be ${showValue(form.const)}`;
  if (Array.isArray(form.enum)) return `be ${orList(form.enum.map((v) => showValue(v)))}`;
  if (typeof form.pattern === 'string' && Object.keys(form).every((k) => k === 'pattern' || k === 'type')) return `match /${form.pattern}/`;
  const described = describeForm(form, base, ctx);
  return described ? `be ${described}` : undefined;
}

function describeForm(form: SchemaObject, base: string, ctx: MessageContext, depth = 0): string | undefined {
  if (typeof form !== 'object' || form === null) return undefined;
  if (typeof form.title === 'string') return schemaPhrase(form);
  if (typeof form.$ref === 'string' && depth < 5) {
    const r = ctx.lookup.resolve(form.$ref, base);
    if (r) return describeForm(r.schema, r.base, ctx, depth + 1);
  }
  if ('const' in form) return yamlLiteral(form.const);
  if (Array.isArray(form.enum)) return `one of ${form.enum.map((v) => yamlLiteral(v)).join(', ')}`;
  if (typeof form.pattern === 'string') return humanizePattern(form.pattern) ?? `text matching /${form.pattern}/`;
  if (typeof form.format === 'string') return `a ${String(form.format)}`;
  if (form.type) return typeWords(form.type as string | string[]);
  return undefined;
}

/**
 * `status is 'released' or 'yanked'` from an `if` schema made of const/enum properties. For an `else`
 * branch (`negated`) the condition that applies is the `if` failing: `status is not 'Stagnant' (it is
 * 'Final')`, naming the properties that failed, with the file's value.
 */
function describeCondition(
  cond: SchemaObject,
  negated: boolean,
  data: Record<string, unknown>,
): { text: string; key?: string } | undefined {
  const props = cond.properties;
  if (typeof props !== 'object' || props === null) return undefined;
  const parts: string[] = [];
  let first: string | undefined;
  for (const [k, s] of Object.entries(props as Record<string, SchemaObject>)) {
    if (typeof s !== 'object' || s === null) continue;
    const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : undefined;
    if (!values) return undefined;
    const expected = orList(values.map((v) => showValue(v)));
    if (!negated) parts.push(`${k} is ${expected}`);
    else if (!(k in data) || !values.some((v) => JSON.stringify(v) === JSON.stringify(data[k]))) {
      parts.push(`${k} is not ${expected} (${k in data ? `it is ${showValue(data[k])}` : 'it is missing'})`);
    } else continue;
    first ??= k;
  }
  return parts.length ? { text: parts.join(negated ? ' or ' : ' and '), key: first } : undefined;
}

function formatProblem(format: string): string {
  switch (format) {
    case 'date':
      return 'is not a valid date: use YYYY-MM-DD';
    case 'date-time':
      return 'is not a valid date and time: use YYYY-MM-DDThh:mm:ssZ';
    case 'time':
      return 'is not a valid time: use hh:mm:ss with a time zone (Z or +01:00)';
    case 'email':
      return 'is not a valid email address';
    case 'uri':
    case 'url':
      return 'is not a valid URL (e.g. https://example.com/page)';
    case 'uri-reference':
      return 'is not a valid link';
    default:
      return `is not a valid ${format}`;
  }
}

function comparison(op: string): string {
  return ({ '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than' } as Record<string, string>)[op] ?? op;
}

/** The part of a description after its first colon, when it explains the format ("A free label: lower-case …"). */
function explanation(schema: SchemaObject): string {
  const d = typeof schema.description === 'string' ? schema.description : '';
  const sentence = d.split(/\.(?:\s|$)/)[0] ?? '';
  const i = sentence.indexOf(': ');
  return i > 0 ? `: ${sentence.slice(i + 2).trim()}` : '';
}

/** The schema of the missing key: from the schema that requires it, else from the doc type along the path. */
function propertySchemaFor(issue: Issue, path: readonly (string | number)[], key: string, ctx: MessageContext): SchemaObject | undefined {
  const base = baseOf(issue, ctx);
  const own = issue.parentSchema ? ctx.lookup.propertySchema(issue.parentSchema, base, key) : undefined;
  if (own && hintFor(own.schema, key)) return own.schema;
  let at: { schema: SchemaObject; base: string } | undefined = { schema: ctx.docType.schema, base: rootBase(ctx) };
  for (const seg of path) {
    if (!at) break;
    if (typeof seg === 'number') {
      const itemsOf = followRefs(at, ctx);
      at =
        itemsOf && typeof itemsOf.schema.items === 'object'
          ? { schema: itemsOf.schema.items as SchemaObject, base: itemsOf.base }
          : undefined;
    } else at = ctx.lookup.propertySchema(at.schema, at.base, seg);
  }
  return (at && ctx.lookup.propertySchema(at.schema, at.base, key)?.schema) ?? own?.schema;
}

function followRefs(at: { schema: SchemaObject; base: string }, ctx: MessageContext): { schema: SchemaObject; base: string } | undefined {
  let cur: { schema: SchemaObject; base: string } | undefined = at;
  for (let i = 0; cur && typeof cur.schema.$ref === 'string' && !cur.schema.items && i < 10; i++)
    cur = ctx.lookup.resolve(cur.schema.$ref, cur.base);
  return cur;
}

function rootBase(ctx: MessageContext): string {
  const id = ctx.docType.schema.$id;
  return typeof id === 'string' ? id : ctx.docType.schemaId;
}

/** The base id of the schema an issue came from: the part of its schema path before '#'. */
function baseOf(issue: Issue, ctx: MessageContext): string {
  const hash = issue.schemaPath.indexOf('#');
  return hash > 0 ? issue.schemaPath.slice(0, hash) : rootBase(ctx);
}

function objectAt(data: unknown, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let cur: unknown = data;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg as string] : undefined;
  return cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>) : undefined;
}

function lastKey(path: readonly (string | number)[]): string | undefined {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function plain(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : isScalar(v) ? String(v) : Array.isArray(v) ? 'a list' : 'a mapping';
}

/** The list as it should be, shortened: "5, 20, 31". */
function orderedPreview(list: readonly unknown[], direction: string): string {
  const sorted = [...list].sort(compareItems);
  if (direction === 'descending') sorted.reverse();
  const shown = sorted.slice(0, 6).map((v) => (isScalar(v) ? String(v) : JSON.stringify(v)));
  return shown.join(', ') + (sorted.length > 6 ? ', …' : '');
}

function items(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
