// What an editor offers for one finding (its rule's fixes, then "Disable RULE for this line / file") and
// when it offers "fix all": the same choices in VS Code and in every editor the language server reaches.

import type { Finding, Fix, TextEdit } from '../types.js';
import type { LintResult } from '../engine.js';
import type { ParsedDoc } from '../document/parse.js';
import { fixAll, safeFixes } from './fixAll.js';
import { minimalEdit } from './minimalEdit.js';
import { suppressionFixes } from './suppress.js';

export const FIX_ALL_TITLE = 'Fix all pmdocs problems in this file';

export interface QuickFix {
  fix: Fix;
  /** The one obvious fix (what Ctrl+. / "auto fix" picks): the finding's only fix, and a safe one. */
  preferred: boolean;
}

export function quickFixesFor(doc: ParsedDoc, finding: Finding): QuickFix[] {
  const fixes = finding.fixes ?? [];
  return [
    ...fixes.map((fix) => ({ fix, preferred: fixes.length === 1 && fix.safe })),
    ...suppressionFixes(doc, finding).map((fix) => ({ fix, preferred: false })),
  ];
}

/** The finding behind an editor's diagnostic, in a lint of the current text: same rule and range (and message, when several match). */
export function findingAt(findings: readonly Finding[], ruleId: string, start: number, end: number, message: string): Finding | undefined {
  const same = findings.filter((f) => f.ruleId === ruleId && f.start === start && f.end === end);
  return same.find((f) => f.message === message) ?? same[0];
}

export interface FixAllEdit {
  edit: TextEdit;
  /** How many safe fixes it applies. */
  applied: number;
}

/**
 * "Fix all" as one edit, when there is something to fix. Offered when asked for (`source.fixAll`), or next
 * to quick fixes when the file has more than one safe fix.
 */
export function fixAllEdit(
  text: string,
  result: LintResult,
  lint: (text: string) => LintResult,
  options: { asked: boolean; offeringQuickFixes: boolean },
): FixAllEdit | undefined {
  const fixable = safeFixes(result.findings).length;
  if (!fixable || !(options.asked || (options.offeringQuickFixes && fixable > 1))) return undefined;
  const outcome = fixAll(text, lint);
  const edit = minimalEdit(text, outcome.text);
  return edit ? { edit, applied: outcome.applied.length } : undefined;
}
