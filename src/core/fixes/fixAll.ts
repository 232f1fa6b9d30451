// "Fix all": apply every safe fix, re-lint, repeat until nothing changes (a bounded number of passes, as
// a fix may only become possible once an overlapping one has been applied). Used by `pmdocs lint --fix`
// and the editor's `source.fixAll.pmdocs`. A file whose front matter could not be read is never
// touched: a fix computed on a half-understood file could corrupt it.

import type { Finding, Fix } from '../types.js';
import type { LintResult } from '../engine.js';
import { applyFixes } from './applyFixes.js';

export interface AppliedFix {
  ruleId: string;
  title: string;
  /** Where the finding was, in the text of the pass that fixed it (1-based). */
  line: number;
  column: number;
}

export interface FixAllResult {
  text: string;
  changed: boolean;
  applied: AppliedFix[];
  passes: number;
  /** Why nothing was done (front matter that could not be read). */
  refused?: string;
  /** The findings of the final text (what a re-lint reports). */
  remaining: Finding[];
}

export interface FixAllOptions {
  maxPasses?: number;
}

const DEFAULT_PASSES = 10;

export function fixAll(text: string, lint: (text: string) => LintResult, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = Math.max(1, options.maxPasses ?? DEFAULT_PASSES);
  let result = lint(text);
  const unreadable = frontMatterProblem(result);
  if (unreadable) return { text, changed: false, applied: [], passes: 0, refused: unreadable, remaining: result.findings };
  const applied: AppliedFix[] = [];
  const seen = new Set<string>([text]);
  let current = text;
  let passes = 0;
  while (passes < maxPasses) {
    const candidates = safeFixes(result.findings);
    if (!candidates.length) break;
    const outcome = applyFixes(
      current,
      candidates.map((c) => c.fix),
    );
    if (!outcome.applied.length || seen.has(outcome.text)) break;
    const next = lint(outcome.text);
    // A fix must never make the front matter unreadable; if one did, keep the text from before it.
    if (frontMatterProblem(next)) break;
    passes++;
    const findingOf = new Map(candidates.map((c) => [c.fix, c.finding]));
    for (const fix of outcome.applied) {
      const f = findingOf.get(fix)!;
      applied.push({ ruleId: f.ruleId, title: fix.title, line: f.line, column: f.column });
    }
    seen.add(outcome.text);
    current = outcome.text;
    result = next;
  }
  return { text: current, changed: current !== text, applied, passes, remaining: result.findings };
}

/** The first safe fix of each finding, in document order. */
export function safeFixes(findings: readonly Finding[]): { finding: Finding; fix: Fix }[] {
  const out: { finding: Finding; fix: Fix }[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.safe && f.edits.length > 0);
    if (fix) out.push({ finding, fix });
  }
  return out;
}

/** A reason when the front matter could not be read (syntax error, unclosed, not YAML, not a mapping). */
export function frontMatterProblem(result: LintResult): string | undefined {
  const problem = result.doc.frontMatter?.problems[0];
  return problem ? `front matter could not be read (${problem.message})` : undefined;
}
