// Passive voice with no agent ("The invoice is exported", "Errors are logged"): who does it — the
// product, the user, another system? Informational: often harmless, but a requirement that names its
// actor is easier to assign and to test. "… by the scheduler" names the agent and is fine. Gherkin steps
// are not read: a scenario's outcome ("Then an email is sent") is observed, not assigned.

import { irregularParticiples } from '../language/lexicon.js';
import { findTerms, startsTerm } from '../language/match.js';
import type { RequirementUnit } from './sections/requirementUnits.js';
import { languageRule, NO_HITS, type LanguageHit } from './language/languageRule.js';
import { sentenceOf } from './sections/requirementUnits.js';

const BE: readonly string[] = ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got'];
const BETWEEN = new Set([
  'not',
  'also',
  'then',
  'always',
  'only',
  'automatically',
  'immediately',
  'still',
  'all',
  'never',
  'correctly',
  'successfully',
]);
// -ed words that are not participles of a verb in the passive.
const NOT_PARTICIPLE =
  /(?:eed|^hundred|^red|^bed|^shed|^based|^related|^interested|^required|^supposed|^expected|^intended|^allowed|^enabled|^disabled|^needed|^used|^called|^named|^located|^designed|^limited|^concerned|^involved|^advanced|^detailed|^dedicated|^sophisticated|^complicated|^experienced|^qualified|^tired|^bored|^excited|^pleased|^satisfied|^prepared|^connected|^authorized|^authorised|^signed|^logged)$/;

export default languageRule({
  id: 'req-passive-voice',
  description: 'Requirements in the passive name their agent ("is exported by the scheduler"), so it is clear who acts.',
  defaultSeverity: 'info',
  lists: { participles: irregularParticiples.terms },
  find(unit, lists) {
    // A Given/When/Then step is one concrete example, and the product is its actor by definition
    // ("Then an email is sent"): only requirements written as statements are read.
    if (unit.kind === 'step' || unit.keyword) return NO_HITS;
    const t = unit.tokens;
    let hits: LanguageHit[] | undefined;
    let after = -1; // the last word of the previous hit
    // The forms of "be" through the word lists' masks: most requirements hold none, and are not read.
    for (const be of findTerms(t, BE, unit.body, t.length - 1)) {
      const i = be.first;
      if (i <= after) continue;
      let j = i + 1;
      while (j < t.length && BETWEEN.has(t.word(j))) j++;
      const w = t.word(j);
      if (!w || !(isRegularParticiple(w) || startsTerm(t, j, lists.participles))) continue;
      if (hasAgent(unit, j)) continue;
      (hits ??= []).push({
        first: i,
        last: j + 1,
        says: `is passive and names no agent: say who or what does it (e.g. "the system exports …", "… by the scheduler").`,
      });
      after = j;
    }
    return hits ?? NO_HITS;
  },
});

const isRegularParticiple = (w: string): boolean => w.length > 4 && w.endsWith('ed') && !NOT_PARTICIPLE.test(w);

function hasAgent(unit: RequirementUnit, j: number): boolean {
  const { to } = sentenceOf(unit, j);
  for (let k = j + 1; k < to; k++) if (unit.tokens.word(k) === 'by') return true;
  return false;
}
