// Release notes that say `status: released` list only stories that are done: a story still in review
// (or dropped as wont-do) did not ship, whatever the notes claim. Which statuses mean "done" is data:
// `doneStatuses` in each type's x-pmdocs block (release notes: released; user story: done), and the
// lists it applies to carry `"requireDone": true` next to their `references` (release notes: stories).
// Silent without a workspace index. A story that does not exist is ref-unresolved's finding; a story
// whose own status is missing or not a status of its type is reported in that story, not here.

import type { DocType } from '../doctypes/docType.js';
import { factsAt, schemaViewFor } from '../schema/facts.js';
import { article, pathLabel, showValue } from '../schema/wording.js';
import { resolveRef } from '../workspace/resolve.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'release-story-not-done',
  description: 'Release notes with status `released` list only stories whose status is `done`.',
  defaultSeverity: 'error',
  check(ctx) {
    const ws = ctx.workspace;
    const type = ctx.docType;
    const status = ctx.data['status'];
    if (!ws || !type || typeof status !== 'string' || !type.doneStatuses?.includes(status)) return;
    for (const site of ctx.references) {
      if (!site.ref.requireDone) continue;
      const resolution = resolveRef(ws, site);
      if (resolution.kind !== 'ok') continue;
      const listed = resolution.docs.map((d) => ({ doc: d, type: ctx.docTypes.find((t) => t.type === d.type) }));
      // Done somewhere (a duplicate id is duplicate-id's business): nothing to say.
      if (listed.some(({ doc, type: t }) => doc.status !== undefined && t?.doneStatuses?.includes(doc.status))) continue;
      const { doc, type: theirs } = listed[0]!;
      const done = theirs?.doneStatuses;
      if (!theirs || !done?.length || doc.status === undefined) continue;
      const known = statusValues(theirs, ctx.extraSchemas);
      if (known.length && !known.includes(doc.status)) continue;
      const span = ctx.frontMatterSpan(site.path);
      if (!span) continue;
      const list = typeof site.path[0] === 'string' ? site.path[0] : pathLabel(site.path);
      ctx.report({
        ...span,
        message:
          `${pathLabel(site.path)} ${showValue(site.value)}${doc.title ? ` (${doc.title})` : ''} has status '${doc.status}', expected ${quoted(done)}: ` +
          `${article(type.type)} that is '${status}' lists only ${theirs.type} documents that are ${quoted(done)}. Finish it, or take it out of ${list}.`,
        expected: [...done],
        actual: doc.status,
      });
    }
  },
};

/** The status values a type's schema allows (empty when it does not list them). */
function statusValues(type: DocType, extraSchemas: readonly unknown[]): unknown[] {
  try {
    return factsAt(schemaViewFor(type, extraSchemas), ['status'])?.values ?? [];
  } catch {
    return [];
  }
}

function quoted(words: readonly string[]): string {
  const q = words.map((w) => `'${w}'`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

export default rule;
