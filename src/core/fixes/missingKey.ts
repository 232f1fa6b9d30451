// "Add the missing required key": one inserted line (or a small block for a mapping) in the mapping
// that lacks the key, after the last key present that comes before it in the schema's property order
// (else before the first key), at that mapping's indentation. The value is the schema's default, its
// const, the first allowed value, or an example/placeholder the editor offers as a tab stop. Only a
// default or a const is certain enough for "fix all" (safe).

import { isMap, isNode, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { ParsedDoc } from '../document/parse.js';
import { yamlNodeAt } from '../document/yamlSpans.js';
import { factsAt, type Facts, type SchemaView } from '../schema/facts.js';
import { yamlLiteral } from '../schema/wording.js';
import type { Placeholder, SnippetFix } from './snippetFix.js';
import { eolOf } from '../document/lines.js';

export function missingKeyFix(
  doc: ParsedDoc,
  view: SchemaView,
  parentPath: readonly (string | number)[],
  key: string,
): SnippetFix | undefined {
  const fm = doc.frontMatter;
  const text = doc.text;
  const eol = eolOf(text);
  const parentFacts = factsAt(view, parentPath);
  const facts = factsAt(view, [...parentPath, key]);
  if (!fm) {
    // No front matter at all (the type came from a path association): start one.
    if (parentPath.length) return undefined;
    const value = valueText(view, [key], facts, '', eol);
    const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const prefix = `---${eol}${key}:`;
    return finish(key, value, { start: at, end: at, newText: `${prefix}${value.text}${eol}---${eol}` }, prefix.length);
  }
  if (!fm.yaml || fm.problems.length || !fm.block.closeFence) return undefined;
  const node = yamlNodeAt(fm, parentPath);
  const base = fm.block.content.start;
  if (!node && parentPath.length === 0) {
    // Empty front matter (or only comments): the key goes last, before the closing fence.
    const at = fm.block.content.end;
    const value = valueText(view, [key], facts, '', eol);
    const prefix = `${key}:`;
    const lead = at > fm.block.content.start && !/[\r\n]$/.test(text.slice(fm.block.content.start, at)) ? eol : '';
    return finish(key, value, { start: at, end: at, newText: `${lead}${prefix}${value.text}${eol}` }, lead.length + prefix.length);
  }
  if (!isMap(node) || (node as { flow?: boolean }).flow || !node.items.length) return undefined;
  const map = node as YAMLMap;
  const pairs = map.items.filter((p): p is Pair => isPair(p) && isScalar(p.key) && !!p.key.range);
  if (!pairs.length) return undefined;
  const first = pairs[0]!;
  const firstKeyStart = base + (first.key as { range: [number, number, number] }).range[0];
  const indent = text.slice(lineStartOf(text, firstKeyStart), firstKeyStart);
  // The first key of a list item sits after "- ": the other keys line up under it.
  const column = /^[ \t]*(?:-[ \t]+)*$/.test(indent) ? ' '.repeat(indent.length) : undefined;
  if (column === undefined) return undefined;
  const order = parentFacts?.properties ?? [];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? Infinity : i;
  };
  const wanted = rank(key);
  let after: Pair | undefined;
  for (const p of pairs) {
    const r = rank(String((p.key as { value: unknown }).value));
    if (r < wanted && (!after || r >= rank(String((after.key as { value: unknown }).value)))) after = p;
  }
  const value = valueText(view, [...parentPath, key], facts, column, eol);
  const prefix = `${column}${key}:`;
  if (after) {
    const at = insertionAfter(text, base, after);
    const lead = at === text.length || /[\r\n]/.test(text[at - 1] ?? '\n') ? '' : eol;
    return finish(key, value, { start: at, end: at, newText: `${lead}${prefix}${value.text}${eol}` }, lead.length + prefix.length);
  }
  // Nothing earlier in the schema's order: before the first key. Its line may start with "- ".
  if (indent.trim()) {
    // `- first: x` → `- key: v` + `  first: x`: the new key takes over the dash.
    const newText = `${key}:${value.text}${eol}${column}`;
    return finish(key, value, { start: firstKeyStart, end: firstKeyStart, newText }, key.length + 1);
  }
  const at = lineStartOf(text, firstKeyStart);
  return finish(key, value, { start: at, end: at, newText: `${prefix}${value.text}${eol}` }, prefix.length);
}

interface ValueText {
  /** What follows `key:` (a leading space, or a line break and indented lines). */
  text: string;
  placeholders: { start: number; end: number }[];
  safe: boolean;
  described: string;
}

/** The value written after `key:` for a new key, and which parts of it are placeholders. */
export function valueText(
  view: SchemaView,
  path: readonly (string | number)[],
  facts: Facts | undefined,
  indent: string,
  eol: string,
  depth = 0,
): ValueText {
  if (!facts) return { text: ' ', placeholders: [{ start: 1, end: 1 }], safe: false, described: 'an empty value' };
  const scalar = (v: unknown, safe: boolean, placeholder: boolean): ValueText => {
    const written = yamlLiteral(v);
    return { text: ` ${written}`, placeholders: placeholder ? [{ start: 1, end: 1 + written.length }] : [], safe, described: written };
  };
  if (facts.values?.length === 1) return scalar(facts.values[0], true, false);
  if (facts.hasDefault && isPlain(facts.default)) return scalar(facts.default, true, false);
  if (facts.values?.length) return scalar(facts.values[0], false, true);
  const type = facts.types[0];
  if ((type === 'object' || (!type && facts.properties.length)) && depth < 2) {
    const inner = `${indent}  `;
    let out = '';
    const placeholders: { start: number; end: number }[] = [];
    for (const sub of facts.required) {
      const v = valueText(view, [...path, sub], factsAt(view, [...path, sub]), inner, eol, depth + 1);
      const head = `${eol}${inner}${sub}:`;
      for (const p of v.placeholders)
        placeholders.push({ start: out.length + head.length + p.start, end: out.length + head.length + p.end });
      out += head + v.text;
    }
    if (!out) return { text: ' {}', placeholders: [{ start: 2, end: 2 }], safe: false, described: 'an empty mapping' };
    return { text: out, placeholders, safe: false, described: 'a mapping' };
  }
  const example = facts.examples.find(isPlain) ?? facts.examples.find((e) => Array.isArray(e) && e.every(isPlain));
  if (example !== undefined) return scalar(example, false, true);
  if (type === 'array') return { text: ' []', placeholders: [{ start: 2, end: 2 }], safe: false, described: 'an empty list' };
  if (type === 'boolean') return scalar(false, false, true);
  if (type === 'number' || type === 'integer') return scalar(0, false, true);
  return { text: ' ""', placeholders: [{ start: 2, end: 2 }], safe: false, described: 'an empty text' };
}

function finish(key: string, value: ValueText, edit: { start: number; end: number; newText: string }, valueOffset: number): SnippetFix {
  const placeholders: Placeholder[] = value.placeholders.map((p) => ({ edit: 0, start: valueOffset + p.start, end: valueOffset + p.end }));
  return {
    title: value.safe ? `Add the missing key '${key}: ${value.described}'` : `Add the missing key '${key}'`,
    edits: [edit],
    safe: value.safe,
    ...(placeholders.length ? { placeholders } : {}),
  };
}

/** After a pair: the start of the line after its value (trailing comment and nested lines included). */
function insertionAfter(text: string, base: number, pair: Pair): number {
  const value = isNode(pair.value) ? pair.value : undefined;
  const range = value?.range ?? (pair.key as { range: [number, number, number] }).range;
  let end = base + range[2];
  if (end > 0 && /[\r\n]/.test(text[end - 1]!)) return end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text.startsWith('\r\n', end)) return end + 2;
  return end < text.length ? end + 1 : end;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function isPlain(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}
