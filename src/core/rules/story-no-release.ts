// A story that is done should show up in a release once one has gone out after it: a story done on
// 2026-05-29 that neither names a release nor is listed by one, while REL-2.4.0 was released on
// 2026-06-18, was probably shipped there and left out of the notes (or never shipped). Off by default:
// many teams do not list every story in release notes. The story's done date is its last `done` entry
// in `status_history`, else `updated`.

import { doneTest, releasesOf, RELEASE } from '../graph/trace.js';
import type { Rule } from './rule.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

const rule: Rule = {
  id: 'story-no-release',
  description:
    'A done story is in a release (its `release:` or a release’s `stories`) once release notes are released after it (off by default).',
  defaultSeverity: 'info',
  offByDefault: true,
  check(ctx) {
    const ws = ctx.workspace;
    const type = ctx.docType;
    const { id, status } = ctx.data;
    if (!ws || type?.type !== 'user-story' || typeof id !== 'string' || typeof status !== 'string' || !type.doneStatuses?.includes(status))
      return;
    const since = doneDate(ctx.data, status);
    if (!since) return;
    const self = ws.withId(id).find((d) => d.path === ctx.doc.path) ?? ws.withId(id)[0];
    const isDone = doneTest(ctx.docTypes);
    if (self && releasesOf(ws, self).length) return;
    if (ws.referencing(id).some((d) => d.type === RELEASE)) return;
    const later = ws
      .typed(RELEASE)
      .filter((r) => isDone(r) && typeof r.date === 'string' && ISO.test(r.date) && r.date >= since)
      .sort((a, b) => (a.date! < b.date! ? -1 : 1))[0];
    if (!later) return;
    const span = ctx.frontMatterSpan(['status']);
    if (!span) return;
    ctx.report({
      ...span,
      message:
        `${id} is '${status}' since ${since}, but no release ships it, while ${later.id ?? ws.display(later.path)} was released on ${later.date}: ` +
        `name the release in \`release:\` (or list ${id} in its \`stories\`), or leave it for the next one.`,
      expected: ['a release that lists this story'],
    });
  },
};

function doneDate(data: Record<string, unknown>, status: string): string | undefined {
  const history = data['status_history'];
  if (Array.isArray(history)) {
    for (let i = history.length - 1; i >= 0; i--) {
      const h = history[i] as Record<string, unknown> | null;
      if (h && h['status'] === status && typeof h['date'] === 'string' && ISO.test(h['date'])) return h['date'];
    }
  }
  const updated = data['updated'];
  return typeof updated === 'string' && ISO.test(updated) ? updated : undefined;
}

export default rule;
