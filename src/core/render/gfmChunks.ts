// Big documents are parsed for the preview in runs of top-level blocks (about `chunkChars` each), not in
// one micromark parse. Why: some micromark resolvers see every event of the document so far (each setext
// heading rewrites the whole event list), so a long document of many such blocks costs quadratic time
// (found by the fuzzer: 256 KB holding 1,300 setext headings took 2.4 s to parse, 0.1 s in runs).
//
// A cut is made only where one parse and two cannot differ: before a top-level block of the engine's
// CommonMark tree that starts at column 1 right after a blank line. Nothing CommonMark or GFM keeps open
// continues across that (GFM's one extra container, the footnote definition, continues only on indented
// lines). References resolve across runs: the definitions whose labels a run names are appended to it
// and their nodes dropped again. Positions are shifted back to the document.
//
// A run with nothing GFM reads differently from CommonMark (no pipe, tilde, footnote, link definition or
// autolink literal) takes its blocks from the engine's CommonMark tree, already built for
// the lint, instead of a micromark parse: commonmark.js reads such text the same (both follow the
// CommonMark spec; test/unit/render-chunks.test.ts holds every example and test document to one parse's
// HTML) at about a tenth of the cost, which is most of a big render (a dense 105 KB PRD: 700 ms → ~150 ms).
// A top-level table of plain cells is built from its lines (simpleTable.ts) and placed the same way.

import type { Definition, Root, RootContent } from 'mdast';
import type { Node, Point } from 'unist';
import { DELIMITER_ROW, simpleTable } from './simpleTable.js';
import { copyBlock, copyTree, eachNode, movePositions } from './eachNode.js';
import { inlineGfmBatch, InlineBatchFailed, type InlineBatch } from './inlineGfm.js';
import { MAX_RUN, shortenDelimiterRuns } from './delimiterRuns.js';
import { cutBlocksOf, linkDefinitions, parseMarkdownTree, type LinkDefinition } from '../document/markdownTree.js';
import { labelsIn, writtenDefinitions } from './linkDefinitions.js';
import { treeDepthFor } from '../document/depth.js';
import { limits } from '../limits.js';

type Parse = (text: string, commonmark: () => Root | undefined, lineAt: (offset: number) => number) => Root;

// What GFM reads differently from CommonMark: tables, strikethrough, footnotes, autolink literals (www.,
// scheme://, an e-mail address: an `@` between name characters with a dot after it, not a mention). Task
// items are not among them: the engine's tree reads them as GFM does (test/unit/render-chunks.test.ts).
// Runs of brackets too (delimiterRuns.ts shows them as look-alikes; from the CommonMark tree they would
// be links nested hundreds deep). Link definitions are not: the engine's parse consumed them, and each
// piece micromark parses gets the ones it names written back (linkDefinitions.ts); only when those are
// unknown (a tree not built by the engine) does a definition (`]:`) count, as its source is then needed.
const GFM_SOURCE = String.raw`[|~]|\[\^|:\/\/|www\.|[\w.+-]@[\w-]+\.`;
const BRACKET_RUN_SOURCE = String.raw`\[{${MAX_RUN + 1}}|\]{${MAX_RUN + 1}}`;
const GFM = new RegExp(`${GFM_SOURCE}|${BRACKET_RUN_SOURCE}`, 'i');
const GFM_ONLY = new RegExp(GFM_SOURCE, 'i');
const BRACKET_RUN = new RegExp(BRACKET_RUN_SOURCE);

/** Whether `source` holds what GFM reads differently (`definitions`: whether the document's link definitions are known). */
const gfmIn = (source: string, definitions: boolean): boolean => GFM.test(source) || (!definitions && source.includes(']:'));

/**
 * The tree of `text` parsed in runs, or undefined when the text has no safe place to cut. `reuse`: the
 * blocks of `tree` may stand for the runs with nothing GFM in them (`tree` is whole: not cut for depth;
 * or the tree says which of its blocks were cut, and those are not used).
 */
export function parseInChunks(
  text: string,
  tree: Root,
  chunkChars: number,
  pointAt: (offset: number) => Point,
  parse: Parse,
  reuse = false,
  batch = true,
): Root | undefined {
  const lineAt = (offset: number) => pointAt(offset).line;
  // Runs for micromark are about chunkChars long; runs taken from the CommonMark tree may be any length,
  // and a new one starts where the blocks change from one kind to the other.
  const kids = tree.children;
  const definitions = linkDefinitions(tree) ?? (text.includes(']:') ? undefined : new Map<string, LinkDefinition>());
  const gfmAlone = (source: string) =>
    parse(
      source,
      () => undefined,
      () => 1,
    );
  // What micromark reads is budgeted (limits: previewGfmChars): a block that needs it past the budget is
  // taken as CommonMark reads it (the budget's end is noted on the tree for the page to say so).
  const budget = { left: limits().previewGfmChars, skipped: undefined as number | undefined };
  const batched = (batch || undefined) && definitions && inlineGfmBatch(text, gfmAlone, definitions);
  const inline: InlineBatch | undefined = batched && {
    definitions: batched.definitions,
    add(block, next) {
      const size = next - (block.position?.start.offset ?? next);
      if (size > budget.left) return undefined;
      const take = batched.add(block, next);
      if (take) budget.left -= size;
      return take;
    },
  };
  // Blocks the depth limit cut in the engine's tree are not whole: each is parsed again, alone.
  const cutBlocks = cutBlocksOf(tree);
  const taken = kids.map((block, k) => {
    if (!reuse) return undefined;
    const cut = cutBlocks?.has(block.position?.start.line ?? 0);
    const take = cut
      ? takenAgain(text, kids, k, pointAt, definitions)
      : takenFromTree(text, kids, k, pointAt, definitions, inline, gfmAlone);
    const start = block.position?.start.offset;
    if (take || start === undefined) return take;
    const next = kids[k + 1]?.position?.start.offset ?? text.length;
    if (next - start <= budget.left) {
      budget.left -= next - start;
      return undefined;
    }
    budget.skipped ??= start;
    return (cut && definitions && parsedAlone(text, start, blockEnd(text, kids, k, true), pointAt, definitions)) || copyBlock;
  });
  const plainAt = taken.map((t) => t !== undefined);
  const cuts = [0];
  /** The index in `kids` of each run's first block. */
  const firstKid = [0];
  /** Whether every block of each run so far is plain (the text before the first block counts too). */
  const allPlain = [reuse && kids.length > 0 && !gfmIn(text.slice(0, kids[0]!.position?.start.offset ?? 0), !!definitions)];
  /** The last block of the current run where it could have been cut (-1: none yet). */
  let lastSafe = -1;
  const cut = (k: number, plain: boolean) => {
    cuts.push(kids[k]!.position!.start.offset!);
    firstKid.push(k);
    allPlain.push(plain);
    lastSafe = -1;
  };
  for (let k = 0; k < kids.length; k++) {
    const at = kids[k]!.position?.start.offset;
    const plain = plainAt[k]!;
    const run = cuts.length - 1;
    const safe = at !== undefined && at > 0 && safeCut(text, at);
    if (safe && (plain !== allPlain[run] || (!plain && at - cuts[run]! >= chunkChars))) cut(k, plain);
    // A block for micromark that cannot start a run where it stands: the run is cut at its last safe
    // place instead, so that only what follows that place goes to micromark with it, not the whole run.
    else if (!plain && allPlain[run] && lastSafe > firstKid[run]!) cut(lastSafe, false);
    else {
      allPlain[run] &&= plain;
      if (safe) lastSafe = k;
    }
  }
  if (cuts.length === 1 && !allPlain[0]) return undefined;
  try {
    const root = joinRuns(text, kids, { cuts, firstKid, allPlain, taken, definitions, inline }, lineAt, parse);
    if (budget.skipped !== undefined) gfmSkipped.set(root, budget.skipped);
    return root;
  } catch (e) {
    // The batch did not parse as one paragraph per piece: plan again without it (its blocks to micromark).
    if (e instanceof InlineBatchFailed) return parseInChunks(text, tree, chunkChars, pointAt, parse, reuse, false);
    throw e;
  }
}

const gfmSkipped = new WeakMap<Root, number>();

/** Where the first block shown as CommonMark reads it, past the GFM budget, starts (an offset), if any did. */
export function gfmSkippedFrom(root: Root): number | undefined {
  return gfmSkipped.get(root);
}

interface RunPlan {
  /** Where each run starts. */
  cuts: number[];
  /** The index in the tree's children of each run's first block. */
  firstKid: number[];
  /** Whether each run is taken from the tree (else parsed by micromark). */
  allPlain: boolean[];
  /** How each block is taken from the tree, where it can be. */
  taken: (Take | undefined)[];
  /** The document's link definitions, when known. */
  definitions: ReadonlyMap<string, LinkDefinition> | undefined;
  inline: InlineBatch | undefined;
}

function joinRuns(text: string, kids: readonly RootContent[], plan: RunPlan, lineAt: (offset: number) => number, parse: Parse): Root {
  const { cuts, firstKid, allPlain, taken } = plan;
  const written: Definition[] = [];
  // Runs of the same text parse the same wherever they stand (their positions are their own, moved to the
  // document afterwards): a text that comes a third time and more (a block pasted over and over) is a
  // copy of the second's parse. Texts seen once are neither copied nor kept.
  const once = new Set<string>();
  const parsedRuns = new Map<string, Root>();
  const parseRun: Parse = (source, commonmark, local) => {
    const known = parsedRuns.get(source);
    if (known) return copyTree(known);
    const root = parse(source, commonmark, local);
    if (once.has(source)) parsedRuns.set(source, copyTree(root));
    else once.add(source);
    return root;
  };
  const runs = cuts.map((start, i) => {
    const end = cuts[i + 1] ?? text.length;
    const lineDelta = lineAt(start) - 1;
    const local = (offset: number) => lineAt(offset + start) - lineDelta;
    // The CommonMark blocks of this run, moved to its own coordinates (only the big-table guard asks).
    const from = firstKid[i]!;
    const blocks = () => kids.slice(from, firstKid[i + 1] ?? kids.length).filter((c) => c.position);
    const commonmark = (): Root => ({ type: 'root', children: blocks().map((c) => movePositions(copyTree(c), -start, -lineDelta)) });
    // Cloned: the lint result keeps its tree, and the render changes its own.
    if (allPlain[i])
      return {
        start,
        end,
        lineDelta,
        local,
        commonmark,
        root: {
          type: 'root',
          children: kids.slice(from, firstKid[i + 1] ?? kids.length).flatMap((c, k) => (c.position ? [taken[from + k]!(c)] : [])),
        } as Root,
        placed: true,
      };
    return { start, end, lineDelta, local, commonmark, root: parseRun(text.slice(start, end), commonmark, local), placed: false };
  });

  // Definitions by identifier (the first one wins, as in one parse), then each run that names one it lacks is parsed again with them.
  const definitions = new Map<string, { run: number; source: string }>();
  runs.forEach((run, i) =>
    eachNode<Node>(run.root, (node) => {
      if (run.placed) return false;
      if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return true;
      const id = (node as unknown as { identifier: string }).identifier;
      const p = node.position;
      if (p && !definitions.has(id))
        definitions.set(id, { run: i, source: text.slice(run.start + p.start.offset!, run.start + p.end.offset!) });
      return false;
    }),
  );
  const children: RootContent[] = [];
  runs.forEach((run, i) => {
    let root = run.root;
    if (run.placed) {
      children.push(...root.children);
      return;
    }
    if (definitions.size || plan.definitions?.size) {
      const labels = [...labelsIn(text.slice(run.start, run.end))];
      // Footnote definitions from the other runs, as written; link definitions as the engine's parse read
      // them (the first of each label in the whole document), written back, when it is known.
      const wanted = labels
        .filter((label) => !plan.definitions?.has(label.toUpperCase()))
        .map((label) => definitions.get(label))
        .filter((d) => d !== undefined && d.run !== i)
        .map((d) => d!.source);
      if (plan.definitions) wanted.push(...writtenDefinitions(labels, plan.definitions));
      if (wanted.length) {
        const length = run.end - run.start;
        const source = `${text.slice(run.start, run.end)}\n\n${wanted.join('\n\n')}\n`;
        root = parseRun(source, run.commonmark, run.local);
        // The definitions written back stay: the HTML step resolves references from the tree.
        for (const c of root.children)
          if (plan.definitions && (c.position?.start.offset ?? 0) >= length && c.type === 'definition') written.push(c);
        root.children = root.children.filter((c) => (c.position?.start.offset ?? 0) < length);
      }
    }
    for (const child of root.children) children.push(movePositions(child, run.start, run.lineDelta));
  });
  const end = lineAt(text.length);
  // First in the tree, as the HTML step takes the first definition of each label: a later one that a
  // micromark run holds must not win over the document's first, which the engine's parse consumed.
  const top = { line: 1, column: 1, offset: 0 };
  children.unshift(...[...written, ...(plan.inline?.definitions() ?? [])].map((d) => ({ ...d, position: { start: top, end: top } })));
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end, column: 1, offset: text.length } },
  };
}

/**
 * How block `k` of the tree is taken for the preview without a micromark parse, or undefined when it is
 * not: a copy of the block; the table built from its lines (simpleTable.ts); or, for a block whose only
 * GFM-looking text is runs of square brackets (shown as look-alikes, delimiterRuns.ts), the block's lines
 * with those runs shortened, parsed alone by commonmark.js. micromark keeps every open bracket of a block
 * as a possible link and rewrites all its events at each closing of a container, so such blocks cost it
 * quadratic time (the fuzzer: a 70 KB list of bracket runs, 1.4 s to render); a top-level block parses
 * alone as it does in the document, as long as no definition elsewhere resolves its references.
 */
function takenFromTree(
  text: string,
  kids: readonly RootContent[],
  k: number,
  pointAt: (offset: number) => Point,
  definitions: ReadonlyMap<string, LinkDefinition> | undefined,
  inline: InlineBatch | undefined,
  gfm: (source: string) => Root,
): Take | undefined {
  if (isPlain(text, kids, k, !!definitions)) return copyBlock;
  const block = kids[k]!;
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const next = blockEnd(text, kids, k, !!definitions);
  const source = gfmSource(text.slice(start, next), block.type === 'paragraph');
  if (definitions && BRACKET_RUN.test(source) && !GFM_ONLY.test(source)) return parsedAlone(text, start, next, pointAt, definitions);
  const inlineOnly = !NOT_INLINE.test(source) && (!!definitions || !source.includes(']:'));
  if (inlineOnly && !source.includes('~') && literalsOnlyInDestinations(text, start, next, block)) return copyBlock;
  const table = block.type === 'paragraph' ? tableOf(text, start, end, next, pointAt, definitions, gfm) : undefined;
  if (table) return () => table;
  const batched = inlineOnly && inline?.add(block, next);
  return batched ? (c) => batched(copyTree(c)) : undefined;
}

/**
 * How block `k`, which the depth limit cut in the engine's tree, is taken without micromark, or undefined
 * when it is not: parsed again alone by commonmark.js, its runs of delimiters shortened, when nothing in it
 * but those runs is GFM. micromark costs quadratic time on such blocks (it closes every container of a
 * deep list by rewriting the events so far: the fuzzer's 262 KB list, cut by a line of 2,588 asterisks
 * each side of a letter, took 1.6 s to render; alone, 0.1 s). What lies past the depth limit is not
 * shown either way (the lint reports it as `input-limit`); where exactly the cut falls may differ.
 */
function takenAgain(
  text: string,
  kids: readonly RootContent[],
  k: number,
  pointAt: (offset: number) => Point,
  definitions: ReadonlyMap<string, LinkDefinition> | undefined,
): Take | undefined {
  const start = kids[k]!.position?.start.offset;
  if (start === undefined || !definitions) return undefined;
  const next = blockEnd(text, kids, k, true);
  if (GFM_ONLY.test(gfmSource(text.slice(start, next), kids[k]!.type === 'paragraph'))) return undefined;
  return parsedAlone(text, start, next, pointAt, definitions);
}

/**
 * The block at [start, next) parsed alone by commonmark.js, its long delimiter runs shortened (the look-
 * alikes micromark shows), with the definitions it names; undefined when it does not parse as one block.
 */
function parsedAlone(
  text: string,
  start: number,
  next: number,
  pointAt: (offset: number) => Point,
  definitions: ReadonlyMap<string, LinkDefinition>,
): Take | undefined {
  const lineStart = start - pointAt(start).column + 1;
  const lineDelta = pointAt(start).line - 1;
  const alone = shortenDelimiterRuns(text.slice(lineStart, next));
  // The definitions it names, written after it: commonmark.js consumes them, so they add no block.
  const named = writtenDefinitions(labelsIn(alone), definitions);
  const parsed = parseMarkdownTree(named.length ? `${alone}\n\n${named.join('\n')}\n` : alone, treeDepthFor(limits().markdownDepth));
  if (parsed.children.length !== 1) return undefined;
  return () => movePositions(parsed.children[0]!, lineStart, lineDelta);
}

/** The table a paragraph holds, built from its lines (simpleTable.ts), when nothing GFM follows it up to the next block. */
function tableOf(
  text: string,
  start: number,
  end: number,
  next: number,
  pointAt: (offset: number) => Point,
  definitions: ReadonlyMap<string, LinkDefinition> | undefined,
  gfm: (source: string) => Root,
) {
  // What follows the paragraph up to the next block (blank lines, consumed definitions) must be plain too.
  if (gfmIn(text.slice(end, next), !!definitions)) return undefined;
  return simpleTable(text, start, end, pointAt, definitions, gfm);
}

type Take = (block: RootContent) => RootContent;

/** What GFM reads differently, but for its inline syntax (strikethrough and the text autolink literals start with). */
const NOT_INLINE = new RegExp(String.raw`\||\[\^|${BRACKET_RUN_SOURCE}`);
const LITERAL = /:\/\/|www\.|[\w.+-]@[\w-]+\./gi;

/**
 * Whether every place in [start, next) where a GFM autolink literal could start lies in a link's
 * destination or an autolink (`[text](https://…)`, `<https://…>`) or in an image, where GFM reads no
 * literal: then the block reads the same to commonmark.js (product documents link to URLs a lot, and
 * each such paragraph went to micromark).
 */
function literalsOnlyInDestinations(text: string, start: number, next: number, block: RootContent): boolean {
  const spans: [number, number][] = [];
  const stack: Node[] = [block];
  while (stack.length) {
    const node = stack.pop()! as Node & { children?: Node[] };
    const p = node.position;
    if ((node.type === 'link' || node.type === 'image') && p?.start.offset !== undefined && p.end.offset !== undefined) {
      const last = node.children?.at(-1)?.position?.end.offset;
      // A link's text is inline content: only what follows it counts (an autolink's text is its URL).
      const from = node.type === 'image' || text[p.start.offset] === '<' ? p.start.offset : last;
      if (from !== undefined) spans.push([from, p.end.offset]);
      continue;
    }
    if (node.children) stack.push(...node.children);
  }
  LITERAL.lastIndex = 0;
  const source = text.slice(start, next);
  for (let m = LITERAL.exec(source); m; m = LITERAL.exec(source)) {
    const at = start + m.index;
    if (!spans.some(([from, to]) => from <= at && at + m![0].length <= to)) return false;
  }
  return true;
}

/**
 * Whether block `k` of the tree, with what follows it up to the next block (consumed definitions), is
 * taken from the CommonMark tree: it holds nothing GFM, or it is a long paragraph thick with emphasis
 * delimiters. micromark pairs delimiters one match at a time, rewriting the paragraph's events for each,
 * so such a paragraph costs quadratic time (`***x*** ` repeated over 64 KB: 1.6 s; 256 KB: 13 s), where
 * commonmark.js takes milliseconds. That paragraph then shows without GFM's autolink literals,
 * strikethrough and footnote references; a table is never taken (its delimiter row is checked).
 */
function isPlain(text: string, kids: readonly RootContent[], k: number, definitions: boolean): boolean {
  const start = kids[k]!.position?.start.offset ?? 0;
  const end = blockEnd(text, kids, k, definitions);
  const source = text.slice(start, end);
  return (
    !gfmIn(gfmSource(source, kids[k]!.type === 'paragraph'), definitions) || (kids[k]!.type === 'paragraph' && thickWithEmphasis(source))
  );
}

/**
 * Where the text that decides how block `k` is taken ends: the block's own end when the document's link
 * definitions are known (what follows it up to the next block is blank lines and consumed definitions,
 * which show nothing, and are written back where they are named) and none of them is a footnote's; else
 * the next block's start, as a definition there must then go to micromark with its source.
 */
function blockEnd(text: string, kids: readonly RootContent[], k: number, definitions: boolean): number {
  const next = kids[k + 1]?.position?.start.offset ?? text.length;
  const end = Math.min(kids[k]!.position?.end.offset ?? next, next);
  // A footnote definition there is one to CommonMark too (label `^…`), but GFM shows it: it must be parsed.
  return definitions && !text.slice(end, next).includes('[^') ? end : next;
}

/** A line that could be a table's delimiter row, in any container (loose: dashes, colons, pipes, `>`). */
const MAYBE_DELIMITER_ROW = /^[ \t>]*[|: \t-]*-[|: \t-]*$/m;

/**
 * A block's source as the GFM tests above read it: without a line that could be a delimiter row (in a
 * paragraph, after its first line, which no header line can precede), no table can start in it, so its pipes are text to GFM as to CommonMark and are read as spaces (which
 * make no other match).
 */
function gfmSource(source: string, paragraph: boolean): string {
  if (!source.includes('|')) return source;
  // A paragraph's first line has no line before it to be a table's header: only later lines count.
  const rest = paragraph ? source.slice(source.search(/[\r\n]|$/)) : source;
  return MAYBE_DELIMITER_ROW.test(rest) ? source : source.replace(/\|/g, ' ');
}

/** Paragraphs at least this long, with at least this many `*` and `_`, go to the CommonMark tree. */
const LONG_PARAGRAPH = 8 * 1024;
const MANY_DELIMITERS = 256;

function thickWithEmphasis(source: string): boolean {
  if (source.length < LONG_PARAGRAPH) return false;
  let delimiters = 0;
  for (let i = 0; i < source.length && delimiters < MANY_DELIMITERS; i++) {
    const c = source.charCodeAt(i);
    if (c === 42 || c === 95) delimiters++; // * _
  }
  if (delimiters < MANY_DELIMITERS) return false;
  // A GFM table's second line is its delimiter row (a CommonMark paragraph to commonmark.js).
  const second = source.indexOf('\n') + 1;
  if (second === 0) return true;
  const end = source.indexOf('\n', second);
  return !DELIMITER_ROW.test(source.slice(second, end < 0 ? undefined : end).replace(/\r$/, ''));
}

/** At column 1 after a blank line, and not itself blank or indented. */
function safeCut(text: string, at: number): boolean {
  if (at <= 0 || /[ \t\r\n]/.test(text[at] ?? ' ')) return false;
  let i = at - 1;
  if (text[i] !== '\n' && text[i] !== '\r') return false;
  if (text[i] === '\n' && text[i - 1] === '\r') i--;
  i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}
