// Once a PRD is committed to (one of its type's settled statuses: approved, building, launched), each
// Must requirement it declares (docs/traceability.md) has a story or epic that names it in `implements`.
// The requirements are read from this document's text (the editor's buffer, not the index's copy); who
// implements them comes from the workspace index. Silent without an index, or for a type without
// `requirementIdPrefix`.

import { requirementsIn } from '../graph/requirements.js';
import { DROPPED_WORK_STATUSES, EPIC, STORY } from '../graph/trace.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'requirement-no-story',
  description: 'Once a PRD is approved (or later), every Must requirement id it declares has a story or epic whose `implements` names it.',
  defaultSeverity: 'warning',
  check(ctx) {
    const ws = ctx.workspace;
    const type = ctx.docType;
    const prefix = type?.requirementIdPrefix;
    const id = ctx.data['id'];
    const status = ctx.data['status'];
    if (!ws || !prefix || typeof id !== 'string' || typeof status !== 'string' || !type.settledStatuses?.includes(status)) return;
    const musts = requirementsIn(ctx.doc.text, ctx.doc.frontMatter?.block.end ?? 0, prefix).filter((r) => r.priority === 'must');
    if (!musts.length) return;
    const implemented = new Set<string>();
    for (const d of ws.referencing(id)) {
      if (!d.idOk || (d.type !== STORY && d.type !== EPIC) || (d.status !== undefined && DROPPED_WORK_STATUSES.includes(d.status)))
        continue;
      for (const r of d.refs ?? []) if (r.id === id && r.key === 'implements' && r.anchor) implemented.add(r.anchor);
    }
    for (const r of musts) {
      if (implemented.has(r.id)) continue;
      ctx.report({
        start: r.start,
        end: r.end,
        message:
          `Must requirement ${r.id} has no story or epic implementing it: ${id} is '${status}', so each Must requirement needs one. ` +
          `Add "${id}#${r.id}" to the \`implements\` list of the story that delivers it.`,
        expected: [`a story or epic with implements: [${id}#${r.id}]`],
      });
    }
  },
};

export default rule;
