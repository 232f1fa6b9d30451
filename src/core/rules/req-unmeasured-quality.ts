// A quality word next to a metric word with no number anywhere in the requirement ("fast response",
// "high availability", "latency is low"): the metric is named, its target is not.

import { unmeasuredQuality } from '../language/lexicon.js';
import { numberIn } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { languageRule, NO_HITS, type LanguageHit } from './language/languageRule.js';
import { metricAt } from './language/qualityPairs.js';

const LINK = new Set(['is', 'are', 'be', 'stays', 'remains', 'stay', 'remain', 'becomes', 'become']);

export default languageRule({
  id: 'req-unmeasured-quality',
  description: 'A quality named next to a metric ("fast response", "high availability") comes with a number.',
  defaultSeverity: 'info',
  lists: { adjectives: unmeasuredQuality.adjectives, metrics: unmeasuredQuality.metrics },
  find(unit, lists) {
    const t = unit.tokens;
    // The quality words first: they are rare, and their absence is known without reading a word.
    const qualities = findTerms(t, lists.adjectives, unit.body);
    if (!qualities.length || numberIn(t, unit.body, t.length)) return NO_HITS;
    const hits: LanguageHit[] = [];
    for (const m of qualities) {
      const first = m.first;
      const last = m.last;
      const metric = metricAt(t, last, lists.metrics);
      if (metric) {
        hits.push({
          first,
          last: last + metric,
          says: says(t.joined(last, last + metric)),
        });
        continue;
      }
      // "latency is low", "response time must be short": metric, a linking verb, the adjective.
      for (let back = 2; back <= 5; back++) {
        const k = first - back;
        if (k < unit.body) break;
        const len = metricAt(t, k, lists.metrics);
        if (len && LINK.has(t.word(first - 1)) && k + len <= first - 1) {
          hits.push({
            first: k,
            last,
            says: says(t.joined(k, k + len)),
          });
          break;
        }
      }
    }
    return hits;
  },
});

const says = (metric: string): string =>
  `names the ${metric} it wants but not its target: state a number (e.g. "p95 under 300 ms", "99.9 % per month").`;
