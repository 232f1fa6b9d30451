// A language rule's word list with the workspace's option applied (a list adds, { add, remove } edits,
// { replace } replaces: see config/wordList.ts). Resolved once per option value and built-in list, so
// the phrase index compiled for it (match.ts caches by list) is built once per run, not per requirement.

import { resolveWordList } from '../config/wordList.js';

const resolved = new WeakMap<object, WeakMap<readonly string[], readonly string[]>>();

export function wordsOption(option: unknown, defaults: readonly string[]): readonly string[] {
  if (!option || typeof option !== 'object') return defaults;
  let byDefaults = resolved.get(option);
  if (!byDefaults) resolved.set(option, (byDefaults = new WeakMap()));
  let list = byDefaults.get(defaults);
  if (!list) byDefaults.set(defaults, (list = resolveWordList(option, defaults)));
  return list;
}
