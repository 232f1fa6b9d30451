// The outline of a pmdocs document: the front matter first, named by the doc type and id, with its keys
// (nested mappings and lists included), then the headings as a tree by level.

import type { Heading } from 'mdast';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';
import type { DocType } from '../doctypes/docType.js';
import { headingText } from '../document/sections.js';
import { walkBlocks } from '../document/walk.js';
import { changelogSymbols } from '../changelog/assist.js';
import { CHANGELOG_TYPE } from '../changelog/ofDocument.js';

export type SymbolKind = 'document' | 'key' | 'list' | 'mapping' | 'item' | 'section';

export interface AssistSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** All of it (a key with its value, a section with its content). */
  range: Span;
  /** What to select or reveal: the key, the heading. */
  selection: Span;
  children: AssistSymbol[];
}

const MAX_SYMBOLS = 5000; // huge documents: the outline stays responsive

export function documentSymbols(doc: ParsedDoc, docType?: DocType): AssistSymbol[] {
  const budget = { left: MAX_SYMBOLS };
  const out: AssistSymbol[] = [];
  const fm = doc.frontMatter;
  if (fm) {
    const data = fm.data ?? {};
    const type = typeof data['type'] === 'string' ? (data['type'] as string) : docType?.type;
    const id = typeof data['id'] === 'string' || typeof data['id'] === 'number' ? String(data['id']) : undefined;
    const title = typeof data['title'] === 'string' ? (data['title'] as string) : '';
    const name = [type ?? 'front matter', id].filter(Boolean).join(' ');
    const base = fm.block.content.start;
    out.push({
      name,
      detail: title,
      kind: 'document',
      range: { start: fm.block.start, end: fm.block.closeFence ? fm.block.closeFence.end : fm.block.end },
      selection: fm.block.openFence,
      children: fm.yaml ? children(fm.yaml.contents, base, budget) : [],
    });
  }
  // A changelog's outline is its releases, each with its date and counts, then its change groups.
  out.push(...(docType?.type === CHANGELOG_TYPE ? changelogSymbols(doc) : headingTree(doc, budget)));
  return out;
}

function children(node: unknown, base: number, budget: { left: number }): AssistSymbol[] {
  const out: AssistSymbol[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (budget.left-- <= 0) break;
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const keyRange = key.range!;
      const end = value?.range ? value.range[1] : keyRange[1];
      out.push({
        name: String((pair.key as { value: unknown }).value),
        detail: isScalar(value)
          ? scalarText(value.value)
          : isSeq(value)
            ? `${value.items.length} item${value.items.length === 1 ? '' : 's'}`
            : '',
        kind: isMap(value) ? 'mapping' : isSeq(value) ? 'list' : 'key',
        range: { start: base + keyRange[0], end: base + Math.max(end, keyRange[1]) },
        selection: { start: base + keyRange[0], end: base + keyRange[1] },
        children: isMap(value) || isSeq(value) ? children(value, base, budget) : [],
      });
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (budget.left-- <= 0) break;
      const n = item as Node | null;
      if (!n?.range) continue;
      const span = { start: base + n.range[0], end: base + Math.max(n.range[1], n.range[0]) };
      // Mapping items are named by their first value (a metric's name), scalars by themselves.
      const first = isMap(n) ? n.items[0] : undefined;
      const label = isScalar(n) ? scalarText(n.value) : isPair(first) && isScalar(first.value) ? scalarText(first.value.value) : `[${i}]`;
      out.push({
        name: label || `[${i}]`,
        detail: isScalar(n) ? '' : `[${i}]`,
        kind: isMap(n) ? 'mapping' : 'item',
        range: span,
        selection: span,
        children: isMap(n) || isSeq(n) ? children(n, base, budget) : [],
      });
    }
  }
  return out;
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** Headings nested by level; each section runs to the next heading of the same or a higher level. */
function headingTree(doc: ParsedDoc, budget: { left: number }): AssistSymbol[] {
  const headings: Heading[] = [];
  walkBlocks(doc.root.children, (node) => {
    if (node.type === 'heading') headings.push(node);
  });
  const roots: AssistSymbol[] = [];
  const open: { depth: number; symbol: AssistSymbol }[] = [];
  const end = doc.text.length;
  for (const h of headings) {
    if (budget.left-- <= 0) break;
    const start = h.position?.start.offset;
    const headingEnd = h.position?.end.offset;
    if (start === undefined || headingEnd === undefined) continue;
    while (open.length && open[open.length - 1]!.depth >= h.depth) open.pop()!.symbol.range.end = trimEnd(doc.text, start);
    const symbol: AssistSymbol = {
      name: headingText(h) || '(untitled)',
      detail: '',
      kind: 'section',
      range: { start, end },
      selection: { start, end: headingEnd },
      children: [],
    };
    (open.length ? open[open.length - 1]!.symbol.children : roots).push(symbol);
    open.push({ depth: h.depth, symbol });
  }
  for (const o of open) o.symbol.range.end = trimEnd(doc.text, end);
  return roots;
}

/** A section ends before the blank lines that separate it from the next heading. */
function trimEnd(text: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}
