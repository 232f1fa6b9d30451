// The one shape every word-list rule option takes (see README, "Rule options"):
//   ["WIP", "XXX"]                          adds these words to the rule's built-in list;
//   { "add": [...], "remove": [...] }       adds some, drops some built-in ones;
//   { "replace": [...] }                    uses only these words.
// Words compare case-insensitively when removing; matching is the rule's business (each rule's docs page
// says whether its words are case-sensitive).

export type WordListOption = readonly string[] | { add?: readonly string[]; remove?: readonly string[]; replace?: readonly string[] };

/** The built-in list with the option applied (the same array back when there is no option). */
export function resolveWordList(option: unknown, defaults: readonly string[]): readonly string[] {
  if (option === undefined || option === null) return defaults;
  if (Array.isArray(option)) return unique([...defaults, ...strings(option)]);
  if (typeof option !== 'object') return defaults;
  const o = option as Record<string, unknown>;
  if (Array.isArray(o['replace'])) return unique(strings(o['replace']));
  const remove = new Set(strings(o['remove']).map((w) => w.toLowerCase()));
  return unique([...defaults.filter((w) => !remove.has(w.toLowerCase())), ...strings(o['add'])]);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : []);

const unique = (words: string[]): string[] => [...new Set(words)];

/** A word as a regular-expression source matching it literally (runs of spaces match any whitespace). */
export const literalWord = (word: string): string =>
  word
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
