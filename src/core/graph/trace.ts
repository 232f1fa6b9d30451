// The document graph's queries: from one PRD to its requirements, the epics and stories that deliver
// them (with their status) and the releases that ship them, gaps marked. Edges are the front-matter
// references the workspace index records (`prd:`, `epic:`, `release:`, `stories:`, `implements:`…), read
// in both directions: a story names its PRD, or the PRD names the epic the story belongs to, or the
// release lists the story — any of them links the two.
//
// Everything goes through the index's lookups (`withId`, `referencing`), so a rule that asks for a trace
// is re-checked exactly when one of the documents it read changes (the index records the questions).

import type { DocType } from '../doctypes/docType.js';
import { compareIds, type IndexedDoc, type IndexedRequirement, type WorkspaceIndex } from '../workspace/index.js';

export const PRD = 'prd';
export const EPIC = 'epic';
export const STORY = 'user-story';
export const RELEASE = 'release-notes';

/** Statuses that end a PRD's life without delivery: a story or epic pointing at it is stale. */
export const DEAD_PRD_STATUSES: readonly string[] = ['abandoned', 'archived'];
/** Statuses in which a story (`wont-do`) or an epic (`cancelled`) no longer delivers anything. */
export const DROPPED_WORK_STATUSES: readonly string[] = ['wont-do', 'cancelled'];
/** PRD statuses from which its Must requirements should have stories (requirement-no-story). */
export const COMMITTED_PRD_STATUSES: readonly string[] = ['approved', 'building', 'launched'];

export interface StoryTrace {
  doc: IndexedDoc;
  done: boolean;
  /** Releases that ship it (its `release:`, or release notes listing it), sorted by id. */
  releases: IndexedDoc[];
  /** Requirement ids of this PRD it implements. */
  implements: string[];
}

export interface EpicTrace {
  doc: IndexedDoc;
  done: boolean;
  stories: StoryTrace[];
  implements: string[];
}

export interface RequirementTrace {
  requirement: IndexedRequirement;
  /** Stories and epics whose `implements` names it. */
  stories: StoryTrace[];
  epics: EpicTrace[];
  /** Some implementing story (or epic) is done. */
  done: boolean;
}

export type Gap =
  | { kind: 'requirement-no-story'; requirement: IndexedRequirement }
  | { kind: 'unknown-requirement'; doc: IndexedDoc; requirement: string }
  | { kind: 'story-no-release'; story: IndexedDoc }
  | { kind: 'story-not-done'; story: IndexedDoc };

export interface Coverage {
  requirements: number;
  /** Requirements some story or epic implements. */
  covered: number;
  /** Requirements some done story or epic implements. */
  delivered: number;
  /** covered / requirements in whole percent; undefined without requirements. */
  percent?: number;
  stories: number;
  storiesDone: number;
}

export interface PrdTrace {
  prd: IndexedDoc;
  requirements: RequirementTrace[];
  epics: EpicTrace[];
  /** Every story of the PRD: naming it, in one of its epics, or implementing one of its requirements. */
  stories: StoryTrace[];
  /** Releases that ship any of it (or that the PRD targets), sorted by id. */
  releases: IndexedDoc[];
  gaps: Gap[];
  coverage: Coverage;
}

/** Tells whether a document is in one of its type's done statuses. */
export type DoneTest = (doc: IndexedDoc) => boolean;

export function doneTest(types: readonly DocType[]): DoneTest {
  const done = new Map(types.map((t) => [t.type, t.doneStatuses ?? []]));
  // A PRD has no doneStatuses of its own; launched is its finished state.
  if (!done.get(PRD)?.length) done.set(PRD, ['launched']);
  return (doc) => doc.status !== undefined && doc.type !== undefined && (done.get(doc.type)?.includes(doc.status) ?? false);
}

const byId = (a: IndexedDoc, b: IndexedDoc) => compareIds(a.id ?? '', b.id ?? '') || (a.path < b.path ? -1 : 1);

/** The one document with a well-formed `id` of `type` (the first by path when the id is duplicated). */
function one(index: WorkspaceIndex, id: string, type: string): IndexedDoc | undefined {
  return index.withId(id).find((d) => d.type === type);
}

/** Documents of `type` that `doc` names in its front matter (under any key). */
function named(index: WorkspaceIndex, doc: IndexedDoc, type: string): IndexedDoc[] {
  const out: IndexedDoc[] = [];
  for (const r of doc.refs ?? []) {
    const d = one(index, r.id, type);
    if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

/** Documents of `type` that name `doc` in their front matter. */
function namedBy(index: WorkspaceIndex, doc: IndexedDoc, type: string): IndexedDoc[] {
  return doc.id ? index.referencing(doc.id).filter((d) => d.type === type && d.idOk) : [];
}

/** The requirement ids of `prdId` that `doc` implements. */
function implementsOf(doc: IndexedDoc, prdId: string): string[] {
  const out: string[] = [];
  for (const r of doc.refs ?? []) if (r.id === prdId && r.anchor && r.key === 'implements' && !out.includes(r.anchor)) out.push(r.anchor);
  return out;
}

/** The releases of a story: its own `release:`, and release notes that list it. */
export function releasesOf(index: WorkspaceIndex, story: IndexedDoc): IndexedDoc[] {
  const out = named(index, story, RELEASE);
  for (const r of namedBy(index, story, RELEASE)) if (!out.includes(r)) out.push(r);
  return out.sort(byId);
}

/** The trace of one PRD (by id), or undefined when no PRD has that id. */
export function traceOf(index: WorkspaceIndex, prdId: string, isDone: DoneTest): PrdTrace | undefined {
  const prd = one(index, prdId, PRD);
  if (!prd) return undefined;
  const referrers = index.referencing(prdId).filter((d) => d.idOk);

  const epics = new Map<IndexedDoc, EpicTrace>();
  const addEpic = (doc: IndexedDoc) => {
    if (!epics.has(doc)) epics.set(doc, { doc, done: isDone(doc), stories: [], implements: implementsOf(doc, prdId) });
  };
  for (const d of referrers) if (d.type === EPIC) addEpic(d);
  for (const d of named(index, prd, EPIC)) addEpic(d);

  const stories = new Map<IndexedDoc, StoryTrace>();
  const addStory = (doc: IndexedDoc): StoryTrace => {
    let s = stories.get(doc);
    if (!s) stories.set(doc, (s = { doc, done: isDone(doc), releases: releasesOf(index, doc), implements: implementsOf(doc, prdId) }));
    return s;
  };
  for (const d of referrers) if (d.type === STORY) addStory(d);
  for (const epic of epics.values()) {
    for (const d of namedBy(index, epic.doc, STORY)) epic.stories.push(addStory(d));
    for (const d of named(index, epic.doc, STORY)) if (!epic.stories.some((s) => s.doc === d)) epic.stories.push(addStory(d));
    epic.stories.sort((a, b) => byId(a.doc, b.doc));
  }

  const known = new Set((prd.requirements ?? []).map((r) => r.id));
  const requirements: RequirementTrace[] = (prd.requirements ?? []).map((requirement) => {
    const st = [...stories.values()].filter((s) => s.implements.includes(requirement.id)).sort((a, b) => byId(a.doc, b.doc));
    const ep = [...epics.values()].filter((e) => e.implements.includes(requirement.id)).sort((a, b) => byId(a.doc, b.doc));
    return { requirement, stories: st, epics: ep, done: st.some((s) => s.done) || ep.some((e) => e.done) };
  });

  const gaps: Gap[] = [];
  for (const r of requirements)
    if (!r.stories.length && !r.epics.length) gaps.push({ kind: 'requirement-no-story', requirement: r.requirement });
  const items = [...[...epics.values()].map((e) => e.doc), ...stories.keys()].sort(byId);
  for (const doc of items) {
    for (const req of implementsOf(doc, prdId)) if (!known.has(req)) gaps.push({ kind: 'unknown-requirement', doc, requirement: req });
  }
  const storyList = [...stories.values()].sort((a, b) => byId(a.doc, b.doc));
  for (const s of storyList) if (s.done && !s.releases.length) gaps.push({ kind: 'story-no-release', story: s.doc });
  if (isDone(prd))
    for (const s of storyList) if (!s.done && s.doc.status !== 'wont-do') gaps.push({ kind: 'story-not-done', story: s.doc });

  const releases = named(index, prd, RELEASE);
  for (const r of namedBy(index, prd, RELEASE)) if (!releases.includes(r)) releases.push(r);
  for (const s of storyList) for (const r of s.releases) if (!releases.includes(r)) releases.push(r);

  const covered = requirements.filter((r) => r.stories.length || r.epics.length).length;
  const coverage: Coverage = {
    requirements: requirements.length,
    covered,
    delivered: requirements.filter((r) => r.done).length,
    ...(requirements.length ? { percent: Math.floor((covered * 100) / requirements.length) } : {}),
    stories: storyList.length,
    storiesDone: storyList.filter((s) => s.done).length,
  };
  return {
    prd,
    requirements,
    epics: [...epics.values()].sort((a, b) => byId(a.doc, b.doc)),
    stories: storyList,
    releases: releases.sort(byId),
    gaps,
    coverage,
  };
}

export interface WorkspaceTrace {
  prds: PrdTrace[];
  /** Stories that reach no PRD (none named, directly or through their epic). */
  orphans: IndexedDoc[];
  totals: Coverage & { prds: number; gaps: number };
}

/** The trace of every PRD of the workspace (or of those whose path `keep` accepts), for `pmdocs trace`. */
export function workspaceTrace(index: WorkspaceIndex, isDone: DoneTest, keep: (doc: IndexedDoc) => boolean = () => true): WorkspaceTrace {
  const prds: PrdTrace[] = [];
  for (const prd of index.ofType(PRD)) {
    if (!keep(prd) || index.withId(prd.id!)[0] !== prd) continue;
    const t = traceOf(index, prd.id!, isDone);
    if (t) prds.push(t);
  }
  const reached = new Set<IndexedDoc>();
  for (const t of prds) for (const s of t.stories) reached.add(s.doc);
  const orphans = index
    .ofType(STORY)
    .filter(
      (s) => keep(s) && !reached.has(s) && !named(index, s, PRD).length && !named(index, s, EPIC).some((e) => named(index, e, PRD).length),
    );
  return { prds, orphans, totals: totalsOf(prds) };
}

/** The counts over some PRDs' traces (several workspaces' traces are summed this way too). */
export function totalsOf(prds: readonly PrdTrace[]): WorkspaceTrace['totals'] {
  const sum = (f: (c: Coverage) => number) => prds.reduce((n, t) => n + f(t.coverage), 0);
  const requirements = sum((c) => c.requirements);
  const covered = sum((c) => c.covered);
  return {
    prds: prds.length,
    requirements,
    covered,
    delivered: sum((c) => c.delivered),
    ...(requirements ? { percent: Math.floor((covered * 100) / requirements) } : {}),
    stories: sum((c) => c.stories),
    storiesDone: sum((c) => c.storiesDone),
    gaps: prds.reduce((n, t) => n + t.gaps.length, 0),
  };
}

/** What the preview's header card and the CodeLens say about one PRD or epic. */
export interface GraphSummary {
  /** Its stories (a PRD's: as its trace finds them; an epic's: naming it or listed by it). */
  stories: StoryTrace[];
  /** A PRD's requirement coverage (`percent` only when it declares requirement ids). */
  coverage?: Coverage;
  /** Releases that ship any of its stories (or that it names), sorted by id. */
  releases: IndexedDoc[];
  /** A PRD's gaps (an epic has none of its own). */
  gaps: Gap[];
}

/** The graph's summary of a PRD or epic; undefined for other types and documents without a well-formed id. */
export function graphSummary(index: WorkspaceIndex, doc: IndexedDoc, isDone: DoneTest): GraphSummary | undefined {
  if (!doc.id || !doc.idOk) return undefined;
  if (doc.type === PRD) {
    const t = traceOf(index, doc.id, isDone);
    return t && { stories: t.stories, coverage: t.coverage, releases: t.releases, gaps: t.gaps };
  }
  if (doc.type !== EPIC) return undefined;
  const list = [...namedBy(index, doc, STORY)];
  for (const d of named(index, doc, STORY)) if (!list.includes(d)) list.push(d);
  const stories = list.sort(byId).map((d) => ({ doc: d, done: isDone(d), releases: releasesOf(index, d), implements: [] }));
  const releases = named(index, doc, RELEASE);
  for (const s of stories) for (const r of s.releases) if (!releases.includes(r)) releases.push(r);
  return { stories, releases: releases.sort(byId), gaps: [] };
}

/** The CodeLens line of a PRD or epic: "3 stories · 2 done · in REL-2.4.0" (plus requirement coverage for a PRD). */
export function lensSummary(index: WorkspaceIndex, doc: IndexedDoc, isDone: DoneTest): string | undefined {
  const summary = graphSummary(index, doc, isDone);
  if (!summary) return undefined;
  const { stories, coverage, releases } = summary;
  const parts = [`${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`, `${stories.filter((s) => s.done).length} done`];
  if (coverage?.percent !== undefined) parts.push(`${coverage.covered}/${coverage.requirements} requirements covered`);
  if (releases.length) parts.push(`in ${releases.map((r) => r.id).join(', ')}`);
  return parts.join(' · ');
}
