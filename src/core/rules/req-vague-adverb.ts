// Adverbs and adjectives that blur how often, how much or how well ("usually", "approximately",
// "correctly", "immediately"): the requirement no longer says when it is met.

import { vagueAdverb } from '../language/lexicon.js';
import { wordIn } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { hitsOf, languageRule } from './language/languageRule.js';

const THAN = new Set(['than']);
const ADVICE: Record<string, string> = {
  frequency: 'state how often (e.g. "every 15 min", "in 95 % of cases")',
  amount: 'state the amount with a tolerance (e.g. "5 s ± 0.5 s")',
  time: 'state the deadline (e.g. "within 1 s of the click")',
  manner: 'state the observable result that counts as done',
};
const KIND: Record<string, keyof typeof ADVICE> = {
  usually: 'frequency',
  generally: 'frequency',
  typically: 'frequency',
  commonly: 'frequency',
  often: 'frequency',
  sometimes: 'frequency',
  frequently: 'frequency',
  occasionally: 'frequency',
  rarely: 'frequency',
  periodically: 'frequency',
  regularly: 'frequency',
  mostly: 'frequency',
  soon: 'time',
  later: 'time',
  eventually: 'time',
  immediately: 'time',
  'as soon as possible': 'time',
  asap: 'time',
  almost: 'amount',
  nearly: 'amount',
  approximately: 'amount',
  roughly: 'amount',
  fairly: 'amount',
  quite: 'amount',
  rather: 'amount',
  very: 'amount',
  extremely: 'amount',
  highly: 'amount',
  relatively: 'amount',
  reasonably: 'amount',
  substantially: 'amount',
  considerably: 'amount',
  somewhat: 'amount',
  mainly: 'amount',
  largely: 'amount',
  sufficient: 'amount',
  minimal: 'amount',
  maximal: 'amount',
};

export default languageRule({
  id: 'req-vague-adverb',
  description: 'Requirements use no vague adverbs or adjectives ("usually", "approximately", "correctly", "immediately").',
  defaultSeverity: 'info',
  lists: { words: vagueAdverb.terms },
  find(unit, lists) {
    const t = unit.tokens;
    return hitsOf(findTerms(t, lists.words, unit.body), (m) => {
      const first = m.first;
      const last = m.last;
      if ((m.term === 'rather' || m.term === 'later') && wordIn(t, last, last + 1, THAN)) return [];
      // "too" at the end of a clause means "also".
      if (m.term === 'too' && (last >= t.length || /[,.;:!?)]/.test(unit.text.slice(t.end(first), t.start(last))))) return [];
      const hint = vagueAdverb.hints?.[m.term] ?? ADVICE[KIND[m.term] ?? 'manner'];
      return [{ first, last, says: `is vague: ${hint}.` }];
    });
  },
});
