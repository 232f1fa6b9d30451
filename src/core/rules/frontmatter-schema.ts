import type { Rule } from './rule.js';
import { reportSchemaProblems } from '../schema/reportProblems.js';

const rule: Rule = {
  id: 'frontmatter-schema',
  description: "Front matter must match the doc type's schema: required keys, allowed values, formats (dates, ids) and value types.",
  defaultSeverity: 'error',
  check(ctx) {
    // A coerced value breaks the schema too: yaml-coerced-scalar explains it, and the engine drops this
    // duplicate while that rule is on; with it off, the value is still reported here.
    reportSchemaProblems(ctx, 'schema', 'coerced');
  },
};

export default rule;
