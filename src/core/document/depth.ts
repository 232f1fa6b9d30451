// Nesting-depth guards, each one linear pass with no recursion. The parsers (yaml's composer, jsonc-parser,
// commonmark.js, micromark) and the rules walk nested input recursively: a document nested a thousand
// levels deep overflowed the stack, and two such lints in one process (the editor, which lints on every
// pause in typing) took V8 down for good. Input deeper than the limit is found here first, so it
// becomes a finding at the place where the limit is crossed.

import { Lexer, type CST } from 'yaml';

// The lexer's tokens that stand for structure, not source text (byte-order mark, document, flow end, scalar).
const LEXER_MARKS = new Set(['\u{FEFF}', '\u0002', '\u0018', '\u001f']);

/**
 * The offset where YAML source nests deeper than `max` within one line, or undefined: flow collections
 * (`[`, `{`) and compact block collections (`- - - x`, `? ? x`), read from yaml's lexer (which knows
 * quotes, comments and block scalars) before its parser builds a tree. The parser recurses into compact
 * collections (a line of 3,000 `- ` overflowed the stack) and builds deep flow trees slowly (260,000 `[`:
 * 1.7 s and 200 MB) before yamlTooDeep could look at the tree. Lexed only when the text could hold such
 * nesting at all (front matter almost never does).
 */
export function yamlTooDeepInLine(source: string, max: number): number | undefined {
  if (!mayNestInLine(source, max)) return undefined;
  let offset = 0;
  let flow = 0;
  let compact = 0;
  for (const token of new Lexer().lex(source)) {
    if (token === '[' || token === '{') {
      if (++flow + compact > max) return offset;
    } else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (token === '-' || token === '?') {
      if (flow + ++compact > max) return offset;
    } else if (token === '\n' || token === '\r\n' || token === '\r') compact = 0;
    if (!LEXER_MARKS.has(token)) offset += token.length;
  }
  return undefined;
}

/** More opening brackets than `max`, or a line with more than `max` `-`/`?` indicators in a row. */
function mayNestInLine(source: string, max: number): boolean {
  let brackets = 0;
  let run = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++brackets > max) return true; // [ {
    } else if ((c === 45 || c === 63) && (source.charCodeAt(i + 1) === 32 || source.charCodeAt(i + 1) === 9)) {
      if (++run > max) return true; // "- " "? "
    } else if (c === 10 || c === 13) run = 0;
  }
  return false;
}

/**
 * The offset of the first YAML collection nested deeper than `max` in a CST, or undefined. The CST
 * comes from yaml's Parser (see parse.ts), which keeps its own stack (no recursion), unlike its composer.
 */
export function yamlTooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > max) return token.offset;
        for (const item of token.items) {
          const it = item as { key?: CST.Token | null; value?: CST.Token };
          if (it.key) stack.push({ token: it.key, depth: depth + 1 });
          if (it.value) stack.push({ token: it.value, depth: depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/**
 * The offset of the first `{` or `[` nested deeper than `max` in JSON (comments allowed), or undefined.
 * Strings and comments are skipped; malformed input is left to the parser to report.
 */
export function jsonTooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // "…": skip to the closing quote (backslash escapes).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

export interface MarkdownDepthGuard {
  /** The text with every line that nests deeper than the limit blanked (line breaks kept: offsets stay valid). */
  text: string;
  /** Where the limit was first crossed: the first blanked line. */
  crossed?: { start: number; end: number };
}

/**
 * Markdown containers (list items, block quotes) nest by their line prefixes: a `>`, a list marker
 * (`-`, `+`, `*`, `1.`, `1)`) followed by a space, or two columns of indentation each open at most one
 * level. A line that opens a container and whose prefix could open more than `max` levels is blanked,
 * so no parser or rule ever sees the deeper part. The estimate never undercounts, so nothing deeper
 * slips through: a line without a marker opens nothing, it can only continue containers that lines
 * before it opened.
 */
export function guardMarkdownDepth(text: string, max: number): MarkdownDepthGuard {
  let blanks: { start: number; end: number }[] | undefined;
  const n = text.length;
  const crs = text.includes('\r');
  let lineStart = 0;
  while (lineStart < n) {
    let i = lineStart;
    let levels = 0;
    let columns = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4;
      else if (c === 62)
        levels++; // '>'
      else if ((c === 45 || c === 43 || c === 42) && isGap(text.charCodeAt(i + 1)))
        levels++; // - + *
      else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && isGap(text.charCodeAt(j + 1))) {
          levels++;
          i = j;
        } else break;
      } else break;
      i++;
      if (levels > 0 && levels + (columns >> 1) > max) break;
    }
    let lineEnd = i;
    if (crs) while (lineEnd < n && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    else {
      const nl = text.indexOf('\n', i);
      lineEnd = nl < 0 ? n : nl;
    }
    // Indentation alone nests nothing: only a line that opens a list item or block quote can be too deep
    // (a blank line or long indented text is not; the front matter, blanked to spaces, is such text).
    if (levels > 0 && levels + (columns >> 1) > max) (blanks ??= []).push({ start: lineStart, end: lineEnd });
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  if (!blanks) return { text };
  let out = '';
  let from = 0;
  for (const b of blanks) {
    out += text.slice(from, b.start) + ' '.repeat(b.end - b.start);
    from = b.end;
  }
  out += text.slice(from);
  return { text: out, crossed: blanks[0] };
}

/** A space, a tab or the end of the line after a marker. */
function isGap(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

interface TreeNode {
  children?: unknown[];
}

/**
 * Drops the children of every node `max` levels down (one loop, no recursion), so the recursive tree
 * walkers after it (unist-util-visit, to-hast, to-html, the rules) cannot overflow. Returns the first
 * node it cut below (in document order), if any. Lists nested to the markdownDepth limit are far
 * shallower than this.
 */
export function pruneDeep<T extends TreeNode>(root: T, max: number): TreeNode | undefined {
  const stack: [TreeNode, number][] = [[root, 0]];
  let cut: TreeNode | undefined;
  while (stack.length) {
    const [node, d] = stack.pop()!;
    const kids = node.children;
    if (!Array.isArray(kids) || !kids.length) continue;
    if (d >= max) {
      node.children = [];
      cut ??= node;
      continue;
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as TreeNode, d + 1]);
  }
  return cut;
}

/** How deep a tree may be for a body within the markdownDepth limit (a list level is two or three nodes). */
export const treeDepthFor = (markdownDepth: number): number => 3 * markdownDepth + 100;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Whether raw HTML pieces, read in order, open elements more than `max` deep (hast-util-raw's parser recurses). */
export function htmlTooDeep(pieces: readonly string[], max: number): boolean {
  let open = 0;
  const tag = /<(\/?)([A-Za-z][\w-]*)[^<>]*?(\/?)>/g;
  for (const piece of pieces) {
    for (const m of piece.matchAll(tag)) {
      if (m[1]) open = Math.max(0, open - 1);
      else if (!m[3] && !VOID_ELEMENTS.has(m[2]!.toLowerCase())) open++;
      if (open > max) return true;
    }
  }
  return false;
}
