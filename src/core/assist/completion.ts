// Completion in the front matter, from the document type's schema: keys not yet present (with a snippet
// for mappings and lists), allowed values, booleans, today's date for dates, ids of existing documents
// for reference fields (of the type their `x-pmdocs.references` names), the next free id for `id`, and the known doc types for `type` (optionally with
// the type's required keys). Plain data out; the editor adapter turns it into CompletionItems.

import type { Span } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';
import type { DocType } from '../doctypes/docType.js';
import { nextId } from '../templates/nextId.js';
import { yamlLiteral } from '../schema/wording.js';
import { cursorContext, type CursorContext, type KeyContext, type ValueContext } from './yamlCursor.js';
import { factsAt, safeTest, schemaViewFor, type Facts, type SchemaView } from '../schema/facts.js';
import { keyDocumentation } from './describe.js';

export interface KnownDoc {
  id: string;
  type?: string;
  title?: string;
  /** Where it is, as the host names it (shown as detail). */
  path?: string;
}

export interface CompletionInput {
  doc: ParsedDoc;
  offset: number;
  /** The document's type, when it has one. */
  docType?: DocType;
  /** Every doc type known under the document's config (for `type:`). */
  docTypes: readonly DocType[];
  /** Workspace schemas `$ref`s may reach (config.schemas). */
  extraSchemas?: readonly unknown[];
  /** Documents of the workspace, for reference fields and the next free id. */
  knownDocs?: readonly KnownDoc[];
  /** Today as YYYY-MM-DD (the core has no clock). */
  today?: string;
  /** The document's line break (default: the one the text uses). */
  eol?: string;
}

export type CompletionKind = 'key' | 'value' | 'type' | 'reference' | 'date' | 'id';

export interface AssistCompletion {
  label: string;
  kind: CompletionKind;
  /** Text to insert; a snippet (`${1:…}` tab stops) when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  replace: Span;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Sorts before others (required keys, the default value). */
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  /** Continuation lines of `insertText` are indented relative to the line the cursor is on. */
  multiline?: boolean;
}

export function completeFrontMatter(input: CompletionInput): AssistCompletion[] {
  const ctx = cursorContext(input.doc, input.offset);
  if (!ctx) return [];
  const view = input.docType ? schemaViewFor(input.docType, input.extraSchemas) : undefined;
  const eol = input.eol ?? (/\r\n/.test(input.doc.text.slice(0, 4096)) ? '\r\n' : '\n');
  if (ctx.kind === 'key') return keyItems(input, ctx, view, eol);
  // `- |` in a list of mappings: the first key of a new item.
  if (typeof ctx.key === 'number' && view && !ctx.typed.includes(':')) {
    const item = factsAt(view, ctx.path);
    if (item && (item.types.includes('object') || (!item.types.length && item.properties.length))) {
      const asKey: KeyContext = {
        kind: 'key',
        path: ctx.path,
        present: [],
        nameOnly: false,
        typed: ctx.typed,
        replace: ctx.replace,
        extraIndent: ctx.extraIndent,
      };
      return keyItems(input, asKey, view, eol);
    }
  }
  return valueItems(input, ctx, view, eol);
}

function keyItems(input: CompletionInput, ctx: KeyContext, view: SchemaView | undefined, eol: string): AssistCompletion[] {
  if (!view) {
    // No doc type yet: what makes it one.
    if (ctx.path.length || ctx.present.includes('type')) return [];
    return [
      {
        label: 'type',
        kind: 'key',
        insertText: ctx.nameOnly ? 'type' : `type: \${1|${input.docTypes.map((t) => choiceEscape(t.type)).join(',')}|}`,
        snippet: !ctx.nameOnly,
        replace: ctx.replace,
        detail: 'Document type',
        documentation: `The kind of document (${input.docTypes.map((t) => `\`${t.type}\``).join(', ')}); selects the schema and the section rules.`,
        sortText: '0type',
      },
    ];
  }
  const parent = factsAt(view, ctx.path);
  if (!parent) return [];
  const items: AssistCompletion[] = [];
  for (const key of parent.properties) {
    if (ctx.present.includes(key) || (key === '$schema' && ctx.path.length === 0 && input.docType)) continue;
    const facts = factsAt(view, [...ctx.path, key]);
    const required = parent.required.includes(key);
    const insert = ctx.nameOnly
      ? { text: escapeSnippet(key), multiline: false }
      : keySnippet(view, [...ctx.path, key], key, facts, input, ctx.extraIndent, eol);
    items.push({
      label: key,
      kind: 'key',
      insertText: insert.text,
      snippet: true,
      replace: ctx.replace,
      detail: facts?.title ? `${facts.title}${required ? ' (required)' : ''}` : required ? 'required' : undefined,
      documentation: facts ? keyDocumentation(key, facts, { required }) : undefined,
      sortText: `${required ? '0' : '1'}${String(parent.properties.indexOf(key)).padStart(3, '0')}`,
      ...(insert.multiline ? { multiline: true } : {}),
    });
  }
  return items;
}

/** `key: ${1|a,b|}`, `key: ${1:2026-07-14}`, `key:\n  - ${1}`, `key:\n  sub: ${1}` … */
function keySnippet(
  view: SchemaView,
  path: (string | number)[],
  key: string,
  facts: Facts | undefined,
  input: CompletionInput,
  extraIndent: string,
  eol: string,
): { text: string; multiline: boolean } {
  const head = `${escapeSnippet(key)}:`;
  if (!facts) return { text: `${head} $1`, multiline: false };
  const inline = scalarSnippet(facts, input, 1, path);
  if (inline !== undefined) return { text: `${head} ${inline}`, multiline: false };
  const type = facts.types[0] ?? (facts.properties.length ? 'object' : undefined);
  const step = `${extraIndent}  `;
  if (type === 'array') {
    const item = factsAt(view, [...path, 0]);
    if (item && (item.types.includes('object') || (!item.types.length && item.properties.length)) && item.required.length) {
      let n = 1;
      const lines = item.required.map(
        (sub, i) =>
          `${i === 0 ? `${step}- ` : `${step}  `}${escapeSnippet(sub)}: ${scalarSnippet(factsAt(view, [...path, 0, sub]) ?? emptyFacts(), input, n++, [...path, 0, sub]) ?? `$${n - 1}`}`,
      );
      return { text: `${head}${eol}${lines.join(eol)}`, multiline: true };
    }
    const inner = item ? scalarSnippet(item, input, 1, [...path, 0]) : undefined;
    return { text: `${head}${eol}${step}- ${inner ?? '$1'}`, multiline: true };
  }
  if (type === 'object') {
    if (!facts.required.length) return { text: `${head}${eol}${step}$1`, multiline: true };
    let n = 1;
    const lines = facts.required.map(
      (sub) =>
        `${step}${escapeSnippet(sub)}: ${scalarSnippet(factsAt(view, [...path, sub]) ?? emptyFacts(), input, n++, [...path, sub]) ?? `$${n - 1}`}`,
    );
    return { text: `${head}${eol}${lines.join(eol)}`, multiline: true };
  }
  return { text: `${head} $1`, multiline: false };
}

/** A tab stop for a scalar value: a choice of the allowed values, the default, today's date. */
function scalarSnippet(facts: Facts, input: CompletionInput, n: number, path: (string | number)[]): string | undefined {
  if (facts.values?.length === 1) return escapeSnippet(yamlLiteral(facts.values[0]));
  if (facts.values && facts.values.length > 1) {
    const ordered = facts.hasDefault ? [facts.default, ...facts.values.filter((v) => v !== facts.default)] : facts.values;
    return `\${${n}|${ordered.map((v) => choiceEscape(yamlLiteral(v))).join(',')}|}`;
  }
  if (facts.types.length === 1 && facts.types[0] === 'boolean')
    return `\${${n}|${facts.hasDefault && facts.default === true ? 'true,false' : 'false,true'}|}`;
  if (facts.format === 'date' && input.today) return `\${${n}:${input.today}}`;
  if (path[path.length - 1] === 'id' && path.length === 1 && input.docType) {
    const id = suggestedId(input.docType, input.knownDocs, input.doc.frontMatter?.data);
    if (id) return `\${${n}:${escapeSnippet(id)}}`;
    if (input.docType.idPrefix) return `${escapeSnippet(input.docType.idPrefix)}$${n}`;
  }
  if (facts.hasDefault && (typeof facts.default !== 'object' || facts.default === null))
    return `\${${n}:${escapeSnippet(yamlLiteral(facts.default))}}`;
  if (facts.types.length && facts.types.every((t) => t === 'object' || t === 'array')) return undefined;
  return `$${n}`;
}

function valueItems(input: CompletionInput, ctx: ValueContext, view: SchemaView | undefined, eol: string): AssistCompletion[] {
  const lead = ctx.needsSpace ? ' ' : '';
  const items: AssistCompletion[] = [];
  const isTypeKey = ctx.path.length === 1 && ctx.key === 'type';
  if (isTypeKey) return typeItems(input, ctx, lead, eol);
  if (!view) return [];
  const facts = factsAt(view, ctx.path);
  if (!facts) return [];
  // The value of a list key typed inline (`epics: `) completes like an item of a flow list.
  const listFacts = facts.types.includes('array') && typeof ctx.key === 'string' ? factsAt(view, [...ctx.path, 0]) : undefined;
  const valueFacts = listFacts ?? facts;
  const wrap = (s: string) => (listFacts ? `[${s}]` : s);
  const push = (c: Omit<AssistCompletion, 'replace' | 'snippet'> & { snippet?: boolean }) =>
    items.push({ snippet: false, ...c, insertText: lead + c.insertText, replace: ctx.replace, ...(lead ? { filterText: c.label } : {}) });
  const values = valueFacts.values ?? (valueFacts.types.length === 1 && valueFacts.types[0] === 'boolean' ? [true, false] : undefined);
  if (values) {
    for (const [i, v] of values.entries()) {
      if (ctx.siblings.includes(String(v))) continue;
      const written = yamlLiteral(v);
      const isDefault = valueFacts.hasDefault && valueFacts.default === v;
      push({
        label: written,
        kind: 'value',
        insertText: wrap(written),
        detail: isDefault ? 'default' : valueFacts.title,
        sortText: `${isDefault ? '0' : '1'}${String(i).padStart(3, '0')}`,
        ...(isDefault ? { preselect: true } : {}),
        documentation: valueFacts.description,
      });
    }
  }
  if (valueFacts.format === 'date' && input.today)
    push({ label: input.today, kind: 'date', insertText: wrap(input.today), detail: 'today', sortText: '0' });
  const last = ctx.path[ctx.path.length - 1];
  if (last === 'id' && ctx.path.length === 1 && input.docType) {
    const next = suggestedId(input.docType, input.knownDocs, input.doc.frontMatter?.data);
    if (next) push({ label: next, kind: 'id', insertText: next, detail: `the next free ${input.docType.type} id`, sortText: '0' });
  } else if ((valueFacts.references?.length || valueFacts.patterns.length) && input.knownDocs?.length) {
    const own = input.doc.frontMatter?.data?.['id'];
    // The schema says which type the value refers to (`x-pmdocs: {references: prd}`); a schema that only
    // gives a pattern gets the ids that match it.
    const refs = valueFacts.references;
    const fits = refs?.length
      ? (d: KnownDoc) => refs.includes('*') || (d.type !== undefined && refs.includes(d.type))
      : (d: KnownDoc) => valueFacts.patterns.every((p) => safeTest(p, d.id));
    for (const d of input.knownDocs) {
      if (d.id === own || ctx.siblings.includes(d.id) || !fits(d)) continue;
      push({
        label: d.id,
        kind: 'reference',
        insertText: wrap(yamlLiteral(d.id)),
        detail: d.title,
        documentation: [d.type && `${d.type}`, d.path].filter(Boolean).join(' · ') || undefined,
        sortText: `2${d.id}`,
      });
    }
  }
  return items;
}

/** `type:` — the known doc types, and each again with the keys it requires. */
function typeItems(input: CompletionInput, ctx: ValueContext, lead: string, eol: string): AssistCompletion[] {
  const items: AssistCompletion[] = [];
  const data = input.doc.frontMatter?.data ?? {};
  for (const [i, t] of input.docTypes.entries()) {
    const description = typeof t.schema['description'] === 'string' ? (t.schema['description'] as string) : undefined;
    const common = { replace: ctx.replace, detail: t.label ?? t.type, documentation: description, ...(lead ? { filterText: t.type } : {}) };
    items.push({
      label: t.type,
      kind: 'type',
      insertText: lead + t.type,
      snippet: false,
      sortText: `0${String(i).padStart(3, '0')}`,
      ...common,
    });
    const view = schemaViewFor(t, input.extraSchemas);
    const root = factsAt(view, []);
    const missing = (root?.required ?? []).filter((k) => k !== 'type' && !(k in data));
    if (!missing.length) continue;
    let n = 1;
    const lines = missing.map((k) => {
      const facts = factsAt(view, [k]);
      const snippet = facts ? scalarSnippet(facts, { ...input, docType: t }, n, [k]) : undefined;
      if (snippet !== undefined) n++;
      return `${escapeSnippet(k)}: ${snippet ?? `$${n++}`}`;
    });
    items.push({
      label: `${t.type} + required keys`,
      kind: 'type',
      insertText: `${lead}${t.type}${eol}${lines.join(eol)}`,
      snippet: true,
      multiline: true,
      sortText: `1${String(i).padStart(3, '0')}`,
      ...common,
      detail: `${t.label ?? t.type}, adding ${missing.join(', ')}`,
      filterText: t.type,
    });
  }
  return items;
}

/**
 * Numbered ids (PRD-12): the next free number. Ids made of a version (REL-2.4.0): the document's own
 * `version`, when it has one. Otherwise none.
 */
function suggestedId(docType: DocType, known: readonly KnownDoc[] | undefined, data?: Record<string, unknown>): string | undefined {
  const prefix = docType.idPrefix;
  if (!prefix) return undefined;
  const example =
    typeof docType.idExample === 'string' && docType.idExample.startsWith(prefix) ? docType.idExample.slice(prefix.length) : '';
  if (!example || /^\d+$/.test(example))
    return known
      ? nextId(
          prefix,
          known.map((d) => d.id),
        )
      : undefined;
  const version = data?.['version'];
  return typeof version === 'string' && /^\d+\.\d+\.\d+/.test(example) && version ? prefix + version : undefined;
}

function emptyFacts(): Facts {
  return { hasDefault: false, types: [], patterns: [], examples: [], properties: [], required: [], deprecated: false };
}

export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function choiceEscape(s: string): string {
  return s.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

export type { CursorContext };
