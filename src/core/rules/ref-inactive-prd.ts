// A story or epic still in play that points at an abandoned or archived PRD delivers something nobody
// asked for any more: point it at the PRD that replaced it, or drop it. Stories and epics that are done
// or dropped are history and stay quiet. Reads the PRD's status from the workspace index.

import { DEAD_PRD_STATUSES, DROPPED_WORK_STATUSES, EPIC, PRD, STORY } from '../graph/trace.js';
import { pathLabel, showValue } from '../schema/wording.js';
import { resolveRef } from '../workspace/resolve.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'ref-inactive-prd',
  description: 'A story or epic that is not done or dropped does not point at an `abandoned` or `archived` PRD.',
  defaultSeverity: 'warning',
  check(ctx) {
    const ws = ctx.workspace;
    const type = ctx.docType;
    const status = ctx.data['status'];
    if (!ws || (type?.type !== STORY && type?.type !== EPIC)) return;
    if (typeof status === 'string' && (DROPPED_WORK_STATUSES.includes(status) || type.doneStatuses?.includes(status))) return;
    const seen = new Set<string>();
    for (const site of ctx.references) {
      if (!site.ref.types.includes(PRD) || seen.has(site.id)) continue;
      const resolution = resolveRef(ws, site);
      if (resolution.kind !== 'ok') continue;
      const prd = resolution.docs.find((d) => d.type === PRD);
      if (!prd?.status || !DEAD_PRD_STATUSES.includes(prd.status)) continue;
      const span = ctx.frontMatterSpan(site.path);
      if (!span) continue;
      seen.add(site.id);
      ctx.report({
        ...span,
        message:
          `${pathLabel(site.path)} ${showValue(site.value)}${prd.title ? ` (${prd.title})` : ''} is '${prd.status}', expected a PRD still in play: ` +
          `this ${type.type}${typeof status === 'string' ? ` is '${status}' and` : ''} still delivers it. Point it at the PRD that replaced it, or drop the ${type.type}.`,
        expected: ['a PRD that is not abandoned or archived'],
        actual: prd.status,
      });
    }
  },
};

export default rule;
