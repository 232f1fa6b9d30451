// The Trace view's contents as plain data: for the document in the editor, the trace of each PRD it
// belongs to, as a tree (PRD → requirements → epics and stories → releases, then the epics, the stories
// outside them, the releases and the gaps). The editor only turns these nodes into tree items, so what
// the view shows is decided (and tested) here.

import type { IndexedDoc, WorkspaceIndex } from '../workspace/index.js';
import { gapMessage } from './report.js';
import {
  DEAD_PRD_STATUSES,
  DROPPED_WORK_STATUSES,
  EPIC,
  PRD,
  RELEASE,
  STORY,
  traceOf,
  type DoneTest,
  type Gap,
  type PrdTrace,
  type StoryTrace,
} from './trace.js';

/** done: in a done status; dropped: a `wont-do` story, a `cancelled` epic or an abandoned/archived PRD; open: anything else. */
export type TraceStatus = 'done' | 'open' | 'dropped';

export interface TraceNode {
  kind: 'prd' | 'group' | 'requirement' | 'epic' | 'story' | 'release' | 'gap';
  /** An id (`PRD-12`, `FR-1`) or a group's name. */
  label: string;
  description?: string;
  status?: TraceStatus;
  /** Something is missing here (a requirement without a story, a done story in no release, a gap). */
  gap?: boolean;
  /** Where the node leads: a document and a 0-based line. */
  path?: string;
  line?: number;
  children: TraceNode[];
}

/** At most this many PRDs are shown for one document (release notes can touch many). */
const MAX_PRDS = 20;

const byId = (a: IndexedDoc, b: IndexedDoc) =>
  (a.id ?? '').localeCompare(b.id ?? '', 'en', { numeric: true }) || (a.path < b.path ? -1 : 1);

/** The documents `doc` names in its front matter, and those that name it (well-formed ids only). */
function neighbours(index: WorkspaceIndex, doc: IndexedDoc): IndexedDoc[] {
  const out = new Set<IndexedDoc>();
  for (const r of doc.refs ?? []) for (const d of index.withId(r.id)) if (d.idOk) out.add(d);
  if (doc.id) for (const d of index.referencing(doc.id)) if (d.idOk) out.add(d);
  out.delete(doc);
  return [...out];
}

/** The traces of the PRDs a document belongs to: itself, or the PRDs within two references whose trace holds it. */
export function tracesFor(index: WorkspaceIndex, doc: IndexedDoc, isDone: DoneTest): PrdTrace[] {
  if (!doc.id || !doc.idOk) return [];
  if (doc.type === PRD) {
    const t = traceOf(index, doc.id, isDone);
    return t && t.prd === doc ? [t] : [];
  }
  if (doc.type !== EPIC && doc.type !== STORY && doc.type !== RELEASE) return [];
  const prds = new Set<IndexedDoc>();
  for (const n of neighbours(index, doc)) {
    if (n.type === PRD) prds.add(n);
    else if (n.type === EPIC || n.type === STORY) for (const m of neighbours(index, n)) if (m.type === PRD) prds.add(m);
  }
  const out: PrdTrace[] = [];
  for (const prd of [...prds].sort(byId)) {
    if (out.length >= MAX_PRDS) break;
    const t = traceOf(index, prd.id!, isDone);
    if (t && t.prd === prd && holds(t, doc)) out.push(t);
  }
  return out;
}

const holds = (t: PrdTrace, doc: IndexedDoc) =>
  t.epics.some((e) => e.doc === doc) || t.stories.some((s) => s.doc === doc) || t.releases.includes(doc);

/** The line of a document's `id:` (where a node opens it). */
const idLine = (doc: IndexedDoc) => doc.mentions?.find((m) => m.kind === 'id')?.line ?? 0;

function statusOf(doc: IndexedDoc, isDone: DoneTest): TraceStatus {
  if (isDone(doc)) return 'done';
  if (
    (doc.status !== undefined && DROPPED_WORK_STATUSES.includes(doc.status)) ||
    (doc.type === PRD && doc.status !== undefined && DEAD_PRD_STATUSES.includes(doc.status))
  )
    return 'dropped';
  return 'open';
}

function docNode(kind: TraceNode['kind'], doc: IndexedDoc, isDone: DoneTest, children: TraceNode[] = [], note?: string): TraceNode {
  const parts = [doc.title, doc.status, note].filter((p): p is string => !!p);
  return {
    kind,
    label: doc.id ?? doc.path,
    ...(parts.length ? { description: parts.join(' · ') } : {}),
    status: statusOf(doc, isDone),
    ...(note ? { gap: true } : {}),
    path: doc.path,
    line: idLine(doc),
    children,
  };
}

function storyNode(s: StoryTrace, isDone: DoneTest): TraceNode {
  const releases = s.releases.map((r) => docNode('release', r, isDone));
  return docNode('story', s.doc, isDone, releases, s.done && !s.releases.length ? 'in no release' : undefined);
}

const group = (label: string, children: TraceNode[], description?: string): TraceNode => ({
  kind: 'group',
  label,
  ...(description ? { description } : {}),
  children,
});

function gapNode(gap: Gap, trace: PrdTrace): TraceNode {
  const at =
    gap.kind === 'requirement-no-story'
      ? { path: trace.prd.path, line: gap.requirement.line }
      : {
          path: (gap.kind === 'unknown-requirement' ? gap.doc : gap.story).path,
          line: idLine(gap.kind === 'unknown-requirement' ? gap.doc : gap.story),
        };
  return { kind: 'gap', label: gapMessage(gap, trace.prd), gap: true, ...at, children: [] };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One PRD's trace as a tree. */
export function traceTree(trace: PrdTrace, isDone: DoneTest): TraceNode {
  const { coverage: c } = trace;
  const summary = [
    ...(c.percent !== undefined ? [`${c.percent} % covered`] : []),
    plural(c.stories, 'story', 'stories'),
    `${c.storiesDone} done`,
    ...(trace.gaps.length ? [plural(trace.gaps.length, 'gap', 'gaps')] : []),
  ].join(' · ');
  const children: TraceNode[] = [];
  if (trace.requirements.length) {
    const requirements = trace.requirements.map((r): TraceNode => {
      const missing = !r.stories.length && !r.epics.length;
      const text = [r.requirement.priority, r.requirement.text].filter(Boolean).join(' · ');
      return {
        kind: 'requirement',
        label: r.requirement.id,
        description: missing ? `${text}${text ? ' · ' : ''}no story` : text,
        status: r.done ? 'done' : 'open',
        ...(missing ? { gap: true } : {}),
        path: trace.prd.path,
        line: r.requirement.line,
        children: [...r.epics.map((e) => docNode('epic', e.doc, isDone)), ...r.stories.map((s) => storyNode(s, isDone))],
      };
    });
    children.push(group('Requirements', requirements, `${c.covered}/${c.requirements} covered, ${c.delivered} delivered`));
  }
  if (trace.epics.length)
    children.push(
      group(
        'Epics',
        trace.epics.map((e) =>
          docNode(
            'epic',
            e.doc,
            isDone,
            e.stories.map((s) => storyNode(s, isDone)),
          ),
        ),
        String(trace.epics.length),
      ),
    );
  const inEpics = new Set(trace.epics.flatMap((e) => e.stories.map((s) => s.doc)));
  const loose = trace.stories.filter((s) => !inEpics.has(s.doc));
  if (loose.length)
    children.push(
      group(
        'Stories outside epics',
        loose.map((s) => storyNode(s, isDone)),
        String(loose.length),
      ),
    );
  if (trace.releases.length)
    children.push(
      group(
        'Releases',
        trace.releases.map((r) => docNode('release', r, isDone)),
        String(trace.releases.length),
      ),
    );
  if (trace.gaps.length)
    children.push({
      ...group(
        'Gaps',
        trace.gaps.map((g) => gapNode(g, trace)),
        String(trace.gaps.length),
      ),
      gap: true,
    });
  return {
    ...docNode('prd', trace.prd, isDone, children),
    description: [trace.prd.title, trace.prd.status, summary].filter(Boolean).join(' · '),
  };
}

/** The Trace view's roots for a document: one tree per PRD it belongs to. */
export function traceTreesFor(index: WorkspaceIndex, doc: IndexedDoc, isDone: DoneTest): TraceNode[] {
  return tracesFor(index, doc, isDone).map((t) => traceTree(t, isDone));
}
