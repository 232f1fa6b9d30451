// Subjective words in a requirement ("user-friendly", "fast", "appropriate"): each reader fills in
// their own meaning, so no test can pass or fail on them. A word with a number right after it ("fast:
// under 2 s") is measured already; a quality word right before a metric word ("fast response") is
// req-unmeasured-quality's, which names the pair.

import { subjective } from '../language/lexicon.js';
import { numberIn, wordIn } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { hitsOf, languageRule } from './language/languageRule.js';
import { startsMetric } from './language/qualityPairs.js';

const VERB_USE = new Set(['to', 'shall', 'must', 'will', 'should', 'may', 'can', 'could', 'would', 'and', 'or']);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'all',
  'any',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'your',
  'our',
  'my',
  'each',
  'every',
]);
const MAYBE_VERB = new Set(['clear', 'clean', 'secure', 'smooth', 'slow', 'safe']);
const ADVICE = 'state a criterion a tester can check (a number, a named standard or an observable behaviour)';

export default languageRule({
  id: 'req-subjective',
  description: 'Requirements use no subjective words ("user-friendly", "fast", "appropriate") without a measurable criterion.',
  defaultSeverity: 'info',
  lists: { words: subjective.terms },
  find(unit, lists) {
    const t = unit.tokens;
    return hitsOf(findTerms(t, lists.words, unit.body), (m) => {
      const first = m.first;
      const last = m.last;
      if (numberIn(t, last, last + 6)) return [];
      if (startsMetric(t, last) && !numberIn(t, unit.body, t.length)) return [];
      if (
        MAYBE_VERB.has(m.term) &&
        (wordIn(t, first - 1, first, VERB_USE) || (first === unit.body && wordIn(t, last, last + 1, DETERMINERS)))
      )
        return [];
      // "standard ISO 8601", "the standard RFC 4180 format": the standard is named.
      if (m.term === 'standard' && last < t.length && /^[A-Z0-9]/.test(unit.text.slice(t.start(last)))) return [];
      const hint = subjective.hints?.[m.term] ?? ADVICE;
      return [{ first, last, says: `is subjective and not testable: ${hint}.` }];
    });
  },
});
