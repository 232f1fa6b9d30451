// Text → ParsedDoc: the front matter (YAML with node ranges) eagerly, the Markdown body lazily, since a
// file that turns out to have no doc type never needs its body parsed.

import { Composer, Parser, isCollection, isMap, visit, YAMLParseError, type Document } from 'yaml';
import type { Root } from 'mdast';
import { parseMarkdownTree } from './markdownTree.js';
import type { Span } from '../types.js';
import { LineIndex } from './lineIndex.js';
import { blankOut, findFrontMatterBlock, type FrontMatterBlock } from './frontMatterBlock.js';
import { guardMarkdownDepth, treeDepthFor, yamlTooDeepInLine, yamlTooDeep } from './depth.js';
import type { CST } from 'yaml';
import { limits, limitSetting } from '../limits.js';
import { plainValueLength } from './plainValue.js';

/** `limit`: the front matter nests deeper than the yamlDepth limit and was not read (rule input-limit). */
export type FrontMatterProblemKind = 'syntax' | 'language' | 'unclosed' | 'not-mapping' | 'limit';

export interface FrontMatterProblem extends Span {
  kind: FrontMatterProblemKind;
  message: string;
}

export interface FrontMatter {
  block: FrontMatterBlock;
  /** The YAML document (undefined for refused languages). Its node ranges are relative to `block.content.start`. */
  yaml?: Document.Parsed;
  /** The front matter as plain data: a mapping, or undefined when there is none usable. */
  data?: Record<string, unknown>;
  problems: FrontMatterProblem[];
}

export interface ParsedDoc {
  readonly text: string;
  readonly path?: string;
  readonly lines: LineIndex;
  readonly frontMatter?: FrontMatter;
  /** The Markdown body (CommonMark + task lists); the front matter is blanked, so offsets match `text`. */
  readonly root: Root;
  /** Where the body nests deeper than the markdownDepth limit (the lines past it are blanked in `root`). */
  readonly bodyTooDeep?: Span & { message: string };
  /** Whether `root` lost children nested past the depth limit (inline nesting the line guard cannot blank). */
  readonly rootCut: boolean;
}

const MAX_ALIASES = 100; // a "billion laughs" alias bomb becomes a finding, not a hang
// YAML errors listed per document, as a compiler stops listing after its first errors: past a few, they
// are mostly one mistake's echoes, and a front matter of 1,800 broken lines made 84,000 findings (340 MB).
const MAX_SYNTAX_PROBLEMS = 20;

export function parseDoc(text: string, path?: string): ParsedDoc {
  const block = findFrontMatterBlock(text);
  const frontMatter = block ? parseFrontMatter(text, block) : undefined;
  let root: Root | undefined;
  let lines: LineIndex | undefined;
  let tooDeep: (Span & { message: string }) | undefined;
  let rootCut = false;
  const parse = () => {
    const guarded = guardMarkdownDepth(blankOut(text, block), limits().markdownDepth);
    if (guarded.crossed) tooDeep = { ...guarded.crossed, message: markdownDepthMessage() };
    // Inline nesting (emphasis, links) the line guard cannot see is cut before the tree is built.
    const cut: { offset?: number } = {};
    // The guard and the front matter's blanking keep every line break: the document's line index serves.
    const tree = parseMarkdownTree(guarded.text, treeDepthFor(limits().markdownDepth), cut, (lines ??= new LineIndex(text)));
    rootCut = cut.offset !== undefined;
    if (cut.offset !== undefined && !tooDeep) tooDeep = { start: cut.offset, end: cut.offset, message: markdownDepthMessage() };
    return tree;
  };
  return {
    text,
    path,
    frontMatter,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    get root() {
      return (root ??= parse());
    },
    get bodyTooDeep() {
      root ??= parse();
      return tooDeep;
    },
    get rootCut() {
      root ??= parse();
      return rootCut;
    },
  };
}

export function markdownDepthMessage(): string {
  const max = limits().markdownDepth;
  return `Lists or block quotes nest more than ${max} levels deep here; the lines past that depth were not checked. Flatten them, or raise ${limitSetting('markdownDepth')}.`;
}

function parseFrontMatter(text: string, block: FrontMatterBlock): FrontMatter {
  const problems: FrontMatterProblem[] = [];
  if (!block.closeFence) {
    problems.push({
      kind: 'unclosed',
      ...block.openFence,
      message: `Front matter opened with '${text.slice(block.openFence.start, block.openFence.end)}' is never closed: add a line '---' after the last key.`,
    });
  }
  if (block.language !== 'yaml' && block.language !== 'yml') {
    problems.push({
      kind: 'language',
      ...block.openFence,
      message: `Front matter in '${block.language}' is not supported and was not read (pmdocs never evaluates front matter): write it as YAML between '---' lines.`,
    });
    return { block, problems };
  }
  const source = text.slice(block.content.start, block.content.end);
  const yaml = parseYaml(source);
  if (!yaml) {
    const { deepAt, overflow } = yamlTokens(source);
    const at = deepAt ?? 0;
    const lineEnd = source.slice(at).search(/\r|\n|$/);
    problems.push({
      kind: 'limit',
      ...absolute(block, at, at + Math.max(1, lineEnd), text),
      message: overflow
        ? 'The front matter nests too deep for the YAML reader by this line and was not read. Often many lines like ' +
          "'key: value: more' above it each open a mapping inside the last: quote such values, or flatten the front matter."
        : `The front matter nests more than ${limits().yamlDepth} levels deep here and was not read. Flatten it, or raise ${limitSetting('yamlDepth')}.`,
    });
    return { block, problems };
  }
  for (const e of yaml.errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
    problems.push({
      kind: 'syntax',
      ...absolute(block, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1), text),
      message: yamlMessage(e.message, source, e.pos[0]),
    });
  }
  const more = yaml.errors.length - MAX_SYNTAX_PROBLEMS;
  if (more > 0) {
    const next = yaml.errors[MAX_SYNTAX_PROBLEMS]!.pos;
    problems.push({
      kind: 'syntax',
      ...absolute(block, next[0], Math.max(next[1], next[0] + 1), text),
      message: `YAML syntax error: ${more} more YAML errors from here on are not listed. Fix the ones above first: one mistake often causes many of the rest.`,
    });
    // The document is kept with the lint result: it keeps only the errors that were reported.
    yaml.errors.length = MAX_SYNTAX_PROBLEMS + 1;
  }
  for (const key of complexKeys(yaml)) {
    problems.push({
      kind: 'syntax',
      ...absolute(block, key[0], key[1], text),
      message: `YAML syntax error: this key is a ${key[2]}; front-matter keys must be plain text (write it as one word or a quoted string).`,
    });
  }
  let data: Record<string, unknown> | undefined;
  if (yaml.errors.length === 0) {
    let value: unknown;
    try {
      value = yaml.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      problems.push({ kind: 'syntax', ...block.content, message: `Front matter could not be read: ${(e as Error).message}` });
    }
    if (value === null || value === undefined) data = {};
    else if (isMap(yaml.contents) && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    else if (!problems.length) {
      const range = yaml.contents?.range;
      problems.push({
        kind: 'not-mapping',
        ...(range ? absolute(block, range[0], range[1], text) : block.openFence),
        message: `Front matter must be a mapping of keys to values (like 'title: …'), but it is ${Array.isArray(value) ? 'a list' : `a single ${typeof value}`}.`,
      });
    }
  }
  return { block, yaml, data, problems };
}

/**
 * YAML source → its CST tokens, and the offset where it first nests deeper than the yamlDepth limit.
 * `overflow`: yaml's parser itself ran out of stack (deepAt is then the first line by which it does).
 */
export function yamlTokens(source: string): { tokens: CST.Token[]; deepAt?: number; overflow?: boolean } {
  // The front matter that is too deep is measured again to place its finding: the last answer is kept
  // (an overflow costs a search of parses).
  if (lastTokens?.source === source && lastTokens.depth === limits().yamlDepth) return lastTokens.result;
  const result = measuredTokens(source);
  lastTokens = result.deepAt === undefined ? undefined : { source, depth: limits().yamlDepth, result };
  return result;
}

let lastTokens: { source: string; depth: number; result: ReturnType<typeof measuredTokens> } | undefined;

function measuredTokens(source: string): { tokens: CST.Token[]; deepAt?: number; overflow?: boolean } {
  const flowDeepAt = yamlTooDeepInLine(source, limits().yamlDepth);
  if (flowDeepAt !== undefined) return { tokens: [], deepAt: flowDeepAt };
  const tokens = cstTokens(source);
  if (!tokens) return { tokens: [], deepAt: overflowLine(source), overflow: true };
  const deepAt = yamlTooDeep(tokens, limits().yamlDepth);
  return deepAt === undefined ? { tokens } : { tokens, deepAt };
}

/**
 * yaml's CST parser, or undefined when it runs out of stack. Its error recovery can nest one level per
 * line that no depth count on the lexer sees (the fuzzer: 2,000 lines of `notes: a# b: c` in a mapping,
 * then a line that closes it). The parser recurses through generators; the overflow unwinds it whole.
 */
function cstTokens(source: string): CST.Token[] | undefined {
  try {
    return [...new Parser().parse(source)];
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The start of the first line by which the parser overflows (a binary search over the lines: the error path only). */
function overflowLine(source: string): number {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  let lo = 0; // parsing lines [0, lo] is known to work (or lo is 0)
  let hi = starts.length - 1; // parsing lines [0, hi] overflows (the whole source does)
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = starts[mid + 1] ?? source.length;
    if (cstTokens(source.slice(0, end))) lo = mid + 1;
    else hi = mid;
  }
  return starts[lo]!;
}

/**
 * parseDocument, but refusing input nested deeper than the yamlDepth limit (undefined then) before the
 * recursive composer sees it. Warnings are kept on the document, never printed (logLevel 'error': the
 * yaml package would otherwise emit them as process warnings on stderr).
 */
export function parseYaml(source: string, options: { strict?: boolean } = {}): Document.Parsed | undefined {
  const { tokens, deepAt } = yamlTokens(source);
  if (deepAt !== undefined) return undefined;
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, strict: options.strict ?? true, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  // YAML errors are Error objects: each would capture a stack trace nobody reads (broken front matter can
  // make tens of thousands of them: 100 MB kept, and the time to make them).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const d of composer.compose(tokens, true, source.length)) {
      if (!doc) doc = d;
      else {
        doc.errors.push(
          new YAMLParseError(
            [d.range[0], d.range[1]],
            'MULTIPLE_DOCS',
            'Source contains multiple documents; please use YAML.parseAllDocuments()',
          ),
        );
        break;
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return doc!;
}

/** Keys that are collections (`? [a, b]`, `{a: 1}: x`): YAML would stringify them. [start, end, kind]. */
function complexKeys(yaml: Document.Parsed): [number, number, string][] {
  const out: [number, number, string][] = [];
  visit(yaml, {
    Pair(_, pair) {
      const key = pair.key as { range?: [number, number, number] } | null;
      if (isCollection(pair.key) && key?.range) out.push([key.range[0], key.range[1], isMap(pair.key) ? 'mapping' : 'list']);
    },
  });
  return out;
}

/** A YAML-relative range as a span of the whole text, clamped inside the front matter. */
function absolute(block: FrontMatterBlock, start: number, end: number, text: string): Span {
  const base = block.content.start;
  const limit = Math.min(block.content.end, text.length);
  const s = Math.min(base + start, limit);
  return { start: s, end: Math.max(s, Math.min(base + end, limit)) };
}

/** The yaml package's messages start with a code-like prefix in some versions; keep them readable. */
function yamlMessage(message: string, source = '', pos = -1): string {
  const text = message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim();
  return `YAML syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}${reservedStartHint(text, source, pos)}`;
}

/** `owner: @jane`: '@' and '`' cannot start a plain value; show the line with the value quoted. */
function reservedStartHint(message: string, source: string, pos: number): string {
  if (!/reserved character/i.test(message) || pos < 0) return '';
  const lineStart = source.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = source.slice(pos).search(/\r|\n/);
  const line = source.slice(lineStart, lineEnd < 0 ? source.length : pos + lineEnd);
  const before = line.slice(0, pos - lineStart);
  const rest = line.slice(pos - lineStart);
  const value = rest.slice(0, plainValueLength(before, rest));
  if (!value) return '';
  return `; quote the value: ${(before + JSON.stringify(value) + rest.slice(value.length)).trim()}`;
}
