// Comparatives with nothing to compare against ("faster", "more reliable", "minor changes"): faster than
// what? Fine with a reference ("faster than v2", "more than 3", "2 or more", "compared with last quarter",
// "superior to"), and in an example the requirement gives ("(e.g. over longer periods)"): the example
// illustrates, the requirement is the rest.

import { comparative } from '../language/lexicon.js';
import { inExample, numberAt, numberIn, wordIn } from '../language/context.js';
import { findTerms } from '../language/match.js';
import { hitsOf, languageRule } from './language/languageRule.js';

const NOT_COMPARING = new Set(['no', 'any', 'once']);
const REFERENCE = new Set(['than', 'compared', 'relative', 'versus', 'vs', 'baseline', 'before', 'previous', 'current', 'today']);
// Latin comparatives take "to" ("superior to the old one").
const TAKES_TO = new Set(['superior', 'inferior']);
const TO = new Set(['to']);
// "major version", "minor release": version-numbering terms, not comparisons.
const VERSION_WORDS = new Set(['version', 'versions', 'release', 'releases', 'bump', 'upgrade', 'upgrades']);
const LATIN_SIZE = new Set(['major', 'minor']);

export default languageRule({
  id: 'req-comparative',
  description: 'Comparatives in requirements ("faster", "more secure") name what they compare against.',
  defaultSeverity: 'info',
  lists: { words: comparative.terms },
  find(unit, lists) {
    const t = unit.tokens;
    return hitsOf(findTerms(t, lists.words, unit.body), (m) => {
      const first = m.first;
      const last = m.last;
      // "no longer", "any more", "once more": not comparisons.
      if (wordIn(t, first - 1, first, NOT_COMPARING)) return [];
      if (wordIn(t, last, last + 6, REFERENCE) || numberIn(t, last, last + 4)) return [];
      if (TAKES_TO.has(m.term) && wordIn(t, last, last + 1, TO)) return [];
      if (LATIN_SIZE.has(m.term) && wordIn(t, last, last + 1, VERSION_WORDS)) return [];
      // "2 or more", "one or fewer": the number is the reference.
      if (t.word(first - 1) === 'or' && numberAt(t, first - 2)) return [];
      if (inExample(unit.text, t, unit.body, first)) return [];
      return [{ first, last, says: `compares with nothing: name the reference and the margin (e.g. "20 % faster than release 2.3").` }];
    });
  },
});
