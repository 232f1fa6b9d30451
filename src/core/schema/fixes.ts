// Quick fixes as minimal edits of the original text: only the value's or key's own characters change,
// so comments, the other quotes and the layout stay as the author wrote them.

import { isScalar, Scalar, type Node } from 'yaml';
import type { Fix, Span, TextEdit } from '../types.js';
import { yamlLiteral } from './wording.js';

/** An edit writing `value` over a scalar node (keeping its quote style when it has one). */
export function scalarEdit(text: string, span: Span, node: Node | undefined | null, value: unknown): TextEdit | undefined {
  const style = isScalar(node) ? node.type : Scalar.PLAIN;
  if (style === Scalar.BLOCK_FOLDED || style === Scalar.BLOCK_LITERAL) return undefined;
  const written = text.slice(span.start, span.end);
  if (typeof value === 'string' && style === Scalar.QUOTE_DOUBLE && /^".*"$/s.test(written)) {
    return { start: span.start + 1, end: span.end - 1, newText: JSON.stringify(value).slice(1, -1) };
  }
  if (typeof value === 'string' && style === Scalar.QUOTE_SINGLE && /^'.*'$/s.test(written)) {
    return { start: span.start + 1, end: span.end - 1, newText: value.replace(/'/g, "''") };
  }
  return { ...span, newText: yamlLiteral(value) };
}

/** "Replace with 'approved'" for each suggestion; the first is safe only when it is the only one. */
export function replacementFixes(
  text: string,
  span: Span,
  node: Node | undefined | null,
  values: readonly unknown[],
  verb = 'Replace with',
): Fix[] {
  const fixes: Fix[] = [];
  for (const v of values) {
    const edit = scalarEdit(text, span, node, v);
    if (edit) fixes.push({ title: `${verb} ${typeof v === 'string' ? `'${v}'` : yamlLiteral(v)}`, edits: [edit], safe: false });
  }
  if (fixes.length === 1) fixes[0]!.safe = true;
  return fixes;
}

/** Put a plain scalar the YAML parser read as a number/boolean/null in double quotes, as written. */
export function quoteFix(text: string, span: Span): Fix {
  const written = text.slice(span.start, span.end);
  return { title: `Quote the value: "${written}"`, edits: [{ ...span, newText: JSON.stringify(written) }], safe: true };
}
