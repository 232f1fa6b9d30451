// The story section holds the role/goal/benefit sentence: "As a <role>, I want <goal>, so that <benefit>"
// (want/need/can; commas optional; emphasis allowed). A statement without "so that" or with the bare
// role "user" is still a story, so those two get an info finding; no statement at all is a warning.
// Options: `benefit` (required | recommended | optional) and `genericRoles` (a word list).

import type { Rule, RuleContext } from './rule.js';
import type { Section } from '../document/sections.js';
import { findSection } from './sections/find.js';
import { flattenInline, spanOf, type FlatText } from '../document/inlineText.js';
import { emptiness, describeEmptiness, sectionBodyText, templateReminder } from './sections/content.js';
import { excerpt, paragraphsIn } from '../document/blocks.js';
import { specsWithRole } from './sections/specs.js';
import { resolveWordList, type WordListOption } from '../config/wordList.js';

export type StoryStatementOptions = {
  /** required: a missing "so that" is reported at the rule's severity; recommended: as info; optional: not at all. */
  benefit: 'required' | 'recommended' | 'optional';
  /** Roles too vague to say whose need it is. */
  genericRoles?: WordListOption;
};

const GENERIC_ROLES = ['user', 'users'];

const SHAPE = "'As a <role>, I want <goal>, so that <benefit>.'";

// Role up to the comma or "I want"; goal lazily up to "so that" or the end of the sentence. The parts
// have length caps so a long paragraph full of "as a" cannot make matching quadratic.
const STATEMENT =
  /\bas\s+an?\s+([^,\n]{0,80}?[^\s,])\s*,?\s+I\s+(?:want|need|can)\b([^]{0,1000}?)(?:,?\s+so\s+that\b([^]{0,1000}?))?(?=[.!?](?:\s|$)|\n\s*\n|$)/giu;
const PLACEHOLDER = /<[^<>\n]{1,60}>/;

interface Statement {
  flat: FlatText;
  index: number;
  length: number;
  role: { text: string; from: number };
  goal: string;
  benefit?: string;
}

const rule: Rule<StoryStatementOptions> = {
  id: 'user-story-statement',
  description: "The story section says who wants what and why: 'As a <role>, I want <goal>, so that <benefit>.'",
  defaultSeverity: 'warning',
  defaultOptions: { benefit: 'recommended' },
  check(ctx) {
    for (const spec of specsWithRole(ctx.docType, 'story')) {
      const section = findSection(ctx, spec);
      if (!section) continue; // required-section reports a missing one
      const e = emptiness(ctx.doc.text, section, spec);
      if (e.kind !== 'content') {
        const reminder = e.kind === 'template' ? templateReminder(ctx) : { note: '' };
        ctx.report({
          ...section.headingSpan,
          ...(reminder.severity ? { severity: reminder.severity } : {}),
          message: `The '${section.title}' section ${describeEmptiness(e)}${reminder.note}: expected a user story statement, ${SHAPE}`,
        });
        continue;
      }
      checkSection(ctx, section);
    }
  },
};

function checkSection(ctx: RuleContext<StoryStatementOptions>, section: Section): void {
  const statements = findStatements(ctx.doc.text, section);
  if (!statements.length) {
    const found = excerpt(sectionBodyText(ctx.doc.text, section).replace(/<!--[^]*?-->/g, ''));
    ctx.report({
      ...section.headingSpan,
      message: `The '${section.title}' section has no user story statement (found '${found}'): expected a sentence like ${SHAPE}`,
      expected: ['As a <role>, I want <goal>, so that <benefit>.'],
      actual: found,
    });
    return;
  }
  const generic = new Set(resolveWordList(ctx.options.genericRoles, GENERIC_ROLES).map((w) => w.toLowerCase()));
  for (const s of statements) {
    const whole = spanOf(s.flat, s.index, s.index + s.length);
    const quoted = excerpt(s.flat.text.slice(s.index, s.index + s.length), 70);
    const placeholder = PLACEHOLDER.exec(`${s.role.text} ${s.goal} ${s.benefit ?? ''}`);
    if (placeholder) {
      ctx.report({
        ...whole,
        message: `The user story statement still has the template placeholder '${placeholder[0]}': replace it with the real role, goal and benefit.`,
      });
      continue;
    }
    const benefit = ctx.options.benefit;
    if ((s.benefit === undefined || !s.benefit.trim()) && benefit !== 'optional') {
      ctx.report({
        ...whole,
        ...(benefit === 'required' ? {} : { severity: 'info' as const }),
        message: `The user story statement has no benefit (found '${quoted}'): expected '…, so that <benefit>' saying why it matters.`,
        actual: quoted,
      });
    }
    if (generic.has(s.role.text.replace(/[*_`]/g, '').trim().toLowerCase())) {
      ctx.report({
        ...spanOf(s.flat, s.role.from, s.role.from + s.role.text.length),
        severity: 'info',
        message: `The story's role is just '${s.role.text}': name a specific user type (for example 'billing admin' or 'first-time buyer') so the team knows whose need this is.`,
        actual: s.role.text,
      });
    }
  }
}

function findStatements(text: string, section: Section): Statement[] {
  const out: Statement[] = [];
  for (const paragraph of paragraphsIn(section.content)) {
    const flat = flattenInline(paragraph, text);
    for (const m of flat.text.matchAll(STATEMENT)) {
      const roleText = m[1]!;
      const roleFrom = m.index! + m[0].indexOf(roleText, 2);
      out.push({
        flat,
        index: m.index!,
        length: m[0].trimEnd().length,
        role: { text: roleText, from: roleFrom },
        goal: m[2] ?? '',
        benefit: m[3],
      });
    }
  }
  return out;
}

export default rule;
