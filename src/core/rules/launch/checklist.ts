// The readiness checklist of a launch as rules read it: the section whose role is `launch-checklist`,
// its sub-sections grouped by area (a sub-heading the area list does not know belongs to no area), and
// every `- [ ]`/`- [x]` item with the area it sits under.

import type { Heading, ListItem, RootContent } from 'mdast';
import { areaForHeading, type LaunchArea } from '../../doctypes/launchAreas.js';
import { normalizeHeading, plainText, headingText, type Section } from '../../document/sections.js';
import type { Span } from '../../types.js';
import type { RuleContext } from '../rule.js';
import { findSection } from '../sections/find.js';
import { specsWithRole } from '../sections/specs.js';
import { itemLineSpan, taskItems } from '../../document/checklist.js';

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
    taskItems([node], (item) => {
      items.push({ ...itemOf(item, ctx.doc.text), area: current?.area });
      if (current) current.items++;
    });
  }
  return { section, areas, items };
}

function itemOf(item: ListItem, source: string): Omit<ChecklistItem, 'area'> {
  const first = item.children[0];
  return {
    ...(itemLineSpan(item, source) ?? { start: 0, end: 1 }),
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
