import type { Rule } from './rule.js';
import { quoteReservedFix } from '../fixes/quoteReserved.js';

const rule: Rule = {
  id: 'frontmatter-syntax',
  description: 'Front matter must be well-formed YAML: a closed block holding a mapping of keys to values.',
  defaultSeverity: 'error',
  anyDocument: true,
  check(ctx) {
    for (const p of ctx.doc.frontMatter?.problems ?? []) {
      if (p.kind === 'language' || p.kind === 'limit') continue; // their own rules
      const fix = p.kind === 'syntax' ? quoteReservedFix(ctx.doc.text, p.start) : undefined;
      ctx.report({ start: p.start, end: p.end, message: p.message, ...(fix ? { fixes: [fix] } : {}) });
    }
  },
};

export default rule;
