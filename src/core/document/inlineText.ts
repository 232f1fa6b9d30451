// The text of a paragraph as a reader sees it (emphasis markers, link syntax and escapes gone) with the
// source offset of every character, so a rule can match on the words and still report exact ranges.

import type { Nodes } from 'mdast';

export interface FlatText {
  text: string;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is the end of the last character. */
  offsets: number[];
}

export function flattenInline(node: Nodes, source: string): FlatText {
  const chars: string[] = [];
  const offsets: number[] = [];
  let last = node.position?.start.offset ?? 0;
  const visit = (n: Nodes) => {
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') {
      // Comments are for tools (suppressions, fixture markers), not part of what the reader sees.
      if (start === undefined || end === undefined || (n.type === 'html' && n.value.startsWith('<!--'))) return;
      align(n.value, source, n.type === 'inlineCode' ? start + 1 : start, end, chars, offsets);
      last = end;
    } else if (n.type === 'break') {
      chars.push('\n');
      offsets.push(start ?? last);
      last = end ?? last;
    } else if ('children' in n) {
      for (const c of n.children as Nodes[]) visit(c);
    }
  };
  visit(node);
  offsets.push(chars.length ? last : (node.position?.start.offset ?? 0));
  return { text: chars.join(''), offsets };
}

/**
 * Maps each character of a node's value onto the source: equal characters advance together; source
 * characters the value lacks (escapes, the `\r` of CRLF, entity text) are skipped. If the value and the
 * source drift apart, the rest maps to the last matched position, which keeps ranges inside the node.
 */
function align(value: string, source: string, start: number, end: number, chars: string[], offsets: number[]): void {
  let s = start;
  for (const ch of value) {
    let t = s;
    while (t < end && source.slice(t, t + ch.length) !== ch && t - s < 12) t++;
    const at = t < end && source.slice(t, t + ch.length) === ch ? t : Math.min(s, end);
    for (let k = 0; k < ch.length; k++) {
      chars.push(ch[k]!);
      offsets.push(at + k);
    }
    s = Math.min(at + ch.length, end);
  }
}

/** The source span of text[from, to). */
export function spanOf(flat: FlatText, from: number, to: number): { start: number; end: number } {
  const start = flat.offsets[from] ?? flat.offsets[flat.offsets.length - 1] ?? 0;
  const endIndex = Math.max(from, to - 1);
  const end = to > from ? (flat.offsets[endIndex] ?? start) + 1 : start;
  return { start, end: Math.max(start, end) };
}
