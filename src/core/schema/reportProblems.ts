// The three schema rules share one validation run (ctx.schemaProblems); each reports its own kind.

import type { RuleContext } from '../rules/rule.js';
import type { SchemaProblemKind } from './problems.js';

export function reportSchemaProblems(ctx: RuleContext, ...kinds: SchemaProblemKind[]): void {
  for (const p of ctx.schemaProblems) {
    if (!kinds.includes(p.kind)) continue;
    ctx.report({
      start: p.start,
      end: p.end,
      message: p.message,
      ...(p.expected ? { expected: p.expected } : {}),
      ...(p.actual !== undefined ? { actual: p.actual } : {}),
      ...(p.fixes ? { fixes: p.fixes } : {}),
      ...(p.related ? { related: p.related } : {}),
    });
  }
}
