// Statuses along the graph agree: an epic that is done has no story that is still open, and a PRD that
// is launched has no Must story that is still open (Should and Could stories may follow later). A story
// belongs to the epic when it names it (`epic:`) or the epic lists it; to the PRD as `pmdocs trace` sees
// it (core/graph/trace.ts). Dropped stories (`wont-do`) count as settled. One finding, on `status`,
// naming the open stories. Silent without a workspace index.

import { doneTest, EPIC, PRD, STORY, traceOf } from '../graph/trace.js';
import type { IndexedDoc } from '../workspace/index.js';
import type { Rule } from './rule.js';

const SETTLED = ['wont-do'];
const MAX_NAMED = 5;

const rule: Rule = {
  id: 'status-consistency',
  description: 'An epic that is `done` has no open story; a PRD that is `launched` has no open Must story.',
  defaultSeverity: 'warning',
  check(ctx) {
    const ws = ctx.workspace;
    const type = ctx.docType?.type;
    const id = ctx.data['id'];
    const status = ctx.data['status'];
    if (!ws || typeof id !== 'string' || typeof status !== 'string') return;
    const isDone = doneTest(ctx.docTypes);
    const open = (d: IndexedDoc) => !isDone(d) && !(d.status !== undefined && SETTLED.includes(d.status));
    let stories: IndexedDoc[];
    let what: string;
    if (type === EPIC && ctx.docType?.doneStatuses?.includes(status)) {
      const mine = ws.referencing(id).filter((d) => d.type === STORY && d.idOk && d.refs?.some((r) => r.id === id && r.key === 'epic'));
      stories = mine.filter(open);
      what = 'stories';
    } else if (type === PRD && status === 'launched') {
      stories = (traceOf(ws, id, isDone)?.stories ?? []).map((s) => s.doc).filter((d) => d.priority === 'must' && open(d));
      what = 'Must stories';
    } else return;
    if (!stories.length) return;
    const span = ctx.frontMatterSpan(['status']);
    if (!span) return;
    const named = stories.slice(0, MAX_NAMED).map((d) => `${d.id} ('${d.status ?? 'no status'}')`);
    if (stories.length > MAX_NAMED) named.push(`${stories.length - MAX_NAMED} more`);
    ctx.report({
      ...span,
      message:
        `${id} is '${status}' but ${stories.length === 1 ? `one of its ${what} is` : `${stories.length} of its ${what} are`} not done: ${named.join(', ')}. ` +
        `Finish or drop ${stories.length === 1 ? 'it' : 'them'} (wont-do), or set ${id} back to a status before '${status}'.`,
      expected: [`every ${what.replace(/s$/, '').replace(/ies$/, 'y')} done or wont-do`],
      actual: status,
    });
  },
};

export default rule;
