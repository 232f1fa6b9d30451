// Small pieces of plain-words messages: how a key path, a value, a JSON type and a schema are named.

import { parse } from 'yaml';
import type { SchemaObject } from './schemaLookup.js';

/** `status`, `rice.impact`, `success_metrics[1].target`; the root is "The front matter". */
export function pathLabel(path: readonly (string | number)[]): string {
  if (!path.length) return 'The front matter';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** A value as quoted in a message: 'text', 1.5, true, "a list", "a mapping". */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`.replace(/\r?\n|\r/g, '↵');
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'empty',
};

export function typeWord(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

/** "a number or text" from ajv's `type` param (a string or a comma-separated list). */
export function typeWords(types: string | readonly string[]): string {
  const list = (Array.isArray(types) ? types : String(types).split(',')).map((t) => typeWord(t.trim()));
  return [...new Set(list)].join(' or ');
}

/** What the value is, in the same words: "text", "a number", "a list"… */
export function actualTypeWord(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return 'a mapping';
}

/** A value written as YAML: plain when YAML reads it back as the same string, double-quoted otherwise. */
export function yamlLiteral(value: unknown): string {
  if (typeof value === 'string') return readsBackAsItself(value) ? value : JSON.stringify(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map(yamlLiteral).join(', ')}]`;
  if (value === null) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function readsBackAsItself(s: string): boolean {
  if (!s || /[\r\n]/.test(s) || s !== s.trim()) return false;
  try {
    return parse(s, { strict: true, prettyErrors: false, logLevel: 'error' }) === s;
  } catch {
    return false;
  }
}

/** `a` or `an` before a word (a prd, an epic, a user-story). */
export function article(word: string): string {
  // "a user-story", "a one-pager": a vowel letter is not always a vowel sound.
  // Letters read one by one ("RFC", "SLA", "MVP", the type name "rfc"): "an" before a vowel sound.
  if (/^[A-Z]{2,5}$/.test(word) || word === 'rfc') return /^[AEFHILMNORSX]/i.test(word) ? `an ${word}` : `a ${word}`;
  return /^[aeiou]/i.test(word) && !/^(us|uni|eu|one)/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** A short phrase saying what a property is, from its title or the first clause of its description. */
export function schemaPhrase(schema: SchemaObject, key?: string): string | undefined {
  const title = typeof schema.title === 'string' ? schema.title.trim() : '';
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (title && (!key || norm(title) !== norm(key))) return lowerFirst(title);
  const description = typeof schema.description === 'string' ? schema.description.trim() : '';
  if (!description) return title ? lowerFirst(title) : undefined;
  let clause = description.split(/(?:\.\s|:\s|;\s|\s\(|\s—\s|,\s+e\.g\.|\.$)/)[0]!.trim();
  if (clause.length > 90) clause = `${clause.slice(0, 90).replace(/\s+\S*$/, '')}…`;
  return lowerFirst(clause);
}

/** The schema's first example, written as YAML (`"@jane"`, `PRD-12`, `[billing, q3]`). */
export function firstExample(schema: SchemaObject): string | undefined {
  const examples = schema.examples;
  if (!Array.isArray(examples) || !examples.length) return undefined;
  const e = examples[0];
  if (typeof e === 'object' && e !== null && !Array.isArray(e)) return undefined;
  return yamlLiteral(e);
}

/** ` (the accountable person, e.g. "@jane")`, or '' when the schema says nothing useful. */
export function hintFor(schema: SchemaObject | undefined, key?: string): string {
  if (!schema) return '';
  const phrase = schemaPhrase(schema, key);
  const example = firstExample(schema);
  const parts = [phrase, example ? `e.g. ${example}` : undefined].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function lowerFirst(s: string): string {
  // Keep acronyms and names as written: "PRD id", "SemVer version", "RICE score".
  return /^[A-Z][a-z]/.test(s) && !/^[A-Z][a-z]+[A-Z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** A regex a person can read, when it is a simple one: `^PRD-\d{1,6}$` → `PRD-<number>`. */
export function humanizePattern(pattern: string): string | undefined {
  // Unanchored ends match anything there: `^@` reads "@…".
  const open = pattern.startsWith('^') ? '' : '…';
  const close = pattern.endsWith('$') ? '' : '…';
  let s = pattern.replace(/^\^/, '').replace(/\$$/, '');
  s = s.replace(/(?:\\d|\[0-9\])(?:\+|\*|\{\d+(?:,\d*)?\})?/g, '\u0000');
  s = s.replace(/\\([.\-/_:#])/g, '$1');
  if (/[\\[\](){}*+?|^$]/.test(s)) return undefined;
  // eslint-disable-next-line no-control-regex -- NUL is the placeholder this function itself put in for numbers
  return `${open}${s.replace(/\u0000+/g, '<number>')}${close}`;
}
