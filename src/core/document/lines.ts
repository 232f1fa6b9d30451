// Lines as CommonMark and VS Code read them (a break is \r\n, \n or a lone \r), and the line ending a
// document uses, for the text an edit inserts.

import type { Span } from '../types.js';

export const LINE_BREAK = /\r\n|\n|\r/;

export const splitLines = (text: string): string[] => text.split(LINE_BREAK);

/** `\r\n` when the document's first 4 KiB use it, else `\n`. */
export const eolOf = (text: string): string => (/\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n');

/**
 * The text's first line, its break left out: where a finding about the whole document goes when there
 * is no front matter (the engine's frontMatterAnchor and the schema problems agree on it).
 */
export function firstLineSpan(text: string): Span {
  const m = /\r|\n/.exec(text);
  return { start: 0, end: m ? m.index : text.length };
}
