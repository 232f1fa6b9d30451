// Keep a Changelog's six change types, and the names real changelogs use instead (`Bug Fixes`,
// `✨ Features`, `Improvements`), each mapped to the type it most likely means. A mapping is "safe"
// (applied by fix-all and `--fix`) when it only renames; catch-alls and "Breaking changes" are not,
// since the entries under them may belong to another type or lose their meaning.

import { distance } from 'fastest-levenshtein';

export const CHANGE_TYPES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

const SAFE: Record<string, ChangeType> = {
  add: 'Added',
  adds: 'Added',
  addition: 'Added',
  additions: 'Added',
  new: 'Added',
  'new features': 'Added',
  'new feature': 'Added',
  features: 'Added',
  feature: 'Added',
  'what s new': 'Added',
  'whats new': 'Added',
  change: 'Changed',
  changes: 'Changed',
  updated: 'Changed',
  update: 'Changed',
  updates: 'Changed',
  improvements: 'Changed',
  improvement: 'Changed',
  improved: 'Changed',
  enhancements: 'Changed',
  enhancement: 'Changed',
  enhanced: 'Changed',
  modified: 'Changed',
  performance: 'Changed',
  'performance improvements': 'Changed',
  deprecations: 'Deprecated',
  deprecation: 'Deprecated',
  deprecate: 'Deprecated',
  deprecates: 'Deprecated',
  remove: 'Removed',
  removes: 'Removed',
  removal: 'Removed',
  removals: 'Removed',
  deleted: 'Removed',
  fix: 'Fixed',
  fixes: 'Fixed',
  'bug fixes': 'Fixed',
  'bug fix': 'Fixed',
  bugfixes: 'Fixed',
  bugfix: 'Fixed',
  bugs: 'Fixed',
  'bugs fixed': 'Fixed',
  'fixed bugs': 'Fixed',
  'bug fixes and improvements': 'Fixed',
  'security fixes': 'Security',
  'security fix': 'Security',
  vulnerabilities: 'Security',
  'security updates': 'Security',
};

/** Names that usually mean "Changed" but may hide entries of another type (or a breaking change). */
const UNSAFE: Record<string, ChangeType> = {
  'breaking changes': 'Changed',
  'breaking change': 'Changed',
  breaking: 'Changed',
  'breaking changes and deprecations': 'Changed',
  refactor: 'Changed',
  refactoring: 'Changed',
  refactors: 'Changed',
  'code refactoring': 'Changed',
  dependencies: 'Changed',
  'dependency updates': 'Changed',
  deps: 'Changed',
  documentation: 'Changed',
  docs: 'Changed',
  chore: 'Changed',
  chores: 'Changed',
  internal: 'Changed',
  maintenance: 'Changed',
  misc: 'Changed',
  miscellaneous: 'Changed',
  other: 'Changed',
  others: 'Changed',
  'other changes': 'Changed',
  build: 'Changed',
  tests: 'Changed',
  'under the hood': 'Changed',
  reverts: 'Changed',
  revert: 'Changed',
};

/** `### ✨ New Features:` → `new features`: lower case, no emoji, punctuation or numbering. */
export function normalizeGroupName(name: string): string {
  return name
    .toLowerCase()
    .replace(/:[a-z0-9_+-]+:/g, ' ') // :sparkles: shortcodes
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface GroupSuggestion {
  type: ChangeType;
  safe: boolean;
}

/** The canonical type a group name stands for: exact (case aside) → known synonym → a near typo. */
export function changeTypeFor(name: string): GroupSuggestion | undefined {
  const n = normalizeGroupName(name);
  if (!n) return undefined;
  const exact = CHANGE_TYPES.find((t) => t.toLowerCase() === n);
  if (exact) return { type: exact, safe: true };
  if (SAFE[n]) return { type: SAFE[n]!, safe: true };
  if (UNSAFE[n]) return { type: UNSAFE[n]!, safe: false };
  const near = CHANGE_TYPES.map((t) => ({ t, d: distance(t.toLowerCase(), n) })).sort((a, b) => a.d - b.d)[0]!;
  return near.d <= 2 ? { type: near.t, safe: false } : undefined;
}

export function isChangeType(name: string): name is ChangeType {
  return (CHANGE_TYPES as readonly string[]).includes(name);
}
