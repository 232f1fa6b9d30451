// Loopholes ("if possible", "as appropriate") and open-ended terms ("etc.", "several", "such as") let any
// result count as done: the requirement cannot fail a test.

import { loophole, openAmounts } from '../language/lexicon.js';
import { numberIn } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { hitsOf, languageRule } from './language/languageRule.js';

const OPEN_LIST = 'list every case, or say where the full list lives';
const LOOPHOLE = 'it lets the requirement opt out: say when it applies, or drop it';
const QUANTITY = 'state how many (e.g. "at least 3")';
const QUANTITIES: ReadonlySet<string> = new Set(openAmounts);

export default languageRule({
  id: 'req-loophole',
  description: 'Requirements have no loopholes ("if possible", "as appropriate") or open-ended terms ("etc.", "several").',
  defaultSeverity: 'info',
  lists: { words: loophole.terms },
  find(unit, lists) {
    const t = unit.tokens;
    return hitsOf(findTerms(t, lists.words, unit.body), (m) => {
      const first = m.first;
      const last = m.last;
      const quantity = QUANTITIES.has(m.term);
      if (quantity && numberIn(t, first - 2, last + 2)) return [];
      const hint = loophole.hints?.[m.term] ?? (quantity ? QUANTITY : /^(?:if|where|when|as|to the)\b/.test(m.term) ? LOOPHOLE : OPEN_LIST);
      const what = quantity
        ? 'is an open-ended amount'
        : /^(?:if|where|when|as|to the)\b/.test(m.term)
          ? 'is a loophole'
          : 'leaves the list open';
      return [{ first, last, says: `${what}: ${hint}.` }];
    });
  },
});
