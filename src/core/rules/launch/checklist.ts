// The readiness checklist of a launch as rules read it: the section whose role is `launch-checklist`,
// its sub-sections grouped by area (a sub-heading the area list does not know belongs to no area), and
// every `- [ ]`/`- [x]` item with the area it sits under.

import type { Heading, ListItem, Nodes, RootContent } from 'mdast';
import { areaForHeading, type LaunchArea } from '../../doctypes/launchAreas.js';
import { normalizeHeading, plainText, headingText, type Section } from '../../document/sections.js';
import type { Span } from '../../types.js';
import type { RuleContext } from '../rule.js';
import { findSection } from '../sections/find.js';
import { specsWithRole } from '../sections/specs.js';

export interface ChecklistItem extends Span {
  checked: boolean;
  /** The item's first line as written (for messages and the owner check). */
  text: string;
  area?: LaunchArea;
}

export interface AreaHeading {
  area: LaunchArea;
  span: Span;
  items: number;
}

export interface LaunchChecklist {
  section: Section;
  areas: AreaHeading[];
  items: ChecklistItem[];
}

export function launchChecklist(ctx: RuleContext): LaunchChecklist | undefined {
  const spec = specsWithRole(ctx.docType, 'launch-checklist')[0];
  const section = spec && findSection(ctx, spec);
  if (!section) return undefined;
  const areas: AreaHeading[] = [];
  const items: ChecklistItem[] = [];
  let current: AreaHeading | undefined;
  for (const node of section.content) {
    if (node.type === 'heading') {
      const area = areaForHeading(normalizeHeading(headingText(node as Heading)));
      current = area ? { area, span: spanOf(node), items: 0 } : undefined;
      if (current) areas.push(current);
      continue;
    }
    collect(node, ctx.doc.text, (item) => {
      items.push({ ...item, area: current?.area });
      if (current) current.items++;
    });
  }
  return { section, areas, items };
}

function collect(node: RootContent | Nodes, source: string, push: (item: Omit<ChecklistItem, 'area'>) => void): void {
  if (node.type === 'listItem' && typeof node.checked === 'boolean') push(itemOf(node, source));
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')
    for (const c of node.children as Nodes[]) collect(c, source, push);
}

function itemOf(item: ListItem, source: string): Omit<ChecklistItem, 'area'> {
  const start = item.position?.start.offset ?? 0;
  let end = start;
  while (end < source.length && source[end] !== '\n' && source[end] !== '\r') end++;
  const line = source
    .slice(start, end)
    .replace(/(?:\s*<!--.*?-->)+\s*$/, '')
    .trimEnd();
  const box = line.search(/\[[ xX]\]/);
  const from = box >= 0 ? start + box : start;
  const first = item.children[0];
  return {
    start: from,
    end: Math.max(from + 1, start + line.length),
    checked: item.checked === true,
    text: first ? plainText(first).trim() : '',
  };
}

function spanOf(node: RootContent): Span {
  const start = node.position?.start.offset ?? 0;
  return { start, end: node.position?.end.offset ?? start };
}

/** "(waived: reason)" on an item: deliberately not done, with a reason. */
export const isWaived = (text: string): boolean => /\(\s*waived\s*:\s*\S[^)]*\)/i.test(text);

/** An owner named on the item: @handle, user:/group: reference or an email address. */
export const namesOwner = (text: string): boolean =>
  /(?:^|[\s(,;—–-])@[A-Za-z0-9][A-Za-z0-9._-]*|\b(?:user|group):[A-Za-z0-9][A-Za-z0-9._-]*|[^\s@]+@[^\s@]+\.[^\s@]+/.test(text);
