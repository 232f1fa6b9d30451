// Quality adjectives next to a metric word ("fast response", "high availability", "latency is low"),
// shared by req-unmeasured-quality (which reports the pair) and req-subjective (which leaves it alone).

import type { Tokens } from '../../language/match.js';
import { findTerms } from '../../language/match.js';
import { unmeasuredQuality } from '../../language/lexicon.js';

/** Length in tokens of the metric phrase starting at token i (0: none). */
export function metricAt(tokens: Tokens, i: number, metrics: readonly string[] = unmeasuredQuality.metrics): number {
  const hit = findTerms(tokens, metrics, i, Math.min(tokens.length, i + 4))[0];
  return hit && hit.first === i ? hit.last - i : 0;
}

export const startsMetric = (tokens: Tokens, i: number): boolean => metricAt(tokens, i) > 0;
