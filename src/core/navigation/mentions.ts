// Where a document names ids: its own `id:` value, the front-matter values its schema declares as
// references (core/workspace/references.ts), and plain-text mentions in the body ("see PRD-12").
// A body mention is a whole word that starts with the id prefix of a known doc type; code spans and
// fenced code blocks are skipped. Only the text is scanned (no CommonMark parse), so indexing a file
// stays cheap; the result is stored in its index entry (IndexedDoc.mentions).

import type { ParsedDoc } from '../document/parse.js';
import type { DocType } from '../doctypes/docType.js';
import { nodeSpan, yamlNodeAt } from '../document/yamlSpans.js';
import { referenceSites } from '../workspace/references.js';
import type { IdMention } from '../workspace/index.js';

/** Characters an id is made of (PRD-12, REL-2.4.0-rc.1+build.5, RM-2026-H2). */
const ID_CHAR = '[0-9A-Za-z._+\\-]';
const ID_TAIL = `(?:${ID_CHAR}*[0-9A-Za-z])?`;

/** The id prefixes of the known doc types, longest first (so `US-` never hides a longer prefix). */
export function idPrefixes(docTypes: readonly DocType[]): string[] {
  const set = new Set(docTypes.map((t) => t.idPrefix).filter((p): p is string => !!p));
  return [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** One array for "no extra schemas": the reference trees are cached per array. */
const NO_EXTRAS: readonly unknown[] = Object.freeze([]);

const patterns = new Map<string, RegExp | null>();

/** A whole word starting with one of the prefixes: not preceded by a word character, `-` or `/` (a path), ending on a letter or digit. */
function mentionPattern(prefixes: readonly string[]): RegExp | null {
  const key = prefixes.join('\n');
  let re = patterns.get(key);
  if (re === undefined) {
    const alternatives = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = alternatives.length ? new RegExp(`(?<![0-9A-Za-z_/\\-])(?:${alternatives.join('|')})[0-9A-Za-z]${ID_TAIL}`, 'g') : null;
    if (patterns.size > 32) patterns.clear();
    patterns.set(key, re);
  }
  return re;
}

/** True when `text` is one mention-shaped word (what a new id must be, so that its mentions are found again). */
export function isIdWord(text: string): boolean {
  return new RegExp(`^[0-9A-Za-z]${ID_CHAR}*$`).test(text) && /[0-9A-Za-z]$/.test(text);
}

/** Every id the document names, in document order. */
export function findMentions(
  doc: ParsedDoc,
  docType: DocType | undefined,
  prefixes: readonly string[],
  extraSchemas: readonly unknown[] = NO_EXTRAS,
): IdMention[] {
  const out: IdMention[] = [];
  const fm = doc.frontMatter;
  const at = (offset: number, id: string, kind: IdMention['kind']) => {
    const p = doc.lines.pointAt(offset);
    out.push({ id, kind, line: p.line - 1, character: p.column - 1 });
  };
  if (fm?.yaml && fm.data) {
    const idValue = fm.data['id'];
    if (typeof idValue === 'string' && idValue) {
      const offset = offsetOfValue(doc, fm, ['id'], idValue);
      if (offset !== undefined) at(offset, idValue, 'id');
    }
    if (docType) {
      for (const site of referenceSites(docType, fm.data, extraSchemas)) {
        const offset = offsetOfValue(doc, fm, site.path, site.id);
        if (offset !== undefined) at(offset, site.id, 'ref');
      }
    }
  }
  const re = mentionPattern(prefixes);
  if (re) scanBody(doc.text, fm ? fm.block.end : 0, re, at);
  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

/** Where `id` is written inside the value at `path` (inside the quotes of a quoted scalar, before a `#anchor`). */
function offsetOfValue(
  doc: ParsedDoc,
  fm: NonNullable<ParsedDoc['frontMatter']>,
  path: readonly (string | number)[],
  id: string,
): number | undefined {
  const node = yamlNodeAt(fm, path);
  const span = node && nodeSpan(fm, node);
  if (!span) return undefined;
  const i = doc.text.slice(span.start, span.end).indexOf(id);
  return i < 0 ? undefined : span.start + i;
}

const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

/** Mentions in the body: line by line, outside fenced code blocks and code spans. */
function scanBody(text: string, from: number, re: RegExp, at: (offset: number, id: string, kind: IdMention['kind']) => void): void {
  let fence: string | undefined;
  let lineStart = from;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const line = text.slice(lineStart, lineEnd);
    const opener = FENCE.exec(line);
    if (fence) {
      // A fence closes with the same character, at least as long, and nothing after it.
      if (opener && opener[1]![0] === fence[0] && opener[1]!.length >= fence.length && !line.slice(opener[0].length).trim())
        fence = undefined;
    } else if (opener && !(opener[1]![0] === '`' && line.slice(opener[0].length).includes('`'))) {
      fence = opener[1]!;
    } else if (line.length) {
      scanLine(line, lineStart, re, at);
    }
    lineEnd += text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1;
    lineStart = lineEnd;
  }
}

function scanLine(line: string, base: number, re: RegExp, at: (offset: number, id: string, kind: IdMention['kind']) => void): void {
  // Quick reject: most lines name no id at all.
  re.lastIndex = 0;
  if (!re.test(line)) return;
  const code = codeSpans(line);
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index;
    if (code.some(([s, e]) => start >= s && start < e)) continue;
    at(base + start, m[0], 'body');
  }
}

/** [start, end) of the code spans of a line: a run of n backticks up to the next run of exactly n. */
function codeSpans(line: string): [number, number][] {
  if (!line.includes('`')) return [];
  const spans: [number, number][] = [];
  const runs = [...line.matchAll(/`+/g)].map((m) => ({ at: m.index!, n: m[0].length }));
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const j = runs.findIndex((r, k) => k > i && r.n === open.n);
    if (j < 0) continue;
    spans.push([open.at, runs[j]!.at + runs[j]!.n]);
    i = j;
  }
  return spans;
}
