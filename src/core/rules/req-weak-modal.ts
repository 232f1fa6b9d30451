// Weak or uncertain modals in a requirement ("should", "may", "might", "could"): is it required or not?
// "can" is reported as info: it usually states a capability. A MoSCoW tag ("Should: …", a Priority cell) is a priority, not wording, and is never read here.

import { weakModal } from '../language/lexicon.js';
import { numberAt } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { hitsOf, languageRule } from './language/languageRule.js';

export default languageRule({
  id: 'req-weak-modal',
  description: 'Requirements say "must" or "shall", not "should", "may", "might" or "could".',
  defaultSeverity: 'warning',
  lists: { words: weakModal.terms },
  find(unit, lists) {
    const t = unit.tokens;
    return hitsOf(findTerms(t, lists.words, unit.body), (m) => {
      const first = m.first;
      const last = m.last;
      // The month: "in May 2027", "by 3 May".
      if (
        m.term === 'may' &&
        /^M/.test(unit.text.slice(t.start(first))) &&
        first > unit.body &&
        (numberAt(t, last) || numberAt(t, first - 1))
      )
        return [];
      // "can not" is a negation (req-negative's).
      if (m.term === 'can' && t.word(last) === 'not') return [];
      // "can" mostly states a capability ("the user can export"): worth a look, not a warning.
      if (m.term === 'can')
        return [
          {
            first,
            last,
            says: `may only state a capability: if this is required, write "must" (or "shall") and say who does what.`,
            severity: 'info' as const,
          },
        ];
      return [
        {
          first,
          last,
          says: `leaves it open whether this is required: write "must" (or "shall") for a requirement, or move it to a list of options.`,
        },
      ];
    });
  },
});
