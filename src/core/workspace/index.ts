// The workspace index: one small record per pmdocs document of a workspace (path, doc type, id, status,
// title), for the rules that look across documents (ref-unresolved, duplicate-id, release-story-not-done)
// and for completion of ids. Plain data in (`WorkspaceIndexData`, serialisable: the CLI sends it to its
// worker threads once), a read-only lookup out. Building an entry from a file's text is entry.ts.
//
// Every question a rule asks goes through a handful of methods, so the engine can record the questions
// (`recordQueries`) and a host can tell later whether the answers changed (`queryAnswers`): that is the
// CLI cache's key for a file's cross-document findings and the editor's cue to re-validate a document.

import { relativePath } from '../config/paths.js';

export interface IndexedDoc {
  /** Where the document is, `/`-separated, as the host names paths (the path the engine lints it under). */
  path: string;
  /** The detected doc type; undefined when the front matter names no known type. */
  type?: string;
  /** The `id` as written, when it is text. */
  id?: string;
  /**
   * The id has the shape its type wants (prefix and pattern). Documents with a broken id (or none, or
   * front matter that does not parse) are indexed too, by their file name, so that a reference to them
   * is not reported on every referring document: the broken id is reported once, in the document itself.
   */
  idOk: boolean;
  status?: string;
  title?: string;
  /** A string `version` / `date` in the front matter (release notes), for the changelog cross-check. */
  version?: string;
  date?: string;
  /** A changelog's releases, newest first as written (its only record of content). */
  releases?: IndexedRelease[];
  /**
   * Where the document names ids (its `id:`, its front-matter references, plain-text mentions in the
   * body), for navigation and rename (core/navigation). Only the editor hosts ask for them; the lint
   * never reads them, so they are not part of `queryAnswers`.
   */
  mentions?: IdMention[];
  /** MoSCoW `priority` of the front matter, when it is text. */
  priority?: string;
  /** `breaking: true` in the front matter (release notes). */
  breaking?: boolean;
  /** The front-matter values that reference other documents (the edges of the document graph, core/graph). */
  refs?: IndexedRef[];
  /** Requirement ids the body declares (types with `requirementIdPrefix`; core/graph/requirements.ts). */
  requirements?: IndexedRequirement[];
}

export interface IndexedRef {
  /** The front-matter key holding it, dotted (`prd`, `stories`, `links.depends_on`, `implements`). */
  key: string;
  /** The id part (`PRD-12`). */
  id: string;
  /** What follows `#` (`FR-3` in `PRD-12#FR-3`). */
  anchor?: string;
}

export interface IndexedRequirement {
  id: string;
  priority?: string;
  text?: string;
  /** 0-based line of the id in its document. */
  line: number;
}

/** One place a document names an id: the id's exact text on one line (0-based line, UTF-16 character). */
export interface IdMention {
  id: string;
  /** `id`: the document's own `id:` value; `ref`: a front-matter reference value; `body`: a mention in the text. */
  kind: 'id' | 'ref' | 'body';
  line: number;
  character: number;
}

export interface IndexedRelease {
  version: string;
  /** As written (perhaps not a valid date: that is the changelog's own finding). */
  date?: string;
}

export interface WorkspaceIndexData {
  /** Folder paths in messages are relative to (the config file's folder, the workspace folder or the cwd). */
  root: string;
  docs: IndexedDoc[];
}

export interface WorkspaceIndex {
  readonly root: string;
  /** Every indexed document (for completion and tools; rules use the lookups below). */
  readonly docs: readonly IndexedDoc[];
  /** Documents whose well-formed id is exactly `id`. More than one: a duplicate id. */
  withId(id: string): readonly IndexedDoc[];
  /** Documents with a broken or missing id whose file name is `id` or starts with `id-` (`PRD-12-export.md`). */
  namedAfter(id: string): readonly IndexedDoc[];
  /** Documents of one doc type that have a well-formed id, sorted by id (for did-you-mean). */
  ofType(type: string): readonly IndexedDoc[];
  /** Every document of a type, with or without an id (changelogs have none), sorted by path. */
  typed(type: string): readonly IndexedDoc[];
  /** Documents whose front matter references `id` (with or without an anchor), sorted by path: the graph's incoming edges. */
  referencing(id: string): readonly IndexedDoc[];
  /** A path as messages show it: relative to the root. */
  display(path: string): string;
}

export function createWorkspaceIndex(data: WorkspaceIndexData): WorkspaceIndex {
  const byId = new Map<string, IndexedDoc[]>();
  const broken: IndexedDoc[] = [];
  for (const d of data.docs) {
    if (d.idOk && d.id) {
      const list = byId.get(d.id);
      if (list) list.push(d);
      else byId.set(d.id, [d]);
    } else broken.push(d);
  }
  for (const list of byId.values()) list.sort(byPathOrder);
  let byType: Map<string, IndexedDoc[]> | undefined;
  const byStem = new Map<string, IndexedDoc[]>();
  for (const d of broken) {
    const stem = fileStem(d.path);
    const list = byStem.get(stem);
    if (list) list.push(d);
    else byStem.set(stem, [d]);
  }
  const root = data.root;
  const none: readonly IndexedDoc[] = Object.freeze([]);
  // Built on first use: the lint of a workspace without graph rules never pays for it.
  let byTarget: Map<string, IndexedDoc[]> | undefined;
  const typedCache = new Map<string, readonly IndexedDoc[]>();
  const referencing = (id: string): readonly IndexedDoc[] => {
    if (!byTarget) {
      byTarget = new Map();
      for (const d of data.docs) {
        if (!d.refs) continue;
        for (const r of d.refs) {
          const list = byTarget.get(r.id);
          if (list && list[list.length - 1] === d) continue; // a second reference from the same document
          if (list) list.push(d);
          else byTarget.set(r.id, [d]);
        }
      }
      for (const list of byTarget.values()) list.sort(byPathOrder);
    }
    return byTarget.get(id) ?? none;
  };
  return Object.freeze({
    root,
    docs: data.docs,
    withId: (id: string) => byId.get(id) ?? none,
    namedAfter(id: string) {
      if (!id || !broken.length) return none;
      const out = [...(byStem.get(id) ?? [])];
      for (const [stem, list] of byStem) if (stem.startsWith(`${id}-`)) out.push(...list);
      return out.length ? out.sort(byPathOrder) : none;
    },
    typed(type: string) {
      // Built once per type: the release rules ask it for every release notes document they check.
      let list = typedCache.get(type);
      if (!list) typedCache.set(type, (list = Object.freeze(data.docs.filter((d) => d.type === type).sort(byPathOrder))));
      return list;
    },
    referencing,
    ofType(type: string) {
      if (!byType) {
        byType = new Map();
        for (const list of byId.values()) {
          for (const d of list) {
            if (!d.type) continue;
            const of = byType.get(d.type);
            if (of) of.push(d);
            else byType.set(d.type, [d]);
          }
        }
        for (const list of byType.values()) list.sort((a, b) => compareIds(a.id!, b.id!) || byPathOrder(a, b));
      }
      return byType.get(type) ?? none;
    },
    display: (path: string) => (root && path.startsWith(root.endsWith('/') ? root : `${root}/`) ? relativePath(root, path) : path),
  });
}

/** `docs/prd/PRD-12-export.md` → `PRD-12-export`. */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(md|markdown)$/i, '');
}

// One collator: `localeCompare` with options builds one per call (some 30 times slower in a sort).
const idCollator = new Intl.Collator('en', { numeric: true });

/** PRD-2 before PRD-10. */
export function compareIds(a: string, b: string): number {
  return idCollator.compare(a, b);
}

const byPathOrder = (a: IndexedDoc, b: IndexedDoc): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

// --- recording what a lint asked ----------------------------------------------------------------------

/** A question a rule asked the index, as a string: `id:PRD-12`, `named:PRD-12`, `type:prd`, `refs:PRD-12`. */
export type IndexQuery = string;

/** The same index, remembering every question asked through it. */
export function recordQueries(index: WorkspaceIndex): { index: WorkspaceIndex; queries(): IndexQuery[] } {
  const asked = new Set<IndexQuery>();
  const recorded: WorkspaceIndex = Object.freeze({
    root: index.root,
    get docs() {
      asked.add('all');
      return index.docs;
    },
    withId: (id: string) => (asked.add(`id:${id}`), index.withId(id)),
    namedAfter: (id: string) => (asked.add(`named:${id}`), index.namedAfter(id)),
    ofType: (type: string) => (asked.add(`type:${type}`), index.ofType(type)),
    typed: (type: string) => (asked.add(`typed:${type}`), index.typed(type)),
    referencing: (id: string) => (asked.add(`refs:${id}`), index.referencing(id)),
    display: (path: string) => index.display(path),
  });
  return { index: recorded, queries: () => [...asked].sort() };
}

/**
 * The index's answers to `queries`, as one deterministic string: equal strings mean a lint that asked
 * these questions would come to the same findings. (The root is part of it: messages show paths.)
 */
export function queryAnswers(index: WorkspaceIndex | undefined, queries: readonly IndexQuery[]): string {
  if (!index) return 'no index';
  const parts = [`root ${index.root}`];
  for (const q of [...queries].sort()) parts.push(queryAnswer(index, q));
  return parts.join('\n');
}

/** The index's answer to one query, as one line of queryAnswers (the query, then the documents' keys). */
export function queryAnswer(index: WorkspaceIndex, q: IndexQuery): string {
  const colon = q.indexOf(':');
  const kind = colon < 0 ? q : q.slice(0, colon);
  const arg = colon < 0 ? '' : q.slice(colon + 1);
  const docs =
    kind === 'id'
      ? index.withId(arg)
      : kind === 'named'
        ? index.namedAfter(arg)
        : kind === 'type'
          ? index.ofType(arg)
          : kind === 'typed'
            ? index.typed(arg)
            : kind === 'refs'
              ? index.referencing(arg)
              : kind === 'all'
                ? index.docs
                : [];
  return `${q} ${docs.map(docKey).join(' | ')}`;
}

const docKey = (d: IndexedDoc): string =>
  JSON.stringify([
    d.path,
    d.type ?? null,
    d.id ?? null,
    d.idOk,
    d.status ?? null,
    d.title ?? null,
    d.version ?? null,
    d.date ?? null,
    d.releases ?? null,
    d.priority ?? null,
    d.breaking ?? null,
    d.refs ?? null,
    d.requirements ?? null,
  ]);
