import type { Rule } from './rule.js';

// The part of a document past one of pmdocs' limits (see ../limits.ts) was not checked: say where, what
// was exceeded and which setting raises it, instead of failing deep inside a parser or a rule.
const rule: Rule = {
  id: 'input-limit',
  description:
    "A part of the document is past one of pmdocs' limits (nesting depth) and was not checked; the message names the setting that raises it.",
  defaultSeverity: 'warning',
  anyDocument: true,
  check(ctx) {
    for (const p of ctx.doc.frontMatter?.problems ?? []) {
      if (p.kind === 'limit') ctx.report({ start: p.start, end: p.end, message: p.message });
    }
    const deep = ctx.docType ? ctx.doc.bodyTooDeep : undefined;
    if (deep) ctx.report({ start: deep.start, end: deep.end, message: deep.message });
  },
};

export default rule;
