// Each rollback criterion of a launch has a threshold: a number someone on call can compare a graph
// with ("checkout errors above 2 % for 10 minutes"). "If errors spike" leaves the decision to whoever
// is awake, under pressure. Reported on the criterion.

import { excerpt } from '../document/blocks.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'launch-rollback-criteria',
  description: 'Each of a launch\'s `rollback_criteria` states a threshold with a number ("errors above 2 % for 10 minutes").',
  defaultSeverity: 'warning',
  check(ctx) {
    const criteria = ctx.data['rollback_criteria'];
    if (!Array.isArray(criteria)) return;
    criteria.forEach((c, i) => {
      if (typeof c !== 'string' || /\p{Nd}/u.test(c) || !c.trim()) return;
      const span = ctx.frontMatterSpan(['rollback_criteria', i]);
      if (!span) return;
      ctx.report({
        ...span,
        message: `Rollback criterion '${excerpt(c, 60)}' has no number: state the signal and its threshold, e.g. 'checkout errors above 2 % for 10 minutes'.`,
        actual: c,
      });
    });
  },
};

export default rule;
