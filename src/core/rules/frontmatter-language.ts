import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'frontmatter-language',
  description: 'Front matter must be YAML; `---js`, TOML and other languages are refused and never evaluated.',
  defaultSeverity: 'error',
  anyDocument: true,
  check(ctx) {
    for (const p of ctx.doc.frontMatter?.problems ?? []) {
      if (p.kind === 'language') ctx.report({ start: p.start, end: p.end, message: p.message });
    }
  },
};

export default rule;
