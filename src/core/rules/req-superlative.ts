// Superlatives with no measure ("the fastest", "minimal", "maximize"): best compared with what, and when
// is it best enough? Fine when a number gives the bound ("at least 3", "a maximum of 500").

import { superlative } from '../language/lexicon.js';
import { numberIn, wordIn } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { hitsOf, languageRule } from './language/languageRule.js';

const PRACTICE = new Set(['practice', 'practices', 'effort', 'efforts']);

export default languageRule({
  id: 'req-superlative',
  description: 'Superlatives in requirements ("the fastest", "maximize") come with a measurable bound.',
  defaultSeverity: 'info',
  lists: { words: superlative.terms },
  find(unit, lists) {
    const t = unit.tokens;
    return hitsOf(findTerms(t, lists.words, unit.body), (m) => {
      const first = m.first;
      const last = m.last;
      if (numberIn(t, first - 3, last + 4)) return [];
      if (m.term === 'best' && wordIn(t, last, last + 1, PRACTICE)) return [];
      return [{ first, last, says: `is a superlative with no bound: state the number that is good enough (e.g. "at most 3 clicks").` }];
    });
  },
});
