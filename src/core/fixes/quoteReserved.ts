// `owner: @jane` is a YAML syntax error ('@' and '`' are reserved and cannot start a plain value). The
// fix quotes the value as written. Not marked safe: "fix all" never edits a front matter it could not
// read, so this one is offered as a quick fix only.

import type { Fix } from '../types.js';
import { LINE_BREAK } from '../document/lines.js';
import { plainValueLength } from '../document/plainValue.js';

/** `offset` is where the parser stopped: the reserved character. */
export function quoteReservedFix(text: string, offset: number): Fix | undefined {
  const c = text[offset];
  if (c !== '@' && c !== '`') return undefined;
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const rest = text.slice(offset).split(LINE_BREAK, 1)[0]!;
  const before = text.slice(lineStart, offset);
  const value = rest.slice(0, plainValueLength(before, rest));
  if (!value) return undefined;
  const quoted = JSON.stringify(value);
  return { title: `Quote the value: ${quoted}`, edits: [{ start: offset, end: offset + value.length, newText: quoted }], safe: false };
}
