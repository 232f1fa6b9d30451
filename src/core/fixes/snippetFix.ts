// A fix whose inserted text holds values the user should choose (a guessed enum value, an example
// date): the editor turns those spans into tab stops; the CLI and "fix all" see a plain Fix.

import type { Fix } from '../types.js';

export interface Placeholder {
  /** Index of the edit in `fix.edits`. */
  edit: number;
  /** Offsets inside that edit's `newText`. */
  start: number;
  end: number;
}

export interface SnippetFix extends Fix {
  placeholders?: Placeholder[];
}

export function placeholdersOf(fix: Fix): Placeholder[] {
  const p = (fix as SnippetFix).placeholders;
  return Array.isArray(p) ? p : [];
}
