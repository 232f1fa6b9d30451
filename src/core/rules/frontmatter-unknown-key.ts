import type { Rule } from './rule.js';
import { reportSchemaProblems } from '../schema/reportProblems.js';

const rule: Rule = {
  id: 'frontmatter-unknown-key',
  description: "Front-matter keys must be ones the doc type knows (or start with 'x-'); a typo gets a did-you-mean and a rename fix.",
  defaultSeverity: 'warning',
  check(ctx) {
    reportSchemaProblems(ctx, 'unknown-key');
  },
};

export default rule;
