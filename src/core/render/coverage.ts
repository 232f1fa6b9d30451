// The header card's trace summary of a PRD or epic, from the document graph (core/graph): its stories and
// how many are done, a PRD's requirement coverage, the releases that ship it, and a PRD's first gaps in
// words. Needs the workspace index (the preview's reference context); without one, or for other types,
// there is nothing to say. Everything shown is text (the serialiser escapes it).

import type { Element } from 'hast';
import type { LintResult } from '../engine.js';
import { doneTest, EPIC, graphSummary, PRD } from '../graph/trace.js';
import { gapMessage } from '../graph/report.js';
import type { IndexedDoc } from '../workspace/index.js';
import { h } from './hast.js';
import type { ReferenceContext } from './references.js';

const MAX_GAPS = 5;
const MAX_RELEASES = 10;

export function coverageSummary(result: LintResult, ctx: ReferenceContext): Element | undefined {
  const type = result.docType?.type;
  const id = result.doc.frontMatter?.data?.['id'];
  if ((type !== PRD && type !== EPIC) || typeof id !== 'string') return undefined;
  // The index's record of this document (the editor keeps it in step with unsaved edits).
  const own = ctx.index.withId(id).filter((d) => d.type === type);
  const self: IndexedDoc | undefined = own.find((d) => d.path === result.doc.path) ?? own[0];
  const summary = self && graphSummary(ctx.index, self, doneTest(ctx.docTypes));
  if (!summary) return undefined;

  const facts: Element[] = [];
  const c = summary.coverage;
  if (c?.percent !== undefined) {
    facts.push(fact('Requirements covered', `${c.covered}/${c.requirements} (${c.percent} %)`));
    facts.push(fact('Delivered', `${c.delivered}/${c.requirements}`));
  }
  const stories = summary.stories;
  const done = stories.filter((s) => s.done).length;
  facts.push(fact('Stories', stories.length ? `${stories.length} · ${done} done` : 'none yet'));
  if (summary.releases.length) {
    const ids = summary.releases.slice(0, MAX_RELEASES).map((r) => r.id ?? r.path);
    if (summary.releases.length > MAX_RELEASES) ids.push(`${summary.releases.length - MAX_RELEASES} more`);
    facts.push(fact('In releases', ids.join(', ')));
  }
  const gaps = summary.gaps.slice(0, MAX_GAPS).map((g) => h('li', {}, gapMessage(g, self)));
  if (summary.gaps.length > MAX_GAPS) gaps.push(h('li', {}, `and ${summary.gaps.length - MAX_GAPS} more (pmdocs trace lists them all)`));
  return h(
    'section',
    { className: ['pmdocs-coverage'], ariaLabel: 'Trace' },
    h('dl', { className: ['pmdocs-facts'] }, facts),
    gaps.length > 0 &&
      h('ul', { className: ['pmdocs-gaps'], ariaLabel: `${summary.gaps.length} ${summary.gaps.length === 1 ? 'gap' : 'gaps'}` }, gaps),
  );
}

const fact = (label: string, value: string): Element => h('div', { className: ['pmdocs-fact'] }, h('dt', {}, label), h('dd', {}, value));
