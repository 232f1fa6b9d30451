// Words whose referent the reader must find elsewhere: each requirement is read alone, so it names what
// it talks about. Reported:
// - a pronoun that starts the requirement, or one of its sentences or clauses ("It shall …", "This must
//   …", "…, they are"): it points back past the start of the requirement or to a whole previous clause;
// - "it"/"they" later in a sentence with more than one candidate noun before it ("If the train passes a
//   level transition for which it is equipped": the train or the transition?);
//   ("…, which is …" may refer to the noun before the comma or to the whole clause);
// - "other"/"another" with no contrast named ("other users": other than whom?); "other than …", "each
//   other", "one another" name it.
// A determiner before a noun ("This report …") names it and is fine.

import { vaguePronoun } from '../language/lexicon.js';
import { AUXILIARIES } from '../language/context.js';
import { findTerms } from '../language/match.js';
import type { RequirementUnit } from './sections/requirementUnits.js';
import { sentenceOf, sentenceStarts } from './sections/requirementUnits.js';
import { languageRule, NO_HITS, type LanguageHit } from './language/languageRule.js';

const ALWAYS_PRONOUN = new Set(['it', 'they', 'them', 'he', 'she']);
const CLAUSE_OPENERS = new Set([
  'if',
  'when',
  'then',
  'and',
  'or',
  'but',
  'because',
  'so',
  'unless',
  'until',
  'once',
  'while',
  'where',
  'after',
  'before',
  'otherwise',
  'whether',
]);
const CONTRAST = new Set(['other', 'another']);
const SAYS = `leaves the reader to guess what it refers to: name the subject (e.g. "The export file …").`;
const SAYS_CONTRAST = `does not say what it is contrasted with: name the set (e.g. "users other than the owner").`;
const SAYS_AMBIGUOUS = (n: number) => `could refer to any of ${n} nouns before it: repeat the noun it means.`;
const SAYS_WHICH = `after a comma may refer to the noun before it or to the whole clause: repeat the noun, or split the sentence.`;

export default languageRule({
  id: 'req-vague-pronoun',
  description:
    'Requirements name what they refer to: no pronoun at the start of a sentence or clause ("It shall …"), no ambiguous "it"/"which", no "other" without a contrast.',
  defaultSeverity: 'info',
  lists: { words: vaguePronoun.terms },
  find(unit, lists) {
    const t = unit.tokens;
    const found = findTerms(t, lists.words, unit.body);
    if (!found.length) return NO_HITS;
    const hits: LanguageHit[] = [];
    for (const m of found) {
      const first = m.first;
      const last = m.last;
      if (CONTRAST.has(m.term)) {
        if (!contrastNamed(unit, first)) hits.push({ first, last, says: SAYS_CONTRAST });
        continue;
      }
      if (startsClause(unit, first)) {
        if (m.term === 'it' && isDummyIt(unit, last)) continue;
        if (m.term === 'which' && commaBefore(unit, first)) {
          hits.push({ first, last, says: SAYS_WHICH });
          continue;
        }
        if (!ALWAYS_PRONOUN.has(m.term) && !AUXILIARIES.has(t.word(last)) && last < t.length) continue;
        hits.push({ first, last, says: SAYS });
        continue;
      }
      if (m.term === 'it' || m.term === 'they' || m.term === 'them') {
        if (m.term === 'it' && isDummyIt(unit, last)) continue;
        const n = candidates(unit, first, m.term === 'it');
        if (n > 1) hits.push({ first, last, says: SAYS_AMBIGUOUS(n) });
      }
    }
    return hits;
  },
});

function startsClause(unit: RequirementUnit, i: number): boolean {
  if (sentenceStarts(unit).has(i)) return true;
  if (i === 0) return true;
  const t = unit.tokens;
  if (CLAUSE_OPENERS.has(t.word(i - 1))) return true;
  return /[,;:(]\s*$/.test(unit.text.slice(t.end(i - 1), t.start(i)));
}

const commaBefore = (unit: RequirementUnit, i: number): boolean => {
  const t = unit.tokens;
  return i > 0 && /,\s*$/.test(unit.text.slice(t.end(i - 1), t.start(i)));
};

/**
 * "other than the owner", "each other", "one another", "the other", "no other": the contrast is named or closed. So
 * is "another" standing for a noun said before it in the sentence ("a reminder after 3 days, and another
 * after 10").
 */
function contrastNamed(unit: RequirementUnit, i: number): boolean {
  const t = unit.tokens;
  const before = t.word(i - 1);
  // "no other workspace is affected": every one besides the one in question, a closed contrast.
  if (before === 'each' || before === 'one' || (t.word(i) === 'other' && (before === 'the' || before === 'no'))) return true;
  for (let k = i + 1; k < Math.min(t.length, i + 5); k++) if (t.word(k) === 'than') return true;
  if (t.word(i) === 'another' && standsAlone(unit, i)) {
    const { from } = sentenceOf(unit, i);
    for (let k = from; k < i; k++) if (INDEFINITE.has(t.word(k))) return true;
  }
  return false;
}

const INDEFINITE = new Set(['a', 'an', 'one']);
// Words that cannot be the noun "another" qualifies: after them, "another" is a pronoun.
const NOT_A_NOUN = new Set([
  'after',
  'before',
  'for',
  'in',
  'of',
  'to',
  'with',
  'at',
  'on',
  'by',
  'from',
  'if',
  'when',
  'and',
  'or',
  'but',
  'that',
  'which',
  'as',
  ...AUXILIARIES,
]);

/** "another" used as a pronoun: the requirement ends, a punctuation mark or a function word follows. */
function standsAlone(unit: RequirementUnit, i: number): boolean {
  const t = unit.tokens;
  if (i + 1 >= t.length) return true;
  if (/[,.;:!?)]/.test(unit.text.slice(t.end(i), t.start(i + 1)))) return true;
  return NOT_A_NOUN.has(t.word(i + 1));
}

const DETERMINERS = new Set(['the', 'a', 'an', 'each', 'every', 'any', 'this', 'that', 'these', 'those']);
const NOT_NOUN = new Set(['one', 'other', 'same', 'first', 'last', 'next', 'previous']);

/**
 * Distinct nouns before token i in its sentence that "it" (singular) or "they" (plural) could refer to:
 * the word after a determiner, read as plural when it ends in -s. No grammar: a rough count.
 */
function candidates(unit: RequirementUnit, i: number, singular: boolean): number {
  const t = unit.tokens;
  const { from } = sentenceOf(unit, i);
  const seen = new Set<string>();
  for (let k = from; k < i - 1; k++) {
    if (!DETERMINERS.has(t.word(k))) continue;
    const noun = t.word(k + 1);
    if (DETERMINERS.has(noun) || AUXILIARIES.has(noun) || NOT_NOUN.has(noun)) continue;
    if (singular === !noun.endsWith('s')) seen.add(noun);
  }
  return seen.size;
}

const MODAL = new Set(['shall', 'must', 'should', 'will', 'may', 'might', 'can', 'could', 'would']);
const BE = new Set(['be', 'is', 'was', 'becomes', 'become', 'seems']);
const COMPLEMENT = new Set(['to', 'that', 'for', 'whether', 'if']);

/** "It shall be possible to …", "it is necessary that …": an empty subject, not a reference. */
function isDummyIt(unit: RequirementUnit, i: number): boolean {
  const t = unit.tokens;
  let k = i;
  if (MODAL.has(t.word(k))) k++;
  if (t.word(k) === 'not') k++;
  if (!BE.has(t.word(k))) return false;
  k++;
  if (t.word(k) === 'not') k++;
  return COMPLEMENT.has(t.word(k + 1));
}
