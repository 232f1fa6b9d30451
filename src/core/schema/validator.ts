// Front matter → ajv → schema problems placed on the YAML node they are about, in plain words, with
// quick fixes. One validator per resolved configuration (the engine keeps it); compiled validators of
// the built-in schemas are shared by all of them.

import type { ErrorObject } from 'ajv';
import { isScalar, type Node } from 'yaml';
import type { Fix, RelatedLocation, Span } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';
import { nodeSpan } from '../document/yamlSpans.js';
import type { DocType } from '../doctypes/docType.js';
import type { SchemaProblem, SchemaProblemKind } from './problems.js';
import { builtInSchemaSet, workspaceSchemaSet, type SchemaSet } from './ajvSetup.js';
import { collapse, type Issue } from './collapse.js';
import { coercionOf, coercionPhrase } from './coerced.js';
import { quoteFix, replacementFixes } from './fixes.js';
import { draftFor, type Draft, type MessageContext } from './messages.js';
import { resolveYaml, unescapePointer, type YamlTarget } from './pointer.js';
import { createSchemaLookup, type SchemaLookup } from './schemaLookup.js';
import { createTargets, frontMatterAnchor, type Targets } from './targets.js';
import { pathLabel } from './wording.js';
import { missingKeyFix } from '../fixes/missingKey.js';

export interface FrontMatterValidator {
  /** `implied`: keys the detection already settled (a path association implies `type`). */
  validate(docType: DocType, doc: ParsedDoc, implied?: Record<string, unknown>): SchemaProblem[];
}

export function createFrontMatterValidator(extraSchemas: Record<string, unknown>[]): FrontMatterValidator {
  let workspace: SchemaSet | undefined;
  const setFor = (docType: DocType): SchemaSet => (docType.builtIn ? builtInSchemaSet() : (workspace ??= workspaceSchemaSet(extraSchemas)));
  const lookups = new WeakMap<object, SchemaLookup>();
  const lookupFor = (docType: DocType, set: SchemaSet): SchemaLookup => {
    let l = lookups.get(docType.schema);
    if (!l) lookups.set(docType.schema, (l = createSchemaLookup([...set.schemas, docType.schema], { [docType.schemaId]: docType.schema })));
    return l;
  };

  return {
    validate(docType, doc, implied) {
      const fm = doc.frontMatter;
      // Unreadable, refused or non-mapping front matter: frontmatter-syntax/-language say why.
      if (fm && !fm.data) return [];
      const data = implied ? { ...implied, ...fm?.data } : (fm?.data ?? {});
      const set = setFor(docType);
      const compiled = set.compiled(docType);
      if (compiled.error !== undefined) return [compileProblem(docType, compiled.error, doc)];
      if (compiled.validate(data)) return [];
      const errors = [...(compiled.validate.errors ?? [])];
      const recheck = (candidate: unknown): ErrorObject[] => (compiled.validate(candidate) ? [] : [...(compiled.validate.errors ?? [])]);
      return problemsFor(errors, { docType, doc, data, lookup: lookupFor(docType, set), recheck });
    },
  };
}

interface Run {
  docType: DocType;
  doc: ParsedDoc;
  data: Record<string, unknown>;
  lookup: SchemaLookup;
  /** Validate a modified copy of the data (to see whether quoting a value would be enough). */
  recheck(candidate: unknown): ErrorObject[];
}

function problemsFor(errors: ErrorObject[], run: Run): SchemaProblem[] {
  const targets = createTargets(run.doc);
  const ctx: MessageContext = { docType: run.docType, lookup: run.lookup, data: run.data };
  return collapse(errors).map((issue) => problemFor(issue, run, ctx, targets));
}

function problemFor(issue: Issue, run: Run, ctx: MessageContext, targets: Targets): SchemaProblem {
  const { doc } = run;
  const fm = doc.frontMatter;
  const segments = unescapePointer(issue.instancePath);
  const path = typedPath(run.data, segments);
  let draft = draftFor(issue, path, ctx);
  let kind: SchemaProblemKind = draft.unknownKey ? 'unknown-key' : 'schema';
  const place = placementOf(draft, segments);
  const target = resolveYaml(fm, place.segments);
  const span =
    place.on === 'key'
      ? targets.key(target, place.segments.length)
      : place.on === 'holder'
        ? targets.holder(target, place.segments.length)
        : targets.value(target, place.segments.length);
  const exact = target.found === place.segments.length;
  const fixes: Fix[] = [];

  const valueNode = exact ? target.node : undefined;
  const valueSpan = fm && valueNode ? nodeSpan(fm, valueNode) : undefined;
  const coercion =
    issue.keyword === 'type' && wantsText(issue) && valueSpan
      ? coercionOf(valueNode, doc.text.slice(valueSpan.start, valueSpan.end), issue.data)
      : undefined;
  if (coercion && valueSpan) {
    kind = 'coerced';
    const stillWrong = whyQuotingIsNotEnough(run, segments, path, coercion.source, ctx);
    const head = coercionPhrase(pathLabel(path), coercion);
    // `version: 1.10` meant a version: "1.10.0" is the likely intent when that one is valid.
    const completed = stillWrong ? versionCompletion(coercion.source) : undefined;
    const completes = completed !== undefined && !whyQuotingIsNotEnough(run, segments, path, completed, ctx);
    draft = {
      ...draft,
      message: stillWrong
        ? `${head}; quoted as "${coercion.source}" it would still be wrong: ${stillWrong}${completes ? ` Did you mean "${completed}"?` : ''}`
        : `${head}; quote it: "${coercion.source}"`,
      replaceWith: undefined,
    };
    if (completes)
      fixes.push({ title: `Set to "${completed}"`, edits: [{ ...valueSpan, newText: JSON.stringify(completed) }], safe: false });
    // Quoting alone keeps what was written (the remaining problem is then reported as it is).
    fixes.push(stillWrong ? { ...quoteFix(doc.text, valueSpan), safe: false } : quoteFix(doc.text, valueSpan));
  } else if (draft.replaceWith?.length && place.on === 'value' && valueSpan && isScalarOrEmpty(valueNode)) {
    fixes.push(...replacementFixes(doc.text, valueSpan, valueNode, draft.replaceWith));
  } else if (draft.renameTo?.length && place.on === 'key' && exact && fm && isScalar(target.pair?.key)) {
    const keySpan = nodeSpan(fm, target.pair!.key as Node);
    if (keySpan) fixes.push(...replacementFixes(doc.text, keySpan, target.pair!.key as Node, draft.renameTo, 'Rename to'));
  } else if (issue.keyword === 'required' && draft.expected?.length === 1 && exact && !draft.misspeltAs) {
    // Authoring help (src/core/fixes): insert the key with its default, const, first value or a placeholder.
    const fix = missingKeyFix(doc, { lookup: run.lookup, root: run.docType.schema, base: run.docType.schemaId }, path, draft.expected[0]!);
    if (fix) fixes.push(fix);
  }

  // A schema author's own words replace the generated message; the generated one stays as the detail.
  const authored = authorMessage(issue);
  return {
    kind,
    ...span,
    message: authored ?? draft.message,
    ...(authored ? { detail: draft.message } : {}),
    keyword: issue.keyword,
    instancePath: issue.instancePath,
    path: place.on === 'key' || draft.placement.on === 'item' ? typedPath(run.data, place.segments) : path,
    ...(draft.expected ? { expected: draft.expected } : {}),
    ...(draft.actual !== undefined ? { actual: draft.actual } : {}),
    ...(fixes.length ? { fixes } : {}),
    ...(draft.because ? related(run, targets, [...segments, ...draft.because.path], draft.because.message) : {}),
  };
}

/**
 * `x-pmdocs-message` (or ajv-errors' `errorMessage`) on the schema holding the failed keyword: a string
 * for any failure there, or an object keyed by keyword (`{ "required": "…", "enum": "…" }`).
 */
function authorMessage(issue: Issue): string | undefined {
  const schema = issue.parentSchema;
  if (!schema) return undefined;
  for (const key of ['x-pmdocs-message', 'errorMessage']) {
    const m = schema[key];
    if (typeof m === 'string' && m.trim()) return m.trim();
    if (m && typeof m === 'object' && !Array.isArray(m)) {
      const byKeyword = (m as Record<string, unknown>)[issue.keyword];
      if (typeof byKeyword === 'string' && byKeyword.trim()) return byKeyword.trim();
    }
  }
  return undefined;
}

function placementOf(draft: Draft, segments: string[]): { on: 'value' | 'key' | 'holder'; segments: string[] } {
  const p = draft.placement;
  if (p.on === 'key') return { on: 'key', segments: [...segments, p.key] };
  if (p.on === 'item') return { on: 'value', segments: [...segments, String(p.index)] };
  return { on: p.on, segments };
}

/** ajv's segments with list indices as numbers (read from the data, so a key "0" stays a key). */
function typedPath(data: unknown, segments: readonly string[]): (string | number)[] {
  let cur: unknown = data;
  return segments.map((seg) => {
    const isIndex = Array.isArray(cur) && /^\d+$/.test(seg);
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    return isIndex ? Number(seg) : seg;
  });
}

function wantsText(issue: Issue): boolean {
  return String(issue.params.type).split(',').includes('string');
}

function isScalarOrEmpty(node: Node | undefined): boolean {
  return !node || isScalar(node);
}

/** If the value, quoted, would still fail the schema: the message of what would remain. */
/** `1.10` → `1.10.0`, `2` → `2.0.0`: what a number written for a SemVer version most likely meant. */
function versionCompletion(source: string): string | undefined {
  if (/^\d+\.\d+$/.test(source)) return `${source}.0`;
  if (/^\d+$/.test(source)) return `${source}.0.0`;
  return undefined;
}

function whyQuotingIsNotEnough(
  run: Run,
  segments: string[],
  path: (string | number)[],
  source: string,
  ctx: MessageContext,
): string | undefined {
  const candidate = withValue(run.data, segments, source);
  const pointer = `/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  const left = collapse(run.recheck(candidate)).filter((i) => i.instancePath === pointer && i.keyword !== 'required');
  return left.length ? draftFor(left[0]!, path, ctx).message : undefined;
}

/** A copy of `data` with the value at `segments` replaced (only the containers on the path are copied). */
function withValue(data: unknown, segments: readonly string[], value: unknown): unknown {
  if (!segments.length) return value;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[Number(head)] = withValue(data[Number(head)], rest, value);
    return copy;
  }
  const obj = (data ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: withValue(obj[head], rest, value) };
}

function related(run: Run, targets: Targets, segments: string[], message: string): { related: RelatedLocation[] } | Record<string, never> {
  const t: YamlTarget = resolveYaml(run.doc.frontMatter, segments);
  if (t.found !== segments.length) return {};
  const span: Span = targets.value(t, segments.length);
  return { related: [{ ...span, message }] };
}

function compileProblem(docType: DocType, error: string, doc: ParsedDoc): SchemaProblem {
  const from = docType.source ? ` (${docType.source})` : docType.builtIn ? '' : ` (${docType.schemaId})`;
  return {
    kind: 'schema',
    ...frontMatterAnchor(doc),
    message: `The schema of doc type '${docType.type}'${from} could not be compiled, so this front matter was not checked: ${error}`,
    keyword: 'compile',
    instancePath: '',
    path: [],
  };
}
