// One file's record in the workspace index, from its front matter only (the Markdown body is never
// parsed: `parseDoc` parses it lazily and nothing here asks for it).

import { parseDoc, type ParsedDoc } from '../document/parse.js';
import { createRegistry, detectDocType, type DocTypeRegistry } from '../doctypes/registry.js';
import type { DocType } from '../doctypes/docType.js';
import type { ResolvedConfig } from '../config/types.js';
import { factsAt, safeTest, schemaViewFor } from '../schema/facts.js';
import type { IndexedDoc, IndexedRef, IndexedRelease, IndexedRequirement } from './index.js';
import { referenceSites } from './references.js';
import { requirementsIn } from '../graph/requirements.js';
import { parseChangelog } from '../changelog/parse.js';
import { CHANGELOG_TYPE } from '../changelog/ofDocument.js';
import { findMentions, idPrefixes } from '../navigation/mentions.js';

const registries = new WeakMap<ResolvedConfig, DocTypeRegistry>();

export function registryFor(config: ResolvedConfig): DocTypeRegistry {
  let r = registries.get(config);
  if (!r) registries.set(config, (r = createRegistry(config.docTypes)));
  return r;
}

export interface EntryOptions {
  /** Record where the document names ids (IndexedDoc.mentions), for navigation: the editor hosts ask, the lint does not. */
  mentions?: boolean;
}

/**
 * The index record of a file, or undefined when it is no pmdocs document: no front matter, or front
 * matter that names no known type (unless it is unreadable or carries an id: a document with a broken
 * `type:` or a YAML error is still something other documents may point at, by its file name).
 */
export function indexEntry(
  text: string,
  path: string,
  config: ResolvedConfig,
  registry: DocTypeRegistry = registryFor(config),
  options: EntryOptions = {},
): IndexedDoc | undefined {
  const doc = parseDoc(text, path);
  // Without front matter only a type known by its file name (a CHANGELOG.md) makes a document.
  if (!doc.frontMatter && !registry.all().some((t) => t.fileNames)) return undefined;
  const docType = detectDocType(registry, doc.frontMatter, path, config)?.docType;
  const entry = entryOf(doc, path, docType, config.schemas);
  return entry && options.mentions ? withMentions(entry, doc, docType, config, registry) : entry;
}

/** The entry with the ids its document names (see EntryOptions.mentions). */
export function withMentions(
  entry: IndexedDoc,
  doc: ParsedDoc,
  docType: DocType | undefined,
  config: ResolvedConfig,
  registry: DocTypeRegistry = registryFor(config),
): IndexedDoc {
  const mentions = findMentions(doc, docType, idPrefixes(registry.all()), config.schemas);
  return mentions.length ? { ...entry, mentions } : entry;
}

/** The record of a document already parsed and typed (the editor keeps its open documents' records current this way). */
export function entryOf(
  doc: ParsedDoc,
  path: string,
  docType: DocType | undefined,
  extraSchemas: readonly unknown[] = [],
): IndexedDoc | undefined {
  const fm = doc.frontMatter;
  if (docType?.type === CHANGELOG_TYPE) return changelogEntry(doc, path, fm?.data);
  if (!fm) return undefined;
  const data = fm.data;
  const id = typeof data?.['id'] === 'string' && data['id'] ? (data['id'] as string) : undefined;
  if (!docType && data && id === undefined) return undefined;
  const status = data?.['status'];
  const title = data?.['title'];
  return {
    path,
    ...(docType ? { type: docType.type } : {}),
    ...(id !== undefined ? { id } : {}),
    idOk: !!docType && id !== undefined && idIsWellFormed(docType, id, extraSchemas),
    ...(typeof status === 'string' ? { status } : {}),
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof data?.['version'] === 'string' ? { version: data['version'] } : {}),
    ...(typeof data?.['date'] === 'string' ? { date: data['date'] } : {}),
    ...(typeof data?.['priority'] === 'string' ? { priority: data['priority'] } : {}),
    ...(data?.['breaking'] === true ? { breaking: true } : {}),
    ...graphFacts(doc, docType, data, extraSchemas),
  };
}

/** The document's edges (reference values) and, for a type with requirement ids, its requirements. */
function graphFacts(
  doc: ParsedDoc,
  docType: DocType | undefined,
  data: Record<string, unknown> | undefined,
  extraSchemas: readonly unknown[],
): { refs?: IndexedRef[]; requirements?: IndexedRequirement[] } {
  if (!docType) return {};
  const refs: IndexedRef[] = [];
  for (const site of referenceSites(docType, data, extraSchemas)) {
    const hash = site.value.indexOf('#');
    const anchor = hash < 0 ? '' : site.value.slice(hash + 1).trim();
    const key = site.path.filter((p): p is string => typeof p === 'string').join('.');
    refs.push({ key, id: site.id, ...(anchor ? { anchor } : {}) });
  }
  const prefix = docType.requirementIdPrefix;
  const requirements = prefix
    ? requirementsIn(doc.text, doc.frontMatter?.block.end ?? 0, prefix).map((r): IndexedRequirement => ({
        id: r.id,
        ...(r.priority ? { priority: r.priority } : {}),
        ...(r.text ? { text: r.text } : {}),
        line: r.line,
      }))
    : [];
  return { ...(refs.length ? { refs } : {}), ...(requirements.length ? { requirements } : {}) };
}

/** A changelog's record: its releases' versions and dates, for the cross-check with release notes. */
function changelogEntry(doc: ParsedDoc, path: string, data: Record<string, unknown> | undefined): IndexedDoc {
  const log = parseChangelog(doc.text, doc.frontMatter?.block.end ?? 0);
  const releases: IndexedRelease[] = [];
  for (const r of log.releases) {
    const h = r.heading;
    if (h.kind === 'release' && h.version) releases.push({ version: h.version, ...(h.date !== undefined ? { date: h.date } : {}) });
  }
  const title = data?.['title'] ?? log.title?.text;
  return { path, type: CHANGELOG_TYPE, idOk: false, ...(typeof title === 'string' && title ? { title } : {}), releases };
}

/** The id has its type's prefix and matches every pattern the type's schema gives `id`. */
export function idIsWellFormed(docType: DocType, id: string, extraSchemas: readonly unknown[] = []): boolean {
  if (docType.idPrefix && !id.startsWith(docType.idPrefix)) return false;
  return idPatterns(docType, extraSchemas).every((p) => safeTest(p, id));
}

const patternsByType = new WeakMap<DocType, WeakMap<readonly unknown[], string[]>>();

function idPatterns(docType: DocType, extraSchemas: readonly unknown[]): string[] {
  let byExtras = patternsByType.get(docType);
  if (!byExtras) patternsByType.set(docType, (byExtras = new WeakMap()));
  let patterns = byExtras.get(extraSchemas);
  if (!patterns) {
    try {
      patterns = factsAt(schemaViewFor(docType, extraSchemas), ['id'])?.patterns ?? [];
    } catch {
      patterns = []; // a schema that cannot be read says nothing about ids
    }
    byExtras.set(extraSchemas, patterns);
  }
  return patterns;
}
