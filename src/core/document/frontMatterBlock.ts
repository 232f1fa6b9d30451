// Finds the front-matter block at the top of a document, whatever its language, without parsing it.
// We locate it ourselves (not through remark-frontmatter) because we must also see the blocks we refuse
// (`---js`, TOML `+++`) and handle a BOM, CRLF, a `...` closing fence and an unclosed fence the same way
// everywhere; the body parser then gets the text with this block blanked out.

import type { Span } from '../types.js';

export interface FrontMatterBlock extends Span {
  /** `yaml` for a plain `---` fence; the word after `---` otherwise (`js`, `json`…); `toml` for `+++`. */
  language: string;
  openFence: Span;
  /** Undefined when the block is never closed (then `end` is the end of the text). */
  closeFence?: Span;
  /** The text between the fences. */
  content: Span;
}

const OPEN = /^(---|\+\+\+)[ \t]*([A-Za-z][\w-]*)?[ \t]*(?:\r\n|\n|\r|$)/;

export function findFrontMatterBlock(text: string): FrontMatterBlock | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = OPEN.exec(text.slice(start, start + 200));
  if (!open) return undefined;
  const fence = open[1]!;
  const language = fence === '+++' ? (open[2] ?? 'toml').toLowerCase() : (open[2] ?? 'yaml').toLowerCase();
  const fenceText = fence + (open[2] ?? '');
  const openFence = { start, end: start + open[0].replace(/[\r\n]+$/, '').length };
  const contentStart = start + open[0].length;
  // A line holding only the fence (or `...` for YAML) closes the block.
  const closers = fence === '+++' ? ['+++'] : ['---', '...'];
  let lineStart = contentStart;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const line = text.slice(lineStart, lineEnd).trimEnd();
    const next = lineEnd + lineBreakLength(text, lineEnd);
    if (closers.includes(line)) {
      return {
        start,
        end: next,
        language,
        openFence,
        closeFence: { start: lineStart, end: lineStart + line.length },
        content: { start: contentStart, end: lineStart },
      };
    }
    if (next === lineStart) break;
    lineStart = next;
  }
  // Unclosed: only a front matter if the opener was explicit about it (a bare `---` alone may be a
  // thematic break in a plain Markdown file).
  if (fenceText === '---' && !/^---[ \t]*(\r\n|\n|\r)[ \t]*[\w$"'-][^\n]*:/.test(text.slice(start, start + 300))) return undefined;
  return { start, end: text.length, language, openFence, content: { start: contentStart, end: text.length } };
}

function lineBreakLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 13) return text.charCodeAt(at + 1) === 10 ? 2 : 1;
  return c === 10 ? 1 : 0;
}

/** The text with the block's characters (and a BOM) replaced by spaces, line breaks kept, so offsets stay valid. */
export function blankOut(text: string, block: FrontMatterBlock | undefined): string {
  const bom = text.charCodeAt(0) === 0xfeff;
  if (!block && !bom) return text;
  const end = block ? block.end : 1;
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
