// A lint result → the preview's HTML: header card, findings summary and body. Pure (no editor, no
// Node): the panel calls it in the extension host, tests call it directly.
//
// Body: the engine's text with the front matter blanked (so lines match the linted text) → GFM mdast
// (big tables parsed in pieces, see gfmParse.ts) → hast (mdast-util-to-hast) with raw HTML parsed (hast-util-raw) → sanitised (hast-util-sanitize)
// with a narrowed GitHub schema → our own additions (heading anchors, image policy, placeholders for
// missing sections) → HTML.

import { guardMarkdownDepth, htmlTooDeep, pruneDeep, treeDepthFor } from '../document/depth.js';
import { limits } from '../limits.js';
import type { Element, Root, RootContent } from 'hast';
import type { Nodes, Root as MdRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { raw } from 'hast-util-raw';
import { VFile } from 'vfile';
import { sanitize } from 'hast-util-sanitize';
import type { LintResult } from '../engine.js';
import { blankOut } from '../document/frontMatterBlock.js';
import { trimEndWhere, trimStartWhere } from '../document/trim.js';
import { outline } from '../document/sections.js';
import { cutBlocksOf } from '../document/markdownTree.js';
import { parseGfm, type TableGuard } from './gfmParse.js';
import { gfmSkippedFrom } from './gfmChunks.js';
import { sanitizeSchema } from './sanitizeSchema.js';
import { decorateHeadings, textOf, type RenderedHeading } from './headings.js';
import { applyImagePolicy } from './images.js';
import { insertPlaceholders, missingSections } from './missingSections.js';
import { headerCard } from './headerCard.js';
import type { ReferenceContext } from './references.js';
import { findingsSummary } from './findingsSummary.js';
import { h, toHtml } from './hast.js';
import { eachNode } from './eachNode.js';
import { linearHandlers } from './linearHandlers.js';
import { fastBlockHtml } from './fastHtml.js';

export interface RenderOptions {
  allowRemoteImages: boolean;
  /** Maps a relative image path to a URL the page may load, or undefined to block it. */
  resolveImage?: (src: string) => string | undefined;
  /**
   * The document's workspace index (and config), to make reference chips open what they name and mark
   * the ones that name nothing. Without it the chips are plain text.
   */
  references?: ReferenceContext;
  /** For tests: where the big-table guard starts. */
  tableGuard?: TableGuard;
}

export interface RenderedDocument {
  /** The three parts below, each in its container: the whole page content. */
  html: string;
  card: string;
  findings: string;
  body: string;
  headings: RenderedHeading[];
  /** The document's title (front matter, else its first H1) for the panel's tab. */
  title?: string;
}

/**
 * mdast → sanitised hast, the three steps called directly (the list and table handlers passed in).
 * clobberPrefix '': the sanitiser prefixes every id once (footnote ids would get it twice otherwise). Raw
 * HTML is parsed only when asked.
 */
function toSafeHast(mdast: MdRoot, parseHtml: boolean): Root {
  let tree = toHast(mdast, { allowDangerousHtml: parseHtml, clobberPrefix: '', handlers: linearHandlers }) as Root;
  // A file, even empty, makes the HTML parser keep the nodes' positions (headings' lines are read from them).
  if (parseHtml) tree = raw(tree, { file: new VFile() }) as Root;
  return sanitize(tree, sanitizeSchema) as Root;
}

export function renderDocument(result: LintResult, options: RenderOptions): RenderedDocument {
  const doc = result.doc;
  // Lines nested past the markdownDepth limit are blanked here too (micromark and the HTML tree recurse).
  const text = guardMarkdownDepth(blankOut(doc.text, doc.frontMatter?.block), limits().markdownDepth).text;
  const mdast = parseGfm(
    text,
    () => doc.root,
    (offset) => doc.lines.pointAt(offset),
    options.tableGuard,
    // The engine's tree stands for plain runs only where whole: not cut for depth (its blocks that were
    // are known, or else none is used); lines blanked for depth are blanked in `text` too.
    !doc.rootCut || cutBlocksOf(doc.root) !== undefined,
  );
  const skipped = gfmSkippedFrom(mdast);
  // Nesting the line guard cannot see (emphasis, links, inline HTML) is cut before the recursive steps.
  pruneDeep(mdast, treeDepthFor(limits().markdownDepth));
  const { sectionDepth } = outline(mdast, text.length, result.docType?.sectionLevel);
  const pieces = dropInnerPositions(mdast);
  // HTML comments alone (`<!-- pmdocs-disable -->`) need no HTML parser: the sanitiser drops comments,
  // and without the parser to-hast leaves raw nodes out. One comment cost a quarter of a big render.
  const parseHtml = pieces.length > 0 && !pieces.every(isComment) && !htmlTooDeep(pieces, limits().markdownDepth);
  // Blocks of prose are written straight to HTML (fastHtml.ts), unless raw HTML is parsed: it can span blocks.
  const written = parseHtml ? [] : writeProse(mdast);
  const tree = toSafeHast(mdast, parseHtml);
  if (written.length) placeWritten(tree, written);
  const headings = decorateHeadings(tree);
  applyImagePolicy(tree, options);
  insertPlaceholders(tree, missingSections(result), sectionDepth);
  if (skipped !== undefined) tree.children.unshift(gfmLimitNote(doc.lines.pointAt(skipped).line));
  const body = toHtml(tree, true);

  const cardNode = headerCard(result, options.references);
  const card = cardNode ? toHtml([cardNode]) : '';
  const findings = toHtml([findingsSummary(result.findings, !!result.docType)]);
  const html =
    `<div id="pmdocs-card">${card}</div>` +
    `<div id="pmdocs-findings">${findings}</div>` +
    `<article id="pmdocs-body" class="pmdocs-body">${body}</article>`;
  return { html, card, findings, body, headings, title: titleOf(result, tree) };
}

/**
 * Readies the tree for the HTML steps and returns its raw HTML pieces, in order (one walk). The HTML steps
 * copy every node's position twice (to hast, then sanitised): three objects a node each time, a third of
 * the render's memory for a document of many small nodes (160 KB of block quotes nested 58 deep: 86,000
 * nodes). Only the top-level blocks (where placeholders go) and headings (their lines) are read after
 * this: the other positions are dropped (blocks taken from the engine's tree come without them).
 */
function dropInnerPositions(tree: MdRoot): string[] {
  const pieces: string[] = [];
  for (const block of tree.children)
    eachNode<Nodes>(block, (node) => {
      if (node !== block && node.type !== 'heading' && node.position) delete node.position;
      if (node.type === 'html') pieces.push(node.value);
    });
  return pieces;
}

interface Written {
  html: string;
  position: NonNullable<MdRoot['position']>;
}

/** Takes the top-level blocks of prose out of the tree, written as HTML. */
function writeProse(tree: MdRoot): Written[] {
  const out: Written[] = [];
  tree.children = tree.children.filter((block) => {
    const html = block.position ? fastBlockHtml(block) : undefined;
    if (html === undefined) return true;
    out.push({ html, position: block.position! });
    return false;
  });
  return out;
}

/**
 * Puts the written blocks back among the HTML tree's top-level elements, in document order: without raw
 * HTML that tree is its blocks with a line break between each (and the footnotes, which have no
 * position, last). Each goes in as a `raw` node: trusted HTML, written escaped, after the sanitiser.
 */
function placeWritten(tree: Root, written: Written[]): void {
  const elements = tree.children.filter((c) => c.type !== 'text' || c.value !== '\n');
  const blocks: RootContent[] = [];
  let w = 0;
  // By line and column: not every block's position carries an offset (tables built from their lines).
  const before = (a: Written['position']['start'], b: Written['position']['start'] | undefined) =>
    !b || a.line < b.line || (a.line === b.line && a.column < b.column);
  for (const element of elements) {
    while (w < written.length && before(written[w]!.position.start, element.position?.start)) blocks.push(rawBlock(written[w++]!));
    blocks.push(element);
  }
  while (w < written.length) blocks.push(rawBlock(written[w++]!));
  tree.children = blocks.flatMap((b, i) => (i ? [{ type: 'text', value: '\n' } as const, b] : [b]));
}

const rawBlock = (w: Written): RootContent => ({ type: 'raw', value: w.html, position: w.position }) as unknown as RootContent;

/** Says where the preview stopped reading GFM's extras, and the setting that moves that place. */
function gfmLimitNote(line: number): Element {
  return h(
    'p',
    { className: ['pmdocs-limit-note'], dataLine: line },
    `This document is long: from line ${line} on, blocks that only GFM reads (tables in lists or quotes, strikethrough, bare links, footnotes) are shown as plain Markdown. ` +
      `The preview reads up to ${limits().previewGfmChars} characters so; the user setting pmdocs.limits.previewGfmChars raises it.`,
  );
}

/**
 * Whether a raw HTML piece is one comment and nothing else: the first `-->` (or `--!>`, which HTML also
 * takes as the end) is its end. To HTML, `<!-->` and `<!--->` are whole (empty) comments too.
 */
export function isComment(piece: string): boolean {
  const s = trimHtmlSpace(piece);
  if (!s.startsWith('<!--')) return false;
  if (s.startsWith('<!-->') || s.startsWith('<!--->')) return s === '<!-->' || s === '<!--->';
  const close = /--!?>/g;
  close.lastIndex = 4;
  const m = close.exec(s);
  return m !== null && m.index + m[0].length === s.length;
}

/** HTML's white space: spaces, tabs and line breaks (trimmed by index: see trim.ts). */
const isHtmlSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const trimHtmlSpace = (piece: string): string => trimEndWhere(trimStartWhere(piece, isHtmlSpace), isHtmlSpace);

function titleOf(result: LintResult, tree: Root): string | undefined {
  const fmTitle = result.doc.frontMatter?.data?.['title'];
  if (typeof fmTitle === 'string' && fmTitle.trim()) return fmTitle.trim();
  const h1 = tree.children.find((n) => n.type === 'element' && n.tagName === 'h1');
  return h1 && h1.type === 'element' ? textOf(h1).trim() || undefined : undefined;
}
