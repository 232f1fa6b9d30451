// Text → ParsedDoc: the front matter (YAML with node ranges) eagerly, the Markdown body lazily, since a
// file that turns out to have no doc type never needs its body parsed.

import { parseDocument, isMap, type Document } from 'yaml';
import type { Root } from 'mdast';
import { parseMarkdownTree } from './markdownTree.js';
import type { Span } from '../types.js';
import { LineIndex } from './lineIndex.js';
import { blankOut, findFrontMatterBlock, type FrontMatterBlock } from './frontMatterBlock.js';

export type FrontMatterProblemKind = 'syntax' | 'language' | 'unclosed' | 'not-mapping';

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
}

const MAX_ALIASES = 100; // a "billion laughs" alias bomb becomes a finding, not a hang

export function parseDoc(text: string, path?: string): ParsedDoc {
  const block = findFrontMatterBlock(text);
  const frontMatter = block ? parseFrontMatter(text, block) : undefined;
  let root: Root | undefined;
  let lines: LineIndex | undefined;
  return {
    text,
    path,
    frontMatter,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    get root() {
      return (root ??= parseMarkdownTree(blankOut(text, block)));
    },
  };
}

function parseFrontMatter(text: string, block: FrontMatterBlock): FrontMatter {
  const problems: FrontMatterProblem[] = [];
  if (!block.closeFence) {
    problems.push({
      kind: 'unclosed', ...block.openFence,
      message: `Front matter opened with '${text.slice(block.openFence.start, block.openFence.end)}' is never closed: add a line '---' after the last key.`,
    });
  }
  if (block.language !== 'yaml' && block.language !== 'yml') {
    problems.push({
      kind: 'language', ...block.openFence,
      message: `Front matter in '${block.language}' is not supported and was not read (pmdocs never evaluates front matter): write it as YAML between '---' lines.`,
    });
    return { block, problems };
  }
  const source = text.slice(block.content.start, block.content.end);
  const yaml = parseDocument(source, { prettyErrors: false, uniqueKeys: true, strict: true });
  for (const e of yaml.errors) {
    problems.push({ kind: 'syntax', ...absolute(block, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1), text), message: yamlMessage(e.message, source, e.pos[0]) });
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
  const inFlow = /[[{,]\s*$/.test(before);
  const rest = line.slice(pos - lineStart);
  const end = inFlow ? rest.search(/\s*[,\]}]/) : rest.search(/\s+#|\s*$/);
  const value = rest.slice(0, end < 0 ? rest.length : end);
  if (!value) return '';
  return `; quote the value: ${(before + JSON.stringify(value) + rest.slice(value.length)).trim()}`;
}
