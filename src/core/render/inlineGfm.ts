// Blocks whose only GFM is inline (strikethrough, autolink literals) keep the engine's CommonMark block
// structure, and only the inline content of their paragraphs is parsed by micromark: all such paragraphs
// of a document in one parse, as paragraphs apart. Why: micromark's cost is mostly its block machinery
// (it rewrites every event of the document at each container close, and each parse pays a fixed cost
// before its first character), so a document of 1,700 list items with one struck phrase each took 0.7 s
// as 1,700 small parses.
//
// A paragraph's inline content reads the same wherever the paragraph stands (only link definitions reach
// in from outside: the ones the batch names are written after it). Its source is cut from the document, lines as they are: a
// paragraph drops the white space that opens each line, which is all a list item puts there; in a block
// quote, whose `>` markers it would keep, only a paragraph of one line is taken. Code and HTML blocks keep their text as it is to both parsers. Anything else, or
// a batch that does not come back as one paragraph per piece, goes to micromark whole as before.

import type { Definition, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import { copyTree, eachNode, movePositions } from './eachNode.js';
import { paragraphPieces } from './paragraphCuts.js';
import { isDefinedLabel, labelsIn, writtenDefinitions } from './linkDefinitions.js';
import type { LinkDefinition } from '../document/markdownTree.js';

/** A definition's start: a label (no unescaped bracket inside, line breaks allowed) and a colon. */
const DEFINITION_START = /^ {0,3}\[(?:[^[\]\\]|\\.)*\]:/;

/** Text where GFM reads inline syntax that CommonMark does not. */
const INLINE_GFM = /~|:\/\/|www\.|[\w.+-]@[\w-]+\./gi;

/** A paragraph longer than this is parsed in pieces (paragraphCuts.ts). */
const PIECE_CHARS = 4096;

/** A paragraph, or a piece of a long one. */
interface Piece {
  paragraph: Paragraph;
  start: number;
  end: number;
  line: number;
}

export interface InlineBatch {
  /** The link definitions written after the batch (once it has been parsed), for the tree's end. */
  definitions(): Definition[];
  /**
   * Takes `block` (a top-level block of the engine's tree; `next`: where the next one starts), or undefined
   * when it cannot be taken so.
   */
  add(block: RootContent, next: number): ((copy: RootContent) => RootContent) | undefined;
}

/**
 * `parse` reads GFM; it runs once, on the first block taken, over every piece added by then, followed by
 * the document's link definitions that the pieces name (written back: the engine's parse consumed them).
 */
export function inlineGfmBatch(
  text: string,
  parse: (source: string) => Root,
  definitions: ReadonlyMap<string, LinkDefinition>,
): InlineBatch {
  const pieces: Piece[] = [];
  let parsed: PhrasingContent[][] | null | undefined;
  let written: Definition[] = [];
  const children = (): PhrasingContent[][] | null => {
    if (parsed !== undefined) return parsed;
    // Pieces of the same text are parsed once (a paragraph pasted again and again, or a long paragraph
    // of repeated lines, whose pieces then repeat): each reads the same inline wherever it stands.
    let source = '';
    const unique = new Map<string, number>();
    const at: { offset: number; line: number; uses: number }[] = [];
    let line = 1;
    for (const p of pieces) {
      const piece = text.slice(p.start, p.end);
      const known = unique.get(piece);
      if (known !== undefined) {
        at[known]!.uses++;
        continue;
      }
      unique.set(piece, at.length);
      at.push({ offset: source.length, line, uses: 1 });
      source += piece + '\n\n';
      line += countLines(piece) + 2;
    }
    const named = writtenDefinitions(labelsIn(source), definitions);
    const root = parse(named.length ? `${source}${named.join('\n')}\n` : source);
    const paragraphs = root.children.filter((c) => c.type !== 'definition');
    written = root.children.filter((c) => c.type === 'definition');
    if (paragraphs.length !== at.length || paragraphs.some((c) => c.type !== 'paragraph')) return (parsed = null);
    return (parsed = pieces.map((p) => {
      const u = unique.get(text.slice(p.start, p.end))!;
      // A copy for each use but the last, which takes the parse itself (most texts are used once).
      const own = (paragraphs[u] as Paragraph).children;
      const kids = --at[u]!.uses > 0 ? copyTree(own) : own;
      for (const kid of kids) movePositions(kid, p.start - at[u]!.offset, p.line - at[u]!.line);
      return kids;
    }));
  };

  const isDefined = (label: string): boolean => isDefinedLabel(label, definitions);
  return {
    definitions: () => (parsed ? written : []),
    add(block, next) {
      const start = block.position?.start.offset;
      if (start === undefined) return undefined;
      const mine: [Paragraph, number][] = [];
      const spans: [number, number][] = [];
      const quotes: [number, number][] = [];
      let ok = true;
      eachNode<Node>(block, (node) => {
        const p = node.position;
        if (!ok || !p || p.start.offset === undefined || p.end.offset === undefined) return false;
        if (node.type === 'code' || node.type === 'html') {
          spans.push([p.start.offset, p.end.offset]);
          return false;
        }
        if (node.type === 'blockquote') quotes.push([p.start.offset, p.end.offset]);
        if (node.type !== 'paragraph') return true;
        INLINE_GFM.lastIndex = 0;
        if (!INLINE_GFM.test(text.slice(p.start.offset, p.end.offset))) return false;
        // A paragraph that opens with what looks like a definition: commonmark.js may have kept its lines.
        if (DEFINITION_START.test(text.slice(p.start.offset, p.end.offset))) ok = false;
        // Continuation lines in a list item are prefixed by white space only, which a paragraph drops
        // anyway; in a block quote by `>` markers, which it would not.
        const quoted = quotes.some(([s, e]) => s <= p.start.offset! && p.start.offset! < e);
        if (quoted && p.start.line !== p.end.line) ok = false;
        mine.push([node as Paragraph, p.start.offset]);
        spans.push([p.start.offset, p.end.offset]);
        return false;
      });
      if (!ok) return undefined;
      // Every place GFM reads differently lies in a paragraph taken here, or in code or HTML.
      INLINE_GFM.lastIndex = 0;
      const source = text.slice(start, next);
      for (let m = INLINE_GFM.exec(source); m; m = INLINE_GFM.exec(source)) {
        const from = start + m.index;
        if (!spans.some(([s, e]) => s <= from && from + m![0].length <= e)) return undefined;
      }
      const first = pieces.length;
      for (const [paragraph, offset] of mine) {
        // Each piece's first line, counted on from the last piece's (not from the paragraph's start).
        let line = paragraph.position!.start.line;
        let at = offset;
        for (const [start, end] of paragraphPieces(text, offset, paragraph.position!.end.offset!, PIECE_CHARS, isDefined)) {
          line += countLines(text.slice(at, start));
          at = start;
          pieces.push({ paragraph, start, end, line });
        }
      }
      return (copy) => {
        const all = children();
        if (!all) throw new InlineBatchFailed();
        // The copy's paragraphs are in the same order as the block's.
        let i = first;
        eachNode<Node>(copy, (node) => {
          if (node.type === 'code' || node.type === 'html') return false;
          if (node.type !== 'paragraph') return true;
          const piece = pieces[i];
          if (!piece || node.position?.start.offset !== piece.start) return false;
          // A long paragraph's pieces, joined by the line break each was cut at.
          const kids: PhrasingContent[] = [...all[i]!];
          while (pieces[i + 1]?.paragraph === piece.paragraph) kids.push({ type: 'text', value: '\n' }, ...all[++i]!);
          i++;
          (node as Paragraph).children = kids;
          return false;
        });
        return copy;
      };
    },
  };
}

/** Thrown by a take when the batch did not parse as one paragraph per piece: the caller parses whole. */
export class InlineBatchFailed extends Error {}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
