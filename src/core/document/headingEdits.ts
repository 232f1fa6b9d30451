// Edits on an existing heading: rename its words (keeping numbering, emoji, "(optional)" and trailing
// comments such as suppressions) and change its level (keeping the levels of its subheadings relative).

import type { Heading, Nodes, Text } from 'mdast';
import { EMOJI_CLASS, normalizeHeading, type Section } from './sections.js';
import type { TextEdit } from '../types.js';

// What normalizeHeading drops around the words, as written in the source.
const LEAD = new RegExp(`^(?:[\\s${EMOJI_CLASS}]|[([]\\s*optional\\s*[)\\]][\\s:-]*|\\d+(?:\\.\\d+)*[.)]?\\s+|[ivxlc]+[.)]\\s+)*`, 'iu');
const TRAIL_CHAR = new RegExp(`^[\\s:.;,!?*_${EMOJI_CLASS}-]$`, 'u');
const OPTIONAL = /^\s*optional\s*$/i;

/**
 * The length of what normalizeHeading drops at the end of `raw`: the characters of TRAIL_CHAR and
 * "(optional)" markers. Read from the end one character (code point) at a time, not with a `(…)*$`
 * regex, which retries at every character of a run that does not reach the end (quadratic: a heading
 * with 40,000 spaces before its last word took 5 s).
 */
function trailLength(raw: string): number {
  let end = raw.length;
  while (end > 0) {
    const low = raw.charCodeAt(end - 1);
    const pair = end > 1 && low >= 0xdc00 && low <= 0xdfff && raw.charCodeAt(end - 2) >= 0xd800 && raw.charCodeAt(end - 2) <= 0xdbff;
    const unit = raw.slice(end - (pair ? 2 : 1), end);
    if (TRAIL_CHAR.test(unit)) {
      end -= unit.length;
      continue;
    }
    if (unit !== ')' && unit !== ']') break;
    const open = Math.max(raw.lastIndexOf('(', end - 2), raw.lastIndexOf('[', end - 2));
    if (open < 0 || !OPTIONAL.test(raw.slice(open + 1, end - 1))) break;
    end = open;
  }
  return raw.length - end;
}

/** Replaces the words of a heading with `name`; undefined when the heading has no text to replace. */
export function renameHeadingEdit(source: string, heading: Heading, name: string): TextEdit | undefined {
  const words = textNodes(heading).filter((t) => normalizeHeading(t.value) !== '');
  if (words.length === 1) {
    // The usual case (`## 3. Non-gaols (optional)`, `## **Non-gaols**`): keep what surrounds the words.
    const start = words[0]!.position?.start.offset;
    const end = words[0]!.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    const raw = source.slice(start, end);
    const lead = LEAD.exec(raw)?.[0].length ?? 0;
    const trail = trailLength(raw.slice(lead));
    if (lead < raw.length - trail) return { start: start + lead, end: end - trail, newText: name };
    return { start, end, newText: name };
  }
  // Words split over several pieces of markup: replace everything but trailing HTML comments.
  const content = heading.children.filter((c, i, all) => !(c.type === 'html' && all.slice(i).every((n) => n.type === 'html')));
  const start = content[0]?.position?.start.offset;
  let end = content[content.length - 1]?.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  return { start, end, newText: name };
}

function textNodes(node: Nodes): Text[] {
  if (node.type === 'text') return [node];
  return 'children' in node ? (node.children as Nodes[]).flatMap(textNodes) : [];
}

const ATX = /^[ \t]{0,3}(#{1,6})(?=[ \t]|\r|\n|$)/;

/** Sets an ATX heading to `depth` and shifts its subheadings by as much; undefined for setext headings. */
export function headingLevelEdits(source: string, section: Section, depth: number): TextEdit[] | undefined {
  const shift = depth - section.depth;
  const own = hashesEdit(source, section.heading, depth);
  if (!own) return undefined;
  const edits = [own];
  for (const node of section.content) {
    if (node.type !== 'heading') continue;
    const edit = hashesEdit(source, node, Math.min(6, Math.max(1, node.depth + shift)));
    if (edit) edits.push(edit);
  }
  return edits;
}

function hashesEdit(source: string, heading: Heading, depth: number): TextEdit | undefined {
  const at = heading.position?.start.offset;
  if (at === undefined) return undefined;
  const m = ATX.exec(source.slice(at, at + 12));
  if (!m) return undefined;
  const start = at + m[0].length - m[1]!.length;
  return { start, end: start + m[1]!.length, newText: '#'.repeat(depth) };
}
