// A pronoun that starts a requirement, or one of its sentences or clauses ("It shall …", "This must …",
// "…, they are"), makes the reader guess its referent: each requirement is read alone, so it names its
// subject. A determiner before a noun ("This report …") names it and is fine.

import { vaguePronoun } from '../language/lexicon.js';
import { AUXILIARIES } from '../language/context.js';
import { findTerms } from '../language/match.js';
import type { RequirementUnit } from './sections/requirementUnits.js';
import { languageRule } from './language/languageRule.js';

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

export default languageRule({
  id: 'req-vague-pronoun',
  description: 'Requirements do not start (or start a sentence or clause) with a pronoun ("It shall …", "This must …").',
  defaultSeverity: 'info',
  find(unit) {
    const t = unit.tokens;
    return findTerms(t, vaguePronoun.terms, unit.body).flatMap((m) => {
      const first = m.first;
      const last = m.last;
      if (!startsClause(unit, first)) return [];
      if (m.term === 'it' && isDummyIt(unit, last)) return [];
      if (!ALWAYS_PRONOUN.has(m.term) && !(t[last] && AUXILIARIES.has(t[last]!.word)) && t[last]) return [];
      return [{ first, last, says: `leaves the reader to guess what it refers to: name the subject (e.g. "The export file …").` }];
    });
  },
});

function startsClause(unit: RequirementUnit, i: number): boolean {
  if (unit.sentenceStarts.has(i)) return true;
  const prev = unit.tokens[i - 1];
  if (!prev) return true;
  if (CLAUSE_OPENERS.has(prev.word)) return true;
  return /[,;:(]\s*$/.test(unit.text.slice(prev.end, unit.tokens[i]!.start));
}

const MODAL = new Set(['shall', 'must', 'should', 'will', 'may', 'might', 'can', 'could', 'would']);
const BE = new Set(['be', 'is', 'was', 'becomes', 'become', 'seems']);
const COMPLEMENT = new Set(['to', 'that', 'for', 'whether', 'if']);

/** "It shall be possible to …", "it is necessary that …": an empty subject, not a reference. */
function isDummyIt(unit: RequirementUnit, i: number): boolean {
  const t = unit.tokens;
  let k = i;
  if (t[k] && MODAL.has(t[k]!.word)) k++;
  if (t[k]?.word === 'not') k++;
  if (!t[k] || !BE.has(t[k]!.word)) return false;
  k++;
  if (t[k]?.word === 'not') k++;
  return !!t[k + 1] && COMPLEMENT.has(t[k + 1]!.word);
}
