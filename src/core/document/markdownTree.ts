// The Markdown body as an mdast tree for the lint rules, parsed by commonmark.js (the CommonMark
// reference parser). Why not micromark, which the preview uses: on product docs it measured about ten
// times slower, and the rules only need CommonMark blocks plus task-list items, not GFM tables.
//
// commonmark.js reports source positions for blocks only (line/column of the first and last
// character). This module turns them into mdast positions (with offsets) and gives inline nodes
// positions by walking the source alongside them, so rules can report exact ranges. Link reference
// definitions are consumed by the parser and do not appear in the tree.

import { Parser, type Node as CmNode } from 'commonmark';
import type { Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { LineIndex } from './lineIndex.js';

/**
 * `maxDepth`: containers (blocks and inlines) nested deeper lose their children before the tree is
 * built (the builder and the rules recurse); `cut` then receives the offset of the line where that happened.
 */
export function parseMarkdownTree(source: string, maxDepth = Infinity, cut?: { offset?: number }, lines?: LineIndex): Root {
  const text = shieldHeadingSpaceRuns(source);
  // `lines`: the caller's index of a text with the same line breaks (the document, its front matter blanked).
  const index = lines ?? new LineIndex(text);
  // A parser per parse: one kept between parses keeps the last document's whole tree alive with it (its
  // `doc` and `tip`: 18 MB of nodes for a 160 KB document of deep block quotes, until the next parse).
  const parser = new Parser();
  const doc = parser.parse(text);
  const cutBlocks = new Set<number>();
  if (maxDepth !== Infinity) {
    const at = cutDeep(doc, maxDepth, cutBlocks);
    if (at !== undefined && cut) cut.offset = index.offsetAt({ line: at, column: 1 });
  }
  const root = new TreeBuilder(text, index).root(doc);
  // Kept as commonmark.js left it: only the preview asks, so the map is made then.
  definitionMaps.set(root, (parser as unknown as { refmap: Record<string, LinkDefinition> }).refmap);
  cutBlockLines.set(root, cutBlocks);
  return root;
}

const cutBlockLines = new WeakMap<Root, ReadonlySet<number>>();

/**
 * The first lines of the top-level blocks of `root` that lost nodes to the depth limit (the others are
 * whole); undefined for a tree this module did not build.
 */
export function cutBlocksOf(root: Root): ReadonlySet<number> | undefined {
  return cutBlockLines.get(root);
}

/** A link reference definition as commonmark.js keeps it: destination normalised, title unescaped. */
export interface LinkDefinition {
  destination: string;
  title: string;
}

const definitionMaps = new WeakMap<Root, Record<string, LinkDefinition> | ReadonlyMap<string, LinkDefinition>>();

/**
 * The link reference definitions the parse of `root` consumed (they are not in the tree), by label as
 * commonmark.js normalises it (trimmed, white space collapsed, case folded to upper case); undefined for a
 * tree this module did not build.
 */
export function linkDefinitions(root: Root): ReadonlyMap<string, LinkDefinition> | undefined {
  const kept = definitionMaps.get(root);
  if (kept === undefined || kept instanceof Map) return kept as ReadonlyMap<string, LinkDefinition> | undefined;
  const map = new Map(Object.entries(kept));
  definitionMaps.set(root, map);
  return map;
}

/** Runs of spaces and tabs longer than this in an ATX heading line are shielded (below). */
const LONG_SPACE_RUN = 64;
const HAS_LONG_SPACE_RUN = new RegExp(`[ \\t]{${LONG_SPACE_RUN + 1}}`);
const LONG_SPACE_RUNS = new RegExp(`[ \\t]{${LONG_SPACE_RUN + 1},}`, 'g');
const ATX_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * commonmark.js looks for an ATX heading's closing `#`s with `/[ \t]+#+[ \t]*$/`, which retries at every
 * character of a run of spaces that is not followed by `#`s: quadratic in the run (a heading line with
 * 40,000 spaces took 2.8 s). In such a line, each run longer than LONG_SPACE_RUN is read as no-break
 * spaces but for its last character: the same length, so every offset stays; the heading's words and
 * its closing sequence are read as before, and its text holds no-break spaces where the run was (which
 * normalizeHeading reads as white space).
 */
function shieldHeadingSpaceRuns(text: string): string {
  if (!HAS_LONG_SPACE_RUN.test(text)) return text;
  let out = '';
  let at = 0;
  for (const line of text.split('\n')) {
    out += ATX_LINE.test(line) ? line.replace(LONG_SPACE_RUNS, (run) => '\u00a0'.repeat(run.length - 1) + run.at(-1)) : line;
    out += at + line.length < text.length ? '\n' : '';
    at += line.length + 1;
  }
  return out;
}

/**
 * commonmark.js's walker keeps no stack of its own (parent links): cutting here cannot overflow. The
 * 1-based line of the first cut; `blocks` receives the first line of each top-level block cut.
 */
function cutDeep(doc: CmNode, maxDepth: number, blocks: Set<number>): number | undefined {
  const walker = doc.walker();
  let depth = 0;
  let line: number | undefined;
  for (let event = walker.next(); event; event = walker.next()) {
    const { node, entering } = event;
    if (!node.isContainer) continue;
    if (!entering) {
      depth--;
      continue;
    }
    if (++depth <= maxDepth || !node.firstChild) continue;
    if (line === undefined) {
      let block: CmNode | null = node;
      while (block && !block.sourcepos) block = block.parent;
      line = block?.sourcepos?.[0]?.[0] ?? 1;
    }
    let top: CmNode = node;
    while (top.parent && top.parent !== doc) top = top.parent;
    blocks.add(top.sourcepos?.[0]?.[0] ?? 1);
    const raw = node as unknown as { _firstChild: CmNode | null; _lastChild: CmNode | null };
    raw._firstChild = raw._lastChild = null;
    walker.resumeAt(node, false);
  }
  return line;
}

// `[ ]`, `[x]` or `[X]`, then whitespace and something on the same line, or a line ending (the paragraph
// goes on below), as GFM's task list items.
const TASK_BOX = /^\[([ xX])\](?:[ \t]+[^ \t\r\n]|[ \t]*(?:\r\n|\r|\n))/;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
const DEFINITION_LINE = /^\[[^\]]+\]:\s*\S+(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13; // space, tab, LF, CR
const isInlineSpace = (c: number): boolean => c === 32 || c === 9;

class TreeBuilder {
  /** Lines end at \r\n, \n or \r, as commonmark.js splits them. */
  private readonly lines: LineIndex;
  private readonly points = new Map<number, Point>();
  private cursor = 0;

  constructor(
    private readonly src: string,
    lines: LineIndex,
  ) {
    this.lines = lines;
  }

  root(doc: CmNode): Root {
    return { type: 'root', children: this.blocks(doc) as RootContent[], position: this.position(0, this.src.length) };
  }

  // ---- blocks ----

  private blocks(parent: CmNode): RootContent[] {
    const out: RootContent[] = [];
    for (let n = parent.firstChild; n; n = n.next) {
      const node = this.block(n);
      if (node) out.push(node);
    }
    return out;
  }

  private block(n: CmNode): RootContent | undefined {
    const [start, end] = this.blockSpan(n, n.type === 'code_block', n.type !== 'block_quote');
    const position = this.position(start, end);
    switch (n.type) {
      case 'paragraph':
        return { type: 'paragraph', children: this.inlines(n, this.afterDefinitions(start, end), end), position };
      case 'heading':
        return {
          type: 'heading',
          depth: clampDepth(n.level),
          children: this.inlines(n, this.afterDefinitions(this.headingTextStart(start, end), end), end),
          position,
        };
      case 'block_quote':
        return { type: 'blockquote', children: this.blocks(n) as never, position };
      case 'list': {
        const ordered = n.listType === 'ordered';
        const tight = n.listTight;
        const items = this.blocks(n).map((item) => ({ ...(item as object), spread: !tight }));
        return { type: 'list', ordered, start: ordered ? n.listStart : null, spread: !tight, children: items as never, position };
      }
      case 'item':
        return this.listItem(n, position);
      case 'code_block': {
        if (!(n as CmNode & { isFenced?: boolean }).isFenced) position.start = this.point(this.indentStart(start));
        const info = (n.info ?? '').trim();
        const space = info.search(/\s/);
        return {
          type: 'code',
          lang: info ? (space < 0 ? info : info.slice(0, space)) : null,
          meta: info && space >= 0 ? info.slice(space).trim() || null : null,
          value: (n.literal ?? '').replace(/\n$/, ''),
          position,
        };
      }
      case 'html_block':
        return { type: 'html', value: (n.literal ?? '').replace(/\n$/, ''), position };
      case 'thematic_break':
        return { type: 'thematicBreak', position };
      default:
        return undefined; // custom blocks never come out of the stock parser
    }
  }

  /** A list item; `- [ ] …` / `- [x] …` become task items as GFM reads them (the box leaves the text). */
  private listItem(n: CmNode, position: Position): RootContent {
    const children = this.blocks(n);
    let checked: boolean | null = null;
    const first = children[0];
    const head = first?.type === 'paragraph' ? first.children[0] : undefined;
    const at = first?.position?.start.offset ?? 0;
    const box = head?.type === 'text' && head.value.length >= 3 ? TASK_BOX.exec(this.src.slice(at, at + 80)) : null;
    // `[x]` then a hard line break: the box is the whole first text node, the break stays (as in GFM).
    if (first?.type === 'paragraph' && head?.type === 'text' && box && head.value.length === 3 && first.children[1]?.type === 'break') {
      checked = box[1] !== ' ';
      first.children.shift();
    } else if (first?.type === 'paragraph' && head?.type === 'text' && box && head.value.length >= 4 && head.position) {
      checked = box[1] !== ' ';
      head.value = head.value.slice(4);
      // The box and one whitespace character leave the text; with the text on the next line, up to its line ending.
      const lineEnd = /[\r\n]$/.test(box[0]);
      const start = head.position.start.offset! + (lineEnd ? box[0].length : 4);
      head.position.start = this.point(start);
      // As GFM's reader: the paragraph starts after the box unless nothing but the box's space was text.
      if (head.value) first.position!.start = this.point(start);
      else first.children.shift();
    }
    return { type: 'listItem', spread: false, checked, children: children as never, position };
  }

  /**
   * Offsets of a block, as micromark reports them: from its first character (after indentation and,
   * except for a block quote itself, the `>` of enclosing quotes) to the end of its last line, trailing
   * spaces included except for code.
   */
  private blockSpan(n: CmNode, trimSpaces: boolean, skipQuoteMarks: boolean): [number, number] {
    const [[sl, sc], [el, ec]] = n.sourcepos;
    let start = this.offsetOf(sl, sc - 1);
    let end = this.offsetOf(el, ec);
    const src = this.src;
    while (start < end && (isInlineSpace(src.charCodeAt(start)) || (skipQuoteMarks && src.charCodeAt(start) === 62))) start++;
    // After removed link definitions the reported column can be the definition's, not this line's.
    if (n.type === 'paragraph' && start > 0 && !/[\s>\-+*.)\d]/.test(src.charAt(start - 1))) {
      let ls = start;
      while (ls > 0 && src.charCodeAt(ls - 1) !== 10 && src.charCodeAt(ls - 1) !== 13) ls--;
      while (ls < start && (isInlineSpace(src.charCodeAt(ls)) || src.charCodeAt(ls) === 62)) ls++;
      start = ls;
    }
    let e = end;
    while (e > start && isInlineSpace(src.charCodeAt(e - 1))) e--;
    if (e > start && (src.charCodeAt(e - 1) === 10 || src.charCodeAt(e - 1) === 13)) {
      while (e > start && isBlank(src.charCodeAt(e - 1))) e--; // the span ended on a blank line
      end = e;
    } else if (trimSpaces) end = e;
    return [start, end];
  }

  /** Link reference definitions are gone from the tree; a setext heading's span still starts at them. */
  private afterDefinitions(start: number, end: number): number {
    const src = this.src;
    let at = start;
    while (at < end && src.charCodeAt(at) === 91) {
      const eol = src.slice(at, end).search(/\r|\n/);
      if (eol < 0 || !DEFINITION_LINE.test(src.slice(at, at + eol))) break;
      at += eol;
      while (at < end && (isBlank(src.charCodeAt(at)) || src.charCodeAt(at) === 62)) at++;
    }
    return at;
  }

  /** Where the text of an ATX heading starts (after `#`s and spaces); a setext heading starts with it. */
  private headingTextStart(start: number, end: number): number {
    let i = start;
    if (this.src.charCodeAt(i) !== 35) return start; // '#'
    while (i < end && this.src.charCodeAt(i) === 35) i++;
    while (i < end && isInlineSpace(this.src.charCodeAt(i))) i++;
    return i;
  }

  // ---- inlines: positions found by walking the source alongside the parsed nodes ----

  private inlines(parent: CmNode, start: number, end: number): PhrasingContent[] {
    this.cursor = start;
    return this.phrasing(parent, end);
  }

  private phrasing(parent: CmNode, limit: number): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    for (let n = parent.firstChild; n; n = n.next) {
      const node = this.inline(n, limit);
      if (!node || (node.type === 'text' && node.value === '')) continue;
      const last = out[out.length - 1];
      // mdast keeps one text node across soft line breaks and split brackets; so do we.
      if (node.type === 'text' && last?.type === 'text') {
        last.value += node.value;
        last.position!.end = node.position!.end;
      } else out.push(node);
    }
    return out;
  }

  private inline(n: CmNode, limit: number): PhrasingContent | undefined {
    const src = this.src;
    switch (n.type) {
      case 'text':
        return this.text(n.literal ?? '', limit);
      case 'softbreak': {
        const start = this.cursor;
        this.cursor = this.afterLineEnd(limit);
        return { type: 'text', value: '\n', position: this.position(start, this.lineEndBefore(this.cursor)) };
      }
      case 'linebreak': {
        const start = this.cursor;
        this.cursor = this.afterLineEnd(limit);
        return { type: 'break', position: this.position(start, this.lineEndBefore(this.cursor)) };
      }
      case 'emph':
      case 'strong': {
        const width = n.type === 'emph' ? 1 : 2;
        const start = this.skipTo(limit, (c) => c === 42 || c === 95); // '*' or '_'
        this.cursor = Math.min(start + width, limit);
        const children = this.phrasing(n, limit);
        this.cursor = Math.min(this.skipTo(limit, (c) => c === 42 || c === 95) + width, limit);
        return {
          type: n.type === 'emph' ? 'emphasis' : 'strong',
          children,
          position: this.position(start, this.cursor),
        } as PhrasingContent;
      }
      case 'code': {
        const start = this.skipTo(limit, (c) => c === 96); // '`'
        let i = start;
        while (i < limit && src.charCodeAt(i) === 96) i++;
        const fence = src.slice(start, i);
        let close = src.indexOf(fence, i);
        // The closing run must be exactly as long as the opening one.
        while (close >= 0 && close < limit && src.charCodeAt(close + fence.length) === 96) {
          let j = close;
          while (src.charCodeAt(j) === 96) j++;
          close = src.indexOf(fence, j);
        }
        this.cursor = close >= 0 && close < limit ? close + fence.length : limit;
        return { type: 'inlineCode', value: n.literal ?? '', position: this.position(start, this.cursor) };
      }
      case 'html_inline': {
        const value = n.literal ?? '';
        const found = src.indexOf(value, this.cursor);
        const start = found >= 0 && found < limit ? found : this.cursor;
        this.cursor = Math.min(start + value.length, limit);
        return { type: 'html', value, position: this.position(start, this.cursor) };
      }
      case 'link':
      case 'image':
        return this.linkOrImage(n, limit);
      default:
        return undefined;
    }
  }

  private linkOrImage(n: CmNode, limit: number): PhrasingContent {
    const src = this.src;
    const start = this.skipTo(limit, (c) => c === 91 || c === 60 || c === 33); // '[', '<', '!'
    const url = n.destination ?? '';
    const title = n.title || null;
    if (src.charCodeAt(start) === 60) {
      // Autolink <https://…>: the text is the address.
      this.cursor = start + 1;
      const children = this.phrasing(n, limit);
      const close = src.indexOf('>', this.cursor);
      this.cursor = close >= 0 && close < limit ? close + 1 : limit;
      return { type: 'link', url, title, children: children as never, position: this.position(start, this.cursor) };
    }
    this.cursor = Math.min(start + (n.type === 'image' ? 2 : 1), limit);
    const children = this.phrasing(n, limit);
    this.cursor = this.afterLinkTail(limit);
    const position = this.position(start, this.cursor);
    if (n.type === 'image') return { type: 'image', url, title, alt: children.map(plainText).join(''), position };
    return { type: 'link', url, title, children: children as never, position };
  }

  /** After a link's text: skip `]` and then `(destination "title")` or `[label]`, whichever follows. */
  private afterLinkTail(limit: number): number {
    const src = this.src;
    let i = this.cursor;
    while (i < limit && src.charCodeAt(i) !== 93) i++; // ']'
    if (i >= limit) return limit;
    i++;
    if (src.charCodeAt(i) === 40) {
      // '(': balanced parentheses, skipping escapes, <…> destinations and quoted titles.
      let depth = 0;
      let quote = 0;
      for (; i < limit; i++) {
        const c = src.charCodeAt(i);
        if (c === 92) {
          i++;
          continue;
        } // backslash escape
        if (quote) {
          if (c === quote) quote = 0;
          continue;
        }
        if (c === 34 || c === 39) {
          if (isBlank(src.charCodeAt(i - 1))) quote = c;
          continue;
        }
        if (c === 40) depth++;
        else if (c === 41 && --depth === 0) return i + 1;
      }
      return limit;
    }
    if (src.charCodeAt(i) === 91) {
      const close = src.indexOf(']', i);
      return close >= 0 && close < limit ? close + 1 : limit;
    }
    return i;
  }

  /**
   * A text node: each character of the parsed value is found in the source in order; characters the
   * value lacks (escapes, entities, line prefixes such as `> ` or indentation) are stepped over.
   */
  private text(value: string, limit: number): Text {
    const src = this.src;
    const begin = this.cursor;
    // Usually the value is written exactly as parsed, right at the cursor (a `\\` or `&` in it may be an
    // escape or an entity in the source, which the walk below handles).
    if (begin + value.length <= limit && value.indexOf('\\') < 0 && value.indexOf('&') < 0 && src.startsWith(value, begin)) {
      this.cursor = begin + value.length;
      return { type: 'text', value, position: this.position(begin, this.cursor) };
    }
    let at = begin;
    let first = -1;
    for (let k = 0; k < value.length; k++) {
      const ch = value.charCodeAt(k);
      let t = at;
      const window = Math.min(limit, at + (k === 0 ? 64 : 16));
      let width = 1;
      for (; t < window; t++) {
        const c = src.charCodeAt(t);
        // A backslash escape `\*` stands for the one character after it.
        if (c === 92 && t + 1 < limit && isAsciiPunctuation(src.charCodeAt(t + 1))) {
          if (src.charCodeAt(t + 1) === ch) {
            width = 2;
            break;
          }
          t++;
          continue;
        }
        // An entity (`&amp;`, `&#35;`) stands for the character it decodes to.
        if (c === 38) {
          const entity = ENTITY.exec(src.slice(t, t + 40));
          if (entity && (ch !== 38 || entity[1] === 'amp')) {
            width = entity[0].length;
            break;
          }
        }
        if (c === ch) break;
      }
      if (t < window) {
        if (first < 0) first = t;
        at = t + width;
      }
    }
    // An escape or entity at the start belongs to the node; line prefixes before it do not.
    let start = first < 0 ? begin : first;
    for (let i = begin; i < start; i++) {
      const c = src.charCodeAt(i);
      if (!isBlank(c) && c !== 62) {
        start = begin;
        break;
      } // '>'
    }
    this.cursor = Math.max(at, start);
    return { type: 'text', value, position: this.position(start, this.cursor) };
  }

  /** The first offset from the cursor whose character passes `test` (the cursor itself if none does soon). */
  private skipTo(limit: number, test: (c: number) => boolean): number {
    const window = Math.min(limit, this.cursor + 64);
    for (let i = this.cursor; i < window; i++) if (test(this.src.charCodeAt(i))) return i;
    return this.cursor;
  }

  /** Where the four columns of an indented code block's indentation start (they belong to the block). */
  private indentStart(start: number): number {
    let i = start;
    while (i > 0 && start - i < 4 && this.src.charCodeAt(i - 1) === 32) i--;
    if (i === start && this.src.charCodeAt(i - 1) === 9) i--;
    return i;
  }

  /** `offset` moved back over the indentation after a line ending (to just after the line ending). */
  private lineEndBefore(offset: number): number {
    let i = offset;
    while (i > 0 && (isInlineSpace(this.src.charCodeAt(i - 1)) || this.src.charCodeAt(i - 1) === 62)) i--;
    return i;
  }

  /** Just past the next line ending (and the next line's indentation and `>` markers). */
  private afterLineEnd(limit: number): number {
    const src = this.src;
    let i = this.cursor;
    while (i < limit && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++;
    if (src.charCodeAt(i) === 13 && src.charCodeAt(i + 1) === 10) i++;
    i = Math.min(i + 1, limit);
    while (i < limit && (isInlineSpace(src.charCodeAt(i)) || src.charCodeAt(i) === 62)) i++;
    return i;
  }

  // ---- positions ----

  private offsetOf(line: number, column0: number): number {
    return Math.min(this.src.length, this.lines.lineStart(line) + Math.max(0, column0));
  }

  /**
   * One point object per offset, shared by the nodes that start or end there (nested lists and quotes
   * start together and end together): a document of deep containers holds several times fewer (points
   * are never changed in place; code that moves positions makes new ones).
   */
  private point(offset: number): Point {
    let point = this.points.get(offset);
    if (!point) {
      const { line, column } = this.lines.pointAt(offset);
      this.points.set(offset, (point = { line, column, offset }));
    }
    return point;
  }

  private position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function clampDepth(level: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, level)) as 1 | 2 | 3 | 4 | 5 | 6;
}

function plainText(node: Nodes): string {
  if (node.type === 'image') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  return 'children' in node ? (node as Parent).children.map((c) => plainText(c as Nodes)).join('') : '';
}
