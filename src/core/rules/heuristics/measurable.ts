// Does a goal or a success metric say how far, not just which way? Words only, never evaluated: a
// digit, a comparison sign, a number word, a month or an "end of the quarter" makes a target; so does an
// explicit end state ("all plans", "no manual retyping", "without a support ticket", "from PDFs to
// CSV") — unless the item only says which way to move ("Improve onboarding for all users"). Built to
// stay quiet when in doubt: an item with any number in it is measurable here.

import { literalWord } from '../../config/wordList.js';

/** Any digit (also non-ASCII ones), or a sign that only appears in a target: %, ‰, ≥, ≤, <, >, ±, ×. */
const NUMERIC = /[\p{Nd}%‰≥≤<>±×]/u;

// Whole words. Quantities and end states may be hyphenated ("a two-minute export", "no-code"); a
// direction may not ("password-less login" says nothing about less).
const B = String.raw`(?<![\p{L}\p{N}_])`;
const E = String.raw`(?![\p{L}\p{N}_])`;
const BD = String.raw`(?<![\p{L}\p{N}_-])`;
const ED = String.raw`(?![\p{L}\p{N}_-])`;

const NUMBER_WORDS = new RegExp(
  String.raw`${B}(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|halves|quarters?|thirds?|fifths?|tenths?|majority|halve[sd]?|twice|double[sd]?|triple[sd]?|once|single|percent|per\s+cent)${E}`,
  'iu',
);

// Dates: month names as written in a date (capitalised), the end of a period.
const MONTHS =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;
const PERIOD_END = /\b(?:end of (?:the )?(?:year|quarter|month|sprint|half)|EOY|EOQ)\b/i;

// An explicit end state: everyone, no one, never, without, only, removed, from one state to another.
const END_STATE = new RegExp(
  String.raw`${B}(?:all|every|everyone|none|no|nobody|never|without|only|eliminat(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|stop(?:s|ped|ping)?|retir(?:e|es|ed|ing)|replac(?:e|es|ed|ing))${E}|\bfrom\b.+\bto\b`,
  'iu',
);

// Which way, not how far (goal-unmeasurable's `directionWords` option edits this list).
export const DIRECTION_WORDS: readonly string[] = [
  'improve',
  'improves',
  'improved',
  'improving',
  'increase',
  'increases',
  'increased',
  'increasing',
  'reduce',
  'reduces',
  'reduced',
  'reducing',
  'decrease',
  'decreases',
  'decreased',
  'decreasing',
  'grow',
  'grows',
  'grown',
  'growing',
  'boost',
  'boosts',
  'boosted',
  'boosting',
  'raise',
  'raises',
  'raised',
  'raising',
  'lower',
  'lowers',
  'lowered',
  'lowering',
  'enhance',
  'enhances',
  'enhanced',
  'enhancing',
  'optimise',
  'optimises',
  'optimised',
  'optimising',
  'optimize',
  'optimizes',
  'optimized',
  'optimizing',
  'maximise',
  'maximises',
  'maximised',
  'maximising',
  'maximize',
  'maximizes',
  'maximized',
  'maximizing',
  'minimise',
  'minimises',
  'minimised',
  'minimising',
  'minimize',
  'minimizes',
  'minimized',
  'minimizing',
  'streamline',
  'streamlines',
  'streamlined',
  'streamlining',
  'simplify',
  'simplifies',
  'simplified',
  'simplifying',
  'accelerate',
  'accelerates',
  'accelerated',
  'accelerating',
  'speed up',
  'better',
  'faster',
  'easier',
  'simpler',
  'quicker',
  'smoother',
  'cheaper',
  'higher',
  'more',
  'less',
  'fewer',
];

/** A direction word, whole (not inside "password-less"), any case; built once per word list. */
export function directionPattern(words: readonly string[]): RegExp {
  if (words === DIRECTION_WORDS) return DIRECTION;
  const key = words.join('\0');
  let re = patterns.get(key);
  if (!re) {
    if (patterns.size > 64) patterns.clear(); // word lists come from config: few, but never unbounded
    const alternatives = [...words]
      .sort((a, b) => b.length - a.length)
      .map(literalWord)
      .join('|');
    re = new RegExp(String.raw`${BD}(?:${alternatives || '(?!)'})${ED}`, 'iu');
    patterns.set(key, re);
  }
  return re;
}
const patterns = new Map<string, RegExp>();
// The built-in list as one pattern of stems (what DIRECTION_WORDS spells out): the one nearly every run
// uses, and faster to match than the literal alternation a configured list becomes.
const DIRECTION = new RegExp(
  String.raw`${BD}(?:improv(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|grow(?:s|n|ing)?|boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|enhanc(?:e|es|ed|ing)|optimi[sz](?:e|es|ed|ing)|maximi[sz](?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|streamlin(?:e|es|ed|ing)|simplif(?:y|ies|ied|ying)|accelerat(?:e|es|ed|ing)|speed\s+up|better|faster|easier|simpler|quicker|smoother|cheaper|higher|more|less|fewer)${ED}`,
  'iu',
);

// Left to unresolved-at-approval and empty-section: an item that says it is not written yet.
const UNWRITTEN = /(?<![\p{L}\p{N}_])(?:TBD|TBC|TODO|FIXME)(?![\p{L}\p{N}_])|\?{3,}/u;

export type Measure =
  | { kind: 'measurable' }
  /** Not written yet (TBD, TODO…): another rule's finding. */
  | { kind: 'unwritten' }
  /** Says which way ("Improve", "faster") without how far; `word` as written. */
  | { kind: 'direction'; word: string }
  /** No number and no explicit target at all. */
  | { kind: 'none' };

/** A number, a date or a count: how far, whatever else the text says. */
export function hasQuantity(text: string): boolean {
  return NUMERIC.test(text) || NUMBER_WORDS.test(text) || MONTHS.test(text) || PERIOD_END.test(text);
}

export function measure(text: string, directionWords = DIRECTION): Measure {
  if (UNWRITTEN.test(text)) return { kind: 'unwritten' };
  if (hasQuantity(text)) return { kind: 'measurable' };
  const direction = directionWords.exec(text);
  if (direction) return { kind: 'direction', word: direction[0] };
  return END_STATE.test(text) ? { kind: 'measurable' } : { kind: 'none' };
}

/**
 * A front-matter `target` (the schema allows a number, a percentage or an explicit state): only a
 * direction without a quantity ("higher", "better than today") is reported.
 */
export function measureTarget(text: string, directionWords = DIRECTION): Measure {
  if (UNWRITTEN.test(text)) return { kind: 'unwritten' };
  if (hasQuantity(text)) return { kind: 'measurable' };
  const direction = directionWords.exec(text);
  return direction ? { kind: 'direction', word: direction[0] } : { kind: 'measurable' };
}

// "G1:", "KR 2.1 –", "#3." in front of a goal: a label, not a number of the goal.
const LABEL = /^(?!(?:Q[1-4]|H[12])\b)(?:#|[A-Z]{1,4}[ -]?)\d{1,3}(?:\.\d{1,3})*\s*[:.)–—-]\s+/;

/** The item's text without a leading label such as "G1:" or "KR 2.1 –". */
export const withoutLabel = (text: string): string => text.replace(LABEL, '');

/** A table cell that is only a row label: "1", "G-2", "KR1.2", "#3". */
export const isRowLabel = (cell: string): boolean =>
  /^(?!(?:Q[1-4]|H[12])$)(?:#|[A-Z]{1,4}[ -]?)?\d{1,3}(?:\.\d{1,3})*\.?$/.test(cell.trim());
