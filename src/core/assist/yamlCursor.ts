// Where the cursor is in the front matter, for completion: typing a key of some mapping, or a value of
// some key (or a list item). Read from the lines and their indentation, not from the YAML parser,
// because while someone types the front matter is often not valid YAML (`sta` with no colon yet).
// Block style is understood fully; flow lists only on the cursor's own line (`tags: [a, |]`).

import type { Span } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';

export type YamlPath = (string | number)[];

interface Common {
  /** What the completion replaces: the partial word or value around the cursor, on one line. */
  replace: Span;
  /** The text typed so far in `replace`, up to the cursor. */
  typed: string;
  /** Columns the key or item starts at, relative to the line's leading whitespace (for multi-line inserts). */
  extraIndent: string;
}

export interface KeyContext extends Common {
  kind: 'key';
  /** Path of the mapping the key belongs to. */
  path: YamlPath;
  /** Keys that mapping has already (before and after the cursor). */
  present: string[];
  /** The rest of the line already holds `: value`: only the name is replaced. */
  nameOnly: boolean;
}

export interface ValueContext extends Common {
  kind: 'value';
  /** Path of the value: the key's path, plus an index for a list item. */
  path: YamlPath;
  /** The key the value belongs to (the list's key for an item). */
  key: string | number;
  /** The cursor is right after `key:` with no space: inserted values need a leading space. */
  needsSpace: boolean;
  /** Items already in the list, for a list item. */
  siblings: string[];
}

export type CursorContext = KeyContext | ValueContext;

interface Line {
  start: number;
  end: number;
  text: string;
}

interface Container {
  kind: 'map' | 'seq';
  /** Column of the keys (map) or of the dashes (seq). */
  col: number;
  /** Map: the key whose value is being read now. Seq: the item index. */
  key?: string;
  index: number;
  keys: string[];
  items: string[];
}

const KEY_LINE = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?))[ \t]*:(?=[ \t]|$)/;

/** The context at `offset`, or undefined when it is not inside the front matter's YAML (or is in a comment). */
export function cursorContext(doc: ParsedDoc, offset: number): CursorContext | undefined {
  const fm = doc.frontMatter;
  if (!fm || (fm.block.language !== 'yaml' && fm.block.language !== 'yml')) return undefined;
  const { content } = fm.block;
  if (offset < content.start || offset > content.end || (offset === content.end && fm.block.closeFence)) return undefined;
  const text = doc.text;
  const lines = splitLines(text, content.start, content.end);
  const cursorLine = lines.findIndex((l) => offset >= l.start && offset <= l.end);
  if (cursorLine < 0) return undefined;
  const line = lines[cursorLine]!;
  const before = line.text.slice(0, offset - line.start);
  if (inComment(before)) return undefined;

  // Walk every line keeping the stack of open block containers; read it at the cursor's line.
  const stack: Container[] = [];
  let blockScalarCol = -1;
  let found: Described | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const isCursor = i === cursorLine;
    const source = isCursor ? before : l.text;
    const indent = /^[ \t]*/.exec(source)![0].length;
    if (blockScalarCol >= 0) {
      if (!source.trim() || indent > blockScalarCol) {
        if (isCursor) return undefined; // typing inside a block scalar
        continue;
      }
      blockScalarCol = -1;
    }
    if (!isCursor && (!source.trim() || source.trimStart().startsWith('#'))) continue;
    // Dashes: each one opens (or continues) a list.
    let col = indent;
    let rest = source.slice(indent);
    for (let m = /^-(?:[ \t]+|$)/.exec(rest); m; m = /^-(?:[ \t]+|$)/.exec(rest)) {
      if (isCursor && m[0].length === rest.length && !/[ \t]$/.test(m[0])) break; // a lone "-" being typed
      enterItem(stack, col);
      col += m[0].length;
      rest = rest.slice(m[0].length);
    }
    const keyMatch = KEY_LINE.exec(rest);
    if (isCursor) {
      found = describe(stack, line, col, rest, keyMatch, before, text, offset);
      if (!found) return undefined;
      continue;
    }
    if (!keyMatch) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'seq' && col > top.col && rest.trim()) top.items.push(unquote(rest.replace(/\s+#.*$/, '').trim()));
      continue;
    }
    enterKey(stack, col, unquote(keyMatch[1]!));
    const value = rest.slice(keyMatch[0].length).trim();
    if (/^[|>][0-9+-]*(\s+#.*)?$/.test(value)) blockScalarCol = col;
  }
  if (!found) return undefined;
  // The container's keys and items now include those after the cursor too.
  const { context, container } = found;
  if (context.kind === 'key' && container) context.present = container.keys.filter((k) => k !== SENTINEL);
  if (context.kind === 'value' && container && !context.siblings.length) context.siblings = container.items;
  return context;
}

const SENTINEL = '\u0000';

interface Described {
  context: CursorContext;
  /** The map (key context) or list (item context) at the cursor, still filled by the lines after it. */
  container?: Container;
}

function describe(
  stack: Container[],
  line: Line,
  col: number,
  rest: string,
  keyMatch: RegExpExecArray | null,
  before: string,
  text: string,
  offset: number,
): Described | undefined {
  const lineIndent = /^[ \t]*/.exec(line.text)![0].length;
  const extraIndent = ' '.repeat(Math.max(0, col - lineIndent));
  const after = text.slice(offset, line.end);
  if (keyMatch) {
    // `key: val|` — the value of `key`.
    const key = unquote(keyMatch[1]!);
    const map = enterKey(stack, col, key);
    map.key = key;
    const path = pathOf(stack);
    const valueSoFar = rest.slice(keyMatch[0].length);
    const needsSpace = valueSoFar.length === 0;
    const lead = /^[ \t]*/.exec(valueSoFar)![0].length;
    const typedValue = valueSoFar.slice(lead);
    const valueStart = offset - typedValue.length;
    const flow = /^\[([^\]]*)$/.exec(typedValue);
    if (flow) {
      // `tags: [a, b|` — an item of a flow list.
      const items = flow[1]!.split(',');
      const current = items.pop()!.replace(/^\s+/, '');
      const siblings = items.map((s) => unquote(s.trim())).filter(Boolean);
      const tail = /^[^,\]#]*/.exec(after)![0].replace(/\s+$/, '');
      return {
        context: {
          kind: 'value',
          path: [...path, siblings.length],
          key,
          needsSpace: false,
          siblings,
          typed: current,
          replace: { start: offset - current.length, end: offset + tail.length },
          extraIndent,
        },
      };
    }
    if (/^[[{]/.test(typedValue)) return undefined;
    const tail = /^(?:[^#]|#(?<=\S#))*/.exec(after)![0].replace(/\s+$/, '');
    return {
      context: {
        kind: 'value',
        path,
        key,
        needsSpace,
        siblings: [],
        typed: typedValue,
        replace: { start: valueStart, end: offset + tail.length },
        extraIndent,
      },
    };
  }
  if (/[:#]/.test(rest) || (/^["']/.test(rest) && !/^(["'])[^"']*$/.test(rest))) return undefined;
  const top = stack[stack.length - 1];
  const wordAfter = /^[^\s:#]*/.exec(after)![0];
  const replace = { start: offset - rest.length, end: offset + wordAfter.length };
  if (top?.kind === 'seq' && top.col < col && col - top.col <= 4 && isItemStart(before, top.col)) {
    // `- ab|`: an item of a list (a scalar, or the first key of a mapping item: the caller decides).
    const path = pathOf(stack);
    return {
      context: { kind: 'value', path, key: top.index, needsSpace: false, siblings: [], typed: rest, replace, extraIndent },
      container: top,
    };
  }
  // Typing a key: the mapping is the open one at this column (or a new one nested under the last key).
  const nameOnly = /^[^\s:#]*[ \t]*:/.test(after);
  const map = enterKey(stack, col, SENTINEL);
  map.key = undefined;
  const path = pathOf(stack);
  return { context: { kind: 'key', path, present: [], nameOnly, typed: rest, replace, extraIndent }, container: map };
}

function isItemStart(before: string, dashCol: number): boolean {
  return /^-[ \t]+/.test(before.slice(dashCol)) && !/^-[ \t]+-/.test(before.slice(dashCol));
}

/** A list item at `col`: a new list, or the next item of the list there. */
function enterItem(stack: Container[], col: number): void {
  while (
    stack.length &&
    (stack[stack.length - 1]!.col > col ||
      (stack[stack.length - 1]!.col === col && stack[stack.length - 1]!.kind === 'map' && stack[stack.length - 1]!.key === undefined))
  )
    stack.pop();
  const top = stack[stack.length - 1];
  if (top?.kind === 'seq' && top.col === col) {
    top.index++;
    return;
  }
  // `key:` followed by `- item` at the same column is a list too (YAML allows it).
  stack.push({ kind: 'seq', col, index: 0, keys: [], items: [] });
}

/** A key at `col`: the map there (or a new nested one); returns it with the key recorded. */
function enterKey(stack: Container[], col: number, key: string): Container {
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.col > col || (top.kind === 'seq' && top.col >= col)) stack.pop();
    else break;
  }
  let top = stack[stack.length - 1];
  if (!top || top.kind !== 'map' || top.col !== col) {
    top = { kind: 'map', col, index: 0, keys: [], items: [] };
    stack.push(top);
  }
  if (!top.keys.includes(key)) top.keys.push(key);
  top.key = key;
  return top;
}

/** The path of the innermost container's current slot. */
function pathOf(stack: Container[]): YamlPath {
  const path: YamlPath = [];
  for (let i = 0; i < stack.length - 1; i++) {
    const c = stack[i]!;
    if (c.kind === 'map') path.push(c.key ?? '');
    else path.push(c.index);
  }
  const last = stack[stack.length - 1];
  if (last?.kind === 'map' && last.key !== undefined && last.key !== SENTINEL) path.push(last.key);
  if (last?.kind === 'seq') path.push(last.index);
  return path;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '\n' || text[i] === '\r') {
      out.push({ start, end: i, text: text.slice(start, i) });
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
      if (i >= to) break;
    }
  }
  return out;
}

/** A `#` that starts a comment: at the start or after whitespace, outside quotes. */
function inComment(before: string): boolean {
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[,{-]/.test(before[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]!))) return true;
  }
  return false;
}

function unquote(s: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(s)) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (/^'(?:[^']|'')*'$/.test(s)) return s.slice(1, -1).replace(/''/g, "'");
  return s.trim();
}
