import type { Rule } from './rule.js';
import { reportSchemaProblems } from '../schema/reportProblems.js';

const rule: Rule = {
  id: 'frontmatter-schema',
  description: "Front matter must match the doc type's schema: required keys, allowed values, formats (dates, ids) and value types.",
  defaultSeverity: 'error',
  check(ctx) {
    reportSchemaProblems(ctx, 'schema');
  },
};

export default rule;
