// The trace of a workspace as text: Markdown (fit for a CI job summary: counts, coverage, gaps with
// links), JSON (plain data) and a Mermaid flowchart. `pmdocs trace` prints these; paths in links are
// whatever `link` makes of a document's path (the CLI: relative to the cwd).

import type { IndexedDoc } from '../workspace/index.js';
import type { Gap, PrdTrace, WorkspaceTrace } from './trace.js';

export type LinkOf = (doc: IndexedDoc) => string;

const name = (d: IndexedDoc) => d.id ?? d.path;
const mdText = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
const mdLink = (d: IndexedDoc, link: LinkOf) =>
  `[${mdText(name(d))}](${encodeURI(link(d)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)})`;
const percent = (n: number | undefined) => (n === undefined ? '–' : `${n} %`);

/** One sentence per gap, naming the documents (plain text). */
export function gapMessage(gap: Gap, prd: IndexedDoc): string {
  switch (gap.kind) {
    case 'requirement-no-story': {
      const r = gap.requirement;
      return `${name(prd)}#${r.id}${r.priority ? ` (${r.priority})` : ''} has no story or epic implementing it`;
    }
    case 'unknown-requirement':
      return `${name(gap.doc)} implements ${name(prd)}#${gap.requirement}, which ${name(prd)} does not declare`;
    case 'story-no-release':
      return `${name(gap.story)} is '${gap.story.status}' but in no release`;
    case 'story-not-done':
      return `${name(gap.story)} is '${gap.story.status ?? 'without status'}' while ${name(prd)} is '${prd.status}'`;
  }
}

const gapSubject = (gap: Gap, prd: IndexedDoc): IndexedDoc =>
  gap.kind === 'requirement-no-story' ? prd : gap.kind === 'unknown-requirement' ? gap.doc : gap.story;

export function traceMarkdown(trace: WorkspaceTrace, link: LinkOf): string {
  const t = trace.totals;
  const out = ['## Traceability', ''];
  if (!trace.prds.length) {
    out.push('No PRD found.', '');
    return out.join('\n');
  }
  out.push(
    `**${t.prds} ${t.prds === 1 ? 'PRD' : 'PRDs'}** · ${t.requirements} requirements, ${t.covered} covered (${percent(t.percent)}), ` +
      `${t.delivered} delivered · ${t.stories} stories, ${t.storiesDone} done · ${t.gaps} ${t.gaps === 1 ? 'gap' : 'gaps'}`,
    '',
    '| PRD | Status | Requirements covered | Stories done | Releases | Gaps |',
    '|---|---|---|---|---|---|',
  );
  for (const p of trace.prds) {
    const c = p.coverage;
    out.push(
      `| ${mdLink(p.prd, link)} ${mdText(p.prd.title ?? '')} | ${mdText(p.prd.status ?? '')} | ` +
        `${c.requirements ? `${c.covered}/${c.requirements} (${percent(c.percent)})` : '–'} | ${c.storiesDone}/${c.stories} | ` +
        `${p.releases.map((r) => mdText(name(r))).join(', ') || '–'} | ${p.gaps.length} |`,
    );
  }
  const gaps = trace.prds.flatMap((p) => p.gaps.map((g) => ({ g, p })));
  if (gaps.length) {
    out.push('', '### Gaps', '');
    for (const { g, p } of gaps) out.push(`- ${mdLink(gapSubject(g, p.prd), link)}: ${mdText(gapMessage(g, p.prd))}`);
  }
  if (trace.orphans.length) {
    out.push('', '### Stories that reach no PRD', '');
    for (const d of trace.orphans) out.push(`- ${mdLink(d, link)} ${mdText(d.title ?? '')}`.trimEnd());
  }
  out.push('');
  return out.join('\n');
}

const ref = (d: IndexedDoc, link: LinkOf) => ({
  id: name(d),
  path: link(d),
  ...(d.title !== undefined ? { title: d.title } : {}),
  ...(d.status !== undefined ? { status: d.status } : {}),
});

export function traceJson(trace: WorkspaceTrace, link: LinkOf): unknown {
  return {
    totals: trace.totals,
    prds: trace.prds.map((p) => prdJson(p, link)),
    orphans: trace.orphans.map((d) => ref(d, link)),
  };
}

function prdJson(p: PrdTrace, link: LinkOf): unknown {
  return {
    ...ref(p.prd, link),
    coverage: p.coverage,
    requirements: p.requirements.map((r) => ({
      id: r.requirement.id,
      ...(r.requirement.priority ? { priority: r.requirement.priority } : {}),
      ...(r.requirement.text ? { text: r.requirement.text } : {}),
      line: r.requirement.line + 1,
      stories: r.stories.map((s) => name(s.doc)),
      epics: r.epics.map((e) => name(e.doc)),
      done: r.done,
    })),
    epics: p.epics.map((e) => ({
      ...ref(e.doc, link),
      done: e.done,
      stories: e.stories.map((s) => name(s.doc)),
      implements: e.implements,
    })),
    stories: p.stories.map((s) => ({ ...ref(s.doc, link), done: s.done, releases: s.releases.map(name), implements: s.implements })),
    releases: p.releases.map((r) => ref(r, link)),
    gaps: p.gaps.map((g) => ({ kind: g.kind, subject: name(gapSubject(g, p.prd)), message: gapMessage(g, p.prd) })),
  };
}

/** A Mermaid flowchart: PRD → requirements → stories/epics → releases; gaps dashed, done items marked. */
export function traceMermaid(trace: WorkspaceTrace): string {
  const out = ['flowchart LR'];
  const declared = new Set<string>();
  const node = (key: string, label: string, cls?: string) => {
    const id = key.replace(/[^A-Za-z0-9]/g, '_');
    if (!declared.has(id)) {
      declared.add(id);
      out.push(
        `  ${id}["${label.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"]${cls ? `:::${cls}` : ''}`,
      );
    }
    return id;
  };
  const edges = new Set<string>();
  const edge = (a: string, b: string) => {
    const e = `  ${a} --> ${b}`;
    if (edges.has(e)) return;
    edges.add(e);
    out.push(e);
  };
  const label = (d: IndexedDoc) => `${name(d)}${d.status ? ` (${d.status})` : ''}`;
  for (const p of trace.prds) {
    const prd = node(name(p.prd), label(p.prd), 'prd');
    for (const r of p.requirements) {
      const req = node(
        `${name(p.prd)}#${r.requirement.id}`,
        r.requirement.id,
        r.stories.length || r.epics.length ? (r.done ? 'done' : undefined) : 'gap',
      );
      edge(prd, req);
      for (const e of r.epics) edge(req, node(name(e.doc), label(e.doc), e.done ? 'done' : undefined));
      for (const s of r.stories) edge(req, node(name(s.doc), label(s.doc), s.done ? 'done' : undefined));
    }
    for (const e of p.epics) {
      const ep = node(name(e.doc), label(e.doc), e.done ? 'done' : undefined);
      if (!e.implements.length) edge(prd, ep);
      for (const s of e.stories) edge(ep, node(name(s.doc), label(s.doc), s.done ? 'done' : undefined));
    }
    for (const s of p.stories) {
      const st = node(name(s.doc), label(s.doc), s.done ? 'done' : undefined);
      if (!s.implements.length && !p.epics.some((e) => e.stories.includes(s))) edge(prd, st);
      for (const r of s.releases) edge(st, node(name(r), label(r), 'release'));
      if (s.done && !s.releases.length) edge(st, node(`${name(s.doc)}-no-release`, 'no release', 'gap'));
    }
  }
  out.push(
    '  classDef prd font-weight:bold',
    '  classDef done fill:#dcfce7,stroke:#16a34a',
    '  classDef gap stroke:#dc2626,stroke-dasharray:4 3',
    '  classDef release fill:#e0e7ff',
  );
  return `${out.join('\n')}\n`;
}
