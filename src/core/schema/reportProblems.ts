// The three schema rules share one validation run (ctx.schemaProblems); each reports its own kind.

import type { ReportSink } from '../types.js';
import type { SchemaProblem, SchemaProblemKind } from './problems.js';

/** The part of a rule's context this needs (a RuleContext is one): schema depends on nothing in rules/. */
export interface SchemaProblemSink extends ReportSink {
  readonly schemaProblems: readonly SchemaProblem[];
}

export function reportSchemaProblems(ctx: SchemaProblemSink, ...kinds: SchemaProblemKind[]): void {
  for (const p of ctx.schemaProblems) {
    if (!kinds.includes(p.kind)) continue;
    ctx.report({
      start: p.start,
      end: p.end,
      message: p.message,
      ...(p.detail ? { detail: p.detail } : {}),
      ...(p.expected ? { expected: p.expected } : {}),
      ...(p.actual !== undefined ? { actual: p.actual } : {}),
      ...(p.fixes ? { fixes: p.fixes } : {}),
      ...(p.related ? { related: p.related } : {}),
    });
  }
}
