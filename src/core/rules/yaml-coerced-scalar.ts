import type { Rule } from './rule.js';
import { reportSchemaProblems } from '../schema/reportProblems.js';

const rule: Rule = {
  id: 'yaml-coerced-scalar',
  description:
    'An unquoted value YAML reads as a number, boolean or null where text is expected (`version: 1.10` is the number 1.1) must be quoted.',
  defaultSeverity: 'error',
  check(ctx) {
    reportSchemaProblems(ctx, 'coerced');
  },
};

export default rule;
