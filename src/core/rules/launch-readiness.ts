// A launch that says `go` or `launched` is ready: every item of its readiness checklist is ticked (or
// marked "(waived: reason)"), and every area of the checklist has a `go` in `sign_offs`. Each gap is an
// error where it is: the unticked item, the area's heading, or the sign-off whose decision is not go.
// Other statuses are still allowed to have open items; that is what a checklist is for.

import { docNoun } from '../doctypes/settled.js';
import { LAUNCH_AREAS } from '../doctypes/launchAreas.js';
import type { Rule } from './rule.js';
import { isWaived, launchChecklist } from './launch/checklist.js';
import { excerpt } from '../document/blocks.js';

const READY = ['go', 'launched'];

const rule: Rule = {
  id: 'launch-readiness',
  description:
    'A launch with status `go` or `launched` has every checklist item ticked (or waived) and a `go` sign-off for every checklist area.',
  defaultSeverity: 'error',
  check(ctx) {
    const status = ctx.data['status'];
    if (!ctx.docType || typeof status !== 'string' || !READY.includes(status)) return;
    const checklist = launchChecklist(ctx);
    if (!checklist) return; // required-section reports the missing checklist
    const noun = docNoun(ctx.docType);
    for (const item of checklist.items) {
      if (item.checked || isWaived(item.text)) continue;
      const where = item.area ? ` (${item.area.name})` : '';
      ctx.report({
        start: item.start,
        end: item.end,
        message: `Unticked checklist item${where} '${excerpt(item.text, 60)}' in ${noun} with status '${status}': tick it, mark it '(waived: reason)', or move the status back to 'readiness-review'.`,
      });
    }
    const signOffs = Array.isArray(ctx.data['sign_offs']) ? (ctx.data['sign_offs'] as unknown[]) : [];
    const signed = new Map<string, string>();
    signOffs.forEach((s, i) => {
      const entry = s && typeof s === 'object' ? (s as Record<string, unknown>) : {};
      const area = entry['area'];
      const decision = entry['decision'];
      if (typeof area !== 'string' || typeof decision !== 'string') return;
      if (decision === 'go') {
        signed.set(area, 'go');
        return;
      }
      if (!signed.has(area)) signed.set(area, decision);
      const span = ctx.frontMatterSpan(['sign_offs', i, 'decision']);
      if (!span) return;
      const who = typeof entry['who'] === 'string' ? ` by ${entry['who']}` : '';
      ctx.report({
        ...span,
        message: `Sign-off for ${areaName(area)}${who} is '${decision}' in ${noun} with status '${status}': expected 'go' from every area.`,
        expected: ['go'],
        actual: decision,
      });
    });
    for (const heading of checklist.areas) {
      if (signed.has(heading.area.id)) continue;
      ctx.report({
        ...heading.span,
        message: `Checklist area '${heading.area.name}' has no sign-off in ${noun} with status '${status}': add '- area: ${heading.area.id}' with 'who' and 'decision: go' under sign_offs.`,
        expected: [heading.area.id],
      });
    }
  },
};

const areaName = (id: string): string => LAUNCH_AREAS.find((a) => a.id === id)?.name ?? id;

export default rule;
