// The document's sections: each heading at the section level with the nodes up to the next heading of
// the same or a higher level. Built once per document and shared by the body rules and the preview.

import type { Heading, Root, RootContent, Nodes } from 'mdast';
import type { Span } from '../types.js';
import { charsOrSpace, trimEndWhere } from './trim.js';

export interface Section extends Span {
  heading: Heading;
  /** The heading's text as written (inline markup and HTML comments dropped). */
  title: string;
  /** `title` normalised for matching: see normalizeHeading. */
  key: string;
  depth: number;
  /** Offsets of the heading itself. */
  headingSpan: Span;
  /** Nodes between this heading and the next heading of depth ≤ this one (subsections included). */
  content: RootContent[];
}

export interface DocOutline {
  /** The title heading: the first heading, when it is an H1 and the only one. */
  titleHeading?: Heading;
  /** Depth of the headings that form the sections (2 in the usual `# Title` + `## Section` layout). */
  sectionDepth: number;
  sections: Section[];
}

/**
 * The document's sections. `sectionLevel` (a type's `x-pmdocs.sectionLevel`) pins their heading level;
 * without it the level is read from the headings: the shallowest one after the title, except that H1s
 * appearing only after the first H2 (a stray `# Appendix` in a document whose title is in the front
 * matter) do not turn the H2 sections into sub-sections.
 */
export function outline(root: Root, textLength: number, sectionLevel?: number, exactNames?: ReadonlySet<string>): DocOutline {
  const headings = root.children.filter((n): n is Heading => n.type === 'heading');
  const h1s = headings.filter((h) => h.depth === 1);
  const titleHeading = h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : undefined;
  const rest = headings.filter((h) => h !== titleHeading);
  const sectionDepth = sectionLevel ?? readSectionDepth(rest);
  const sections: Section[] = [];
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'heading' || node === titleHeading || node.depth !== sectionDepth) continue;
    sections.push(sectionAt(children, i, textLength, exactNames));
  }
  return { titleHeading, sectionDepth, sections };
}

/** The section under the heading `children[i]`: the nodes up to the next heading of its depth or higher. */
export function sectionAt(children: readonly RootContent[], i: number, textLength: number, exactNames?: ReadonlySet<string>): Section {
  const node = children[i] as Heading;
  let j = i + 1;
  while (j < children.length && !(children[j]!.type === 'heading' && (children[j] as Heading).depth <= node.depth)) j++;
  const title = headingText(node);
  const start = node.position?.start.offset ?? 0;
  return {
    heading: node,
    title,
    key: sectionKey(title, exactNames),
    depth: node.depth,
    start,
    end: j < children.length ? (children[j]!.position?.start.offset ?? textLength) : textLength,
    headingSpan: { start, end: node.position?.end.offset ?? start },
    content: children.slice(i + 1, j),
  };
}

function readSectionDepth(rest: Heading[]): number {
  if (!rest.length) return 2;
  const shallowest = Math.min(...rest.map((h) => h.depth));
  return shallowest === 1 && rest[0]!.depth === 2 ? 2 : shallowest;
}

/** Plain text of a node, skipping HTML (comments such as `<!-- expect: … -->` or suppressions). */
export function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

export function headingText(heading: Heading): string {
  return plainText(heading).trim();
}

/**
 * Emoji code points as the inside of a character class (`u` flag), one list for every pattern that skips
 * emoji: pictographs plus the pieces emoji are built from (regional indicators, skin tones, variation
 * selector, joiner, keycap, tags).
 */
export const EMOJI_CLASS = String.raw`\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}\u{E0020}-\u{E007F}`;
// eslint-disable-next-line no-misleading-character-class -- one code point at a time on purpose: the pieces of a sequence all go
const EMOJI = new RegExp(`[${EMOJI_CLASS}]`, 'gu');

// Documents of a workspace repeat the same few headings ("Requirements", "Goals"): each short one is
// normalized once (bounded, for editors that run for days).
const normalized = new Map<string, string>();

/**
 * With exact heading matching (doctypes/headingMatch.ts), a heading not written exactly as an accepted
 * name gets its normalised key behind this mark: it then matches no section, and misspelt-section
 * checks can still see which name it was meant to be.
 */
const INEXACT = '\u0000';

/** The key a heading matches section names by; `exactNames` are the accepted names when matching is exact. */
export function sectionKey(title: string, exactNames?: ReadonlySet<string>): string {
  const key = normalizeHeading(title);
  return exactNames && !exactNames.has(title.trim()) ? INEXACT + key : key;
}

/** The normalised key of a heading that exact matching set aside, or undefined. */
export const inexactKey = (key: string): string | undefined => (key.startsWith(INEXACT) ? key.slice(INEXACT.length) : undefined);

/**
 * Heading text reduced to what identifies a section: lower case, no emoji, no leading numbering
 * ("3.", "3.2", "IV.", "3)"), no "(optional)" before or after, `&` read as "and", apostrophes dropped
 * ("Won't" = "wont"), other punctuation and dashes as spaces.
 */
export function normalizeHeading(text: string): string {
  if (text.length > 200) return normalizeUncached(text);
  let key = normalized.get(text);
  if (key === undefined) {
    if (normalized.size >= 4096) normalized.clear();
    normalized.set(text, (key = normalizeUncached(text)));
  }
  return key;
}

const HEADING_TAIL = charsOrSpace(':.;,!?*_-');
const BEFORE_OPTIONAL = charsOrSpace(':-');
const isSpace = charsOrSpace('');

/** "Rollout (optional)", "Risks [optional]": the heading without its optional marker (trimmed by index: trim.ts). */
function withoutOptionalEnd(text: string): string {
  const t = trimEndWhere(text, isSpace);
  const close = t.at(-1);
  if (close !== ')' && close !== ']') return text;
  const open = Math.max(t.lastIndexOf('('), t.lastIndexOf('['));
  if (open < 0 || t.slice(open + 1, -1).trim() !== 'optional') return text;
  return trimEndWhere(t.slice(0, open), BEFORE_OPTIONAL);
}

function normalizeUncached(text: string): string {
  return withoutOptionalEnd(trimEndWhere(text.replace(EMOJI, ' ').toLowerCase(), HEADING_TAIL))
    .replace(/^\s*[([]\s*optional\s*[)\]][\s:-]*/, '')
    .replace(/^\s*\d+(?:\.\d+)*[.)]\s*/, '')
    .replace(/^\s*[ivxlc]+[.)]\s+/, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[’'‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
