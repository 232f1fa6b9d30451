// The acceptance-criteria section holds at least one criterion: a Given/When/Then scenario (a
// ```gherkin block or step lines), a list or checklist item, or a table row. Without one, nobody can say
// when the story is done.

import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule } from './rule.js';
import { findSection } from './sections/find.js';
import { classify, codeBlockLines, gherkinBlocks, proseBlocks } from '../document/gherkin.js';
import { describeEmptiness, emptiness, sectionBodyText } from './sections/content.js';
import { excerpt } from '../document/blocks.js';
import { specsWithRole } from './sections/specs.js';
import { splitLines } from '../document/lines.js';
import { walkBlocks } from '../document/walk.js';

const EXPECTED = "a list item, a checklist item ('- [ ] …') or a Given/When/Then scenario";

const rule: Rule = {
  id: 'acceptance-criteria',
  description: 'The acceptance-criteria section holds at least one criterion: a list or checklist item, or a Given/When/Then scenario.',
  defaultSeverity: 'error',
  check(ctx) {
    const text = ctx.doc.text;
    for (const spec of specsWithRole(ctx.docType, 'acceptance-criteria')) {
      const section = findSection(ctx, spec);
      if (!section) continue; // required-section reports a missing one
      const e = emptiness(text, section, spec);
      // The template's own example scenario is a reminder to write one, as in every other section: empty-section's.
      if (e.kind === 'template') continue;
      if (e.kind !== 'content') {
        ctx.report({
          ...section.headingSpan,
          message: `The '${section.title}' section ${describeEmptiness(e)}: expected at least one acceptance criterion: ${EXPECTED}.`,
        });
        continue;
      }
      if (hasCriterion(section.content, text)) continue;
      const found = excerpt(sectionBodyText(text, section).replace(/<!--[^]*?-->/g, ''));
      ctx.report({
        ...section.headingSpan,
        message: `The '${section.title}' section holds no acceptance criterion (found '${found}'): expected ${EXPECTED}.`,
        actual: found,
      });
    }
  },
};

function hasCriterion(nodes: readonly RootContent[], text: string): boolean {
  if (gherkinBlocks(nodes).some((b) => codeBlockLines(b, text).some((l) => classify(l, true).kind !== 'other'))) return true;
  if (
    proseBlocks(nodes, text).some((block) =>
      block.some((l) => classify(l, false).kind !== 'other' || /^\s*(given|when)\b.*[,;]\s*then\b/i.test(l.text)),
    )
  )
    return true;
  return hasListItem(nodes) || nodes.some((n) => isTable(n, text));
}

/** A list item with any text, at any depth of the lists and block quotes. */
function hasListItem(nodes: readonly RootContent[]): boolean {
  let found = false;
  walkBlocks(nodes, (n) => {
    if (found) return false;
    if (n.type === 'listItem') found = toString(n).trim() !== '';
  });
  return found;
}

/** A pipe table (read as a paragraph, since the body parser skips GFM tables) with a row under its header. */
function isTable(node: Nodes, text: string): boolean {
  if (node.type !== 'paragraph') return false;
  const raw = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const rows = splitLines(raw).filter((l) => /^\s*\|/.test(l));
  return rows.length >= 3 && /^\s*\|?\s*:?-{3,}/.test(rows[1]!);
}

export default rule;
