// Reordering the top-level keys of a YAML front matter as text, so nothing but the order changes:
// each key keeps its value, its indented lines and the comment lines right above it (which belong to
// it, except above the first key, where they head the whole block); blank lines and comments before
// the first key and after the last stay where they are.

import type { TextEdit } from '../types.js';
import { withoutTrailingYamlComments } from '../document/trim.js';

interface Chunk {
  key: string;
  /** Offsets into the front matter content: from its leading comments to the end of its last line. */
  start: number;
  end: number;
}

// A top-level key line: not indented, not a comment, not a list item or document marker.
const KEY_LINE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#:'"\-?][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]|$)/;

/** The top-level key chunks of a front matter's YAML text, or undefined when its shape is unusual. */
export function keyChunks(yaml: string): Chunk[] | undefined {
  const lines = yaml.split(/(?<=\n)/);
  const chunks: Chunk[] = [];
  let offset = 0;
  let pendingComment: number | undefined; // start of comment lines right above the next key
  for (const line of lines) {
    const bare = line.replace(/\r?\n$/, '');
    const m = KEY_LINE.exec(bare);
    if (m) {
      const key = m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3]!.trim();
      const last = chunks[chunks.length - 1];
      if (last) last.end = pendingComment ?? offset;
      // Comments above the first key describe the whole block: they stay on top.
      chunks.push({ key, start: last ? (pendingComment ?? offset) : offset, end: offset + line.length });
      pendingComment = undefined;
    } else if (/^#/.test(bare)) {
      pendingComment ??= offset;
    } else if (bare.trim() === '') {
      pendingComment = undefined; // a blank line detaches the comments above it
    } else if (!/^[ \t]/.test(bare) && !/^-/.test(bare)) {
      return undefined; // flow mapping, directive or something else: leave it alone
    } else {
      pendingComment = undefined;
    }
    offset += line.length;
  }
  const last = chunks[chunks.length - 1];
  if (last) {
    // The last key runs to the end of its value, not over trailing blank lines and comments.
    let end = offset;
    const tail = yaml.slice(last.start, end);
    const trimmed = withoutTrailingYamlComments(tail);
    end = last.start + trimmed.length;
    if (yaml[end] === '\r') end++;
    if (yaml[end] === '\n') end++;
    last.end = Math.max(end, last.end);
  }
  return chunks;
}

/**
 * One edit that puts the listed keys in `order` (keys not listed keep their places), or undefined when
 * the text cannot be split safely. `contentStart` is the offset of the YAML text in the document.
 */
export function reorderKeysEdit(yaml: string, contentStart: number, order: readonly string[]): TextEdit | undefined {
  const chunks = keyChunks(yaml);
  if (!chunks || chunks.length < 2) return undefined;
  const rank = new Map(order.map((k, i) => [k, i]));
  const listedSlots = chunks.map((c, i) => (rank.has(c.key) ? i : -1)).filter((i) => i >= 0);
  const sorted = listedSlots.map((i) => chunks[i]!).sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  const placed = [...chunks];
  listedSlots.forEach((slot, i) => (placed[slot] = sorted[i]!));
  const text = (c: Chunk) => {
    const t = yaml.slice(c.start, c.end);
    return /\n$/.test(t) ? t : `${t}${yaml.includes('\r\n') ? '\r\n' : '\n'}`;
  };
  // Rebuild from the first chunk to the end of the last one; what lies between chunks (blank lines)
  // stays in its slot.
  let out = '';
  for (let i = 0; i < chunks.length; i++) {
    out += text(placed[i]!);
    const gapEnd = i + 1 < chunks.length ? chunks[i + 1]!.start : chunks[i]!.end;
    out += yaml.slice(chunks[i]!.end, gapEnd);
  }
  const start = chunks[0]!.start;
  const end = chunks[chunks.length - 1]!.end;
  const original = yaml.slice(start, end);
  if (!/\n$/.test(original)) out = out.replace(/\r?\n$/, '');
  return out === original ? undefined : { start: contentStart + start, end: contentStart + end, newText: out };
}
