// A launch's readiness checklist covers every area a launch can break (engineering, QA, support, docs,
// marketing, legal and privacy, accessibility, rollback), each area holds at least one `- [ ]` item,
// and every item names who owns it (an @handle, a group: or user: reference, or an email). Warnings:
// a small launch may skip an area on purpose — say so with a "(waived: reason)" item instead.

import { LAUNCH_AREAS } from '../doctypes/launchAreas.js';
import { excerpt } from '../document/blocks.js';
import type { Rule } from './rule.js';
import { launchChecklist, namesOwner } from './launch/checklist.js';

const rule: Rule = {
  id: 'launch-checklist',
  description:
    "A launch's readiness checklist has a sub-section for every area (engineering, QA, support, docs, marketing, legal and privacy, accessibility, rollback), each with items that name their owner.",
  defaultSeverity: 'warning',
  check(ctx) {
    const checklist = launchChecklist(ctx);
    if (!checklist) return;
    const present = new Set(checklist.areas.map((a) => a.area.id));
    const missing = LAUNCH_AREAS.filter((a) => !present.has(a.id));
    if (missing.length) {
      ctx.report({
        ...checklist.section.headingSpan,
        message: `The readiness checklist has no sub-section for ${list(missing.map((a) => `'${a.name}'`))}: add a '### ${missing[0]!.name}' heading with its items (or one item '(waived: reason)').`,
        expected: missing.map((a) => a.name),
      });
    }
    for (const heading of checklist.areas) {
      if (heading.items > 0) continue;
      ctx.report({
        ...heading.span,
        message: `Checklist area '${heading.area.name}' has no '- [ ]' item: list what must be true in this area before launch, each with its owner.`,
      });
    }
    for (const item of checklist.items) {
      if (namesOwner(item.text)) continue;
      ctx.report({
        start: item.start,
        end: item.end,
        message: `Checklist item '${excerpt(item.text, 60)}' names no owner: add who does it, e.g. '— @sam' or 'group:support'.`,
      });
    }
  },
};

function list(words: string[]): string {
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export default rule;
