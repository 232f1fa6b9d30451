// Negative requirements ("must not", "never") state what must not happen, which no finite test proves.
// A bound is not one ("not more than 3", "no later than 2 s"): a number right after the negation is a
// limit a test can check. Gherkin steps are not read: in one concrete scenario ("Then nothing is saved")
// a negative outcome is observed like any other.

import { negative } from '../language/lexicon.js';
import { numberIn } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { hitsOf, languageRule, NO_HITS } from './language/languageRule.js';
import { sentenceOf } from './sections/requirementUnits.js';
import { inSubordinateClause } from '../language/clauses.js';

const CIRCUMSTANCE = new Set(['with', 'for', 'at', 'in', 'of']);

export default languageRule({
  id: 'req-negative',
  description: 'Requirements say what the product does, not what it does not do ("must not", "never").',
  defaultSeverity: 'info',
  lists: { words: negative.terms },
  find(unit, lists) {
    // A Given/When/Then step is one concrete example: "Then nothing is saved" is checked in that scenario.
    if (unit.kind === 'step' || unit.keyword) return NO_HITS;
    const t = unit.tokens;
    return hitsOf(findTerms(t, lists.words, unit.body), (m) => {
      const first = m.first;
      const last = m.last;
      if (numberIn(t, last, last + 4)) return [];
      // "with no column selected", "for no reason": a circumstance, not a prohibition.
      if (CIRCUMSTANCE.has(t.word(first - 1))) return [];
      // A negation in a condition ("if the driver does not acknowledge, …") is a trigger, not a prohibition.
      if (inSubordinateClause(t, unit.text, sentenceOf(unit, first).from, first)) return [];
      return [
        {
          first,
          last,
          says: `makes this a negative requirement, which no test can prove for every case: state what happens instead (e.g. "shows an error and keeps the draft").`,
        },
      ];
    });
  },
});
