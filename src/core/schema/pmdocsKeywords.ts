// Schema keywords pmdocs adds for workspace types, for checks JSON Schema cannot say:
//   x-pmdocs-sorted: true | "ascending" | "descending"  — a list's items in order (numbers by value);
//   x-pmdocs-maxBytes / x-pmdocs-minBytes: n            — a string's length in UTF-8 bytes, as tools
//                                                          that count bytes (not characters) do.
// Each failure is an ajv error with its own keyword; messages.ts words it.

import type Ajv2020 from 'ajv/dist/2020.js';

export const SORTED = 'x-pmdocs-sorted';
export const MAX_BYTES = 'x-pmdocs-maxBytes';
export const MIN_BYTES = 'x-pmdocs-minBytes';

type Direction = 'ascending' | 'descending';

interface KeywordValidate {
  (schema: unknown, data: unknown, parentSchema?: object): boolean;
  errors?: object[];
}

export function addPmdocsKeywords(ajv: Ajv2020): void {
  const sorted: KeywordValidate = (schema, data, parentSchema) => {
    sorted.errors = [];
    if (schema === false || !Array.isArray(data)) return true;
    const direction: Direction = schema === 'descending' ? 'descending' : 'ascending';
    const at = firstOutOfOrder(data, direction);
    if (at === undefined) return true;
    sorted.errors = [{ keyword: SORTED, params: { i: at, direction }, parentSchema }];
    return false;
  };
  ajv.addKeyword({
    keyword: SORTED,
    type: 'array',
    metaSchema: { anyOf: [{ type: 'boolean' }, { enum: ['ascending', 'descending'] }] },
    errors: true,
    validate: sorted,
  });
  for (const keyword of [MAX_BYTES, MIN_BYTES]) {
    const bytes: KeywordValidate = (schema, data, parentSchema) => {
      bytes.errors = [];
      if (typeof data !== 'string' || typeof schema !== 'number') return true;
      const length = utf8Length(data);
      if (keyword === MAX_BYTES ? length <= schema : length >= schema) return true;
      bytes.errors = [{ keyword, params: { limit: schema, bytes: length }, parentSchema }];
      return false;
    };
    ajv.addKeyword({ keyword, type: 'string', metaSchema: { type: 'integer', minimum: 0 }, errors: true, validate: bytes });
  }
}

/** Index of the first item that breaks the order, or undefined when the list is in order. */
export function firstOutOfOrder(items: readonly unknown[], direction: Direction): number | undefined {
  for (let i = 1; i < items.length; i++) {
    const c = compareItems(items[i - 1], items[i]);
    if (direction === 'ascending' ? c > 0 : c < 0) return i;
  }
  return undefined;
}

/** Numbers (and numeric strings, both sides) by value; anything else by its text, code point by code point. */
export function compareItems(a: unknown, b: unknown): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The UTF-8 length of a string (a lone surrogate counts as the 3 bytes of U+FFFD it is encoded as). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
