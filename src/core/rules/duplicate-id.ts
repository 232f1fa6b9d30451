// No two documents of a workspace share an id: references to it (`prd: PRD-12`) would be ambiguous, and
// the usual cause is a copied file whose id was never changed. Reported on the id of each of them, naming
// the other files. Silent without a workspace index. A malformed id is id-type-prefix's or the schema's
// finding, not a duplicate.

import { showValue } from '../schema/wording.js';
import { idIsWellFormed } from '../workspace/entry.js';
import type { Rule } from './rule.js';

const MAX_NAMED = 3;

const rule: Rule = {
  id: 'duplicate-id',
  description: 'No other document of the workspace has the same `id`.',
  defaultSeverity: 'error',
  check(ctx) {
    const ws = ctx.workspace;
    const id = ctx.data['id'];
    if (!ws || !ctx.docType || typeof id !== 'string' || !id || !idIsWellFormed(ctx.docType, id, ctx.extraSchemas)) return;
    const others = ws.withId(id).filter((d) => d.path !== ctx.doc.path);
    if (!others.length) return;
    const span = ctx.frontMatterSpan(['id']);
    if (!span) return;
    const names = others.slice(0, MAX_NAMED).map((d) => ws.display(d.path));
    const more = others.length > MAX_NAMED ? ` and ${others.length - MAX_NAMED} more` : '';
    const list = names.length === 1 || more ? names.join(', ') + more : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    ctx.report({
      ...span,
      message: `id ${showValue(id)} is also the id of ${list}: every document needs its own id, or references to ${id} are ambiguous. Give one of them a new id.`,
      actual: id,
    });
  },
};

export default rule;
