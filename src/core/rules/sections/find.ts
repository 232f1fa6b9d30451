// Finding a type's section in a document. A section normally is a top-level section of the outline
// (`## Non-goals`), but writers also nest one under another (`### Non-goals` inside `## Goals`, or
// `### Added` under `## Changes`): for "is it there?" both count; order and insertion use the top level.

import type { SectionSpec } from '../../doctypes/docType.js';
import { sectionAt, type Section } from '../../document/sections.js';
import { exactHeadingNames } from '../../doctypes/headingMatch.js';
import type { RuleContext } from '../rule.js';
import { matchesSpec } from './specs.js';

const nestedCache = new WeakMap<object, Section[]>();

/** Sections under headings deeper than the outline's section level, each up to the next heading of its depth or higher. */
export function nestedSections(ctx: RuleContext): Section[] {
  let list = nestedCache.get(ctx.doc);
  if (!list) {
    list = [];
    const children = ctx.doc.root.children;
    const depth = ctx.outline.sectionDepth;
    const textLength = ctx.doc.text.length;
    const exactNames = exactHeadingNames(ctx.docType);
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === 'heading' && node.depth > depth) list.push(sectionAt(children, i, textLength, exactNames));
    }
    nestedCache.set(ctx.doc, list);
  }
  return list;
}

/** Top-level sections of the document that match the spec, in document order. */
export const topLevelMatches = (ctx: RuleContext, spec: SectionSpec): Section[] =>
  ctx.outline.sections.filter((s) => matchesSpec(s.key, spec));

/** The first section matching the spec: a top-level one if any, else a nested one. */
export function findSection(ctx: RuleContext, spec: SectionSpec): Section | undefined {
  return topLevelMatches(ctx, spec)[0] ?? nestedSections(ctx).find((s) => matchesSpec(s.key, spec));
}

/** Every section (top-level and nested) matching the spec. */
export function findAllSections(ctx: RuleContext, spec: SectionSpec): Section[] {
  return [...topLevelMatches(ctx, spec), ...nestedSections(ctx).filter((s) => matchesSpec(s.key, spec))].sort((a, b) => a.start - b.start);
}
