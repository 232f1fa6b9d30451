// Given/When/Then scenarios read as setup → action → outcome. Checked in ```gherkin/```feature blocks
// anywhere in the document and in plain step lines of the acceptance-criteria section: When and Then
// present, no Given after When/Then, no When after Then, And/But never first, Outline with Examples,
// exactly one When block (a When step plus the And/But steps that continue it), at most 8 steps (option `maxSteps`).

import type { Span } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { findSection } from './sections/find.js';
import { codeBlockLines, gherkinBlocks, phases, proseBlocks, readScenarios, type Scenario, type Step } from '../document/gherkin.js';
import { specsWithRole } from './sections/specs.js';

const SHAPE = 'Given (setup), When (action), Then (outcome)';

export type GherkinOptions = {
  /** The most steps a scenario may have. */
  maxSteps: number;
};
/** "And when …" / "But when …": a continuation step that starts another action. */
const AND_WHEN = /^[*_]{0,3}(?:And|But)[*_]{0,3}\s+[*_]{0,3}when\b/i;

const rule: Rule<GherkinOptions> = {
  id: 'gherkin-malformed',
  description:
    'Given/When/Then scenarios are well-formed: When and Then present, steps in setup → action → outcome order, one When block, at most 8 steps, Outlines with Examples.',
  defaultSeverity: 'warning',
  defaultOptions: { maxSteps: 8 },
  check(ctx) {
    const text = ctx.doc.text;
    for (const block of gherkinBlocks(ctx.doc.root.children)) {
      for (const scenario of readScenarios([codeBlockLines(block, text)], true)) checkScenario(ctx, scenario);
    }
    for (const spec of specsWithRole(ctx.docType, 'acceptance-criteria')) {
      const section = findSection(ctx, spec);
      if (!section) continue;
      for (const scenario of readScenarios(proseBlocks(section.content, text), false)) checkScenario(ctx, scenario);
    }
  },
};

function checkScenario(ctx: RuleContext<GherkinOptions>, scenario: Scenario): void {
  const name = scenario.name
    ? `scenario '${scenario.name}'`
    : `the scenario on line ${ctx.doc.lines.pointAt((scenario.header ?? scenario.steps[0])?.start ?? 0).line}`;
  const anchor: Span | undefined = scenario.header ?? scenario.steps[0];
  if (!anchor) return;
  const kind = scenario.outline ? 'Scenario Outline' : 'Scenario';
  if (scenario.outline && !scenario.hasExamples) {
    ctx.report({
      ...anchor,
      message: `${kind} ${quoteName(scenario)}has no Examples: expected an 'Examples:' table with one row of values per run.`,
    });
  }
  if (!scenario.steps.length) {
    ctx.report({ ...anchor, message: `${capitalise(name)} has no steps: expected ${SHAPE}.` });
    return;
  }
  const effective = phases(scenario.steps);
  let seenWhen = false;
  let seenThen = false;
  let firstWhen: Step | undefined;
  scenario.steps.forEach((step, i) => {
    const phase = effective[i];
    if (i === 0 && (step.keyword === 'And' || step.keyword === 'But' || step.keyword === '*')) {
      ctx.report({ ...step, message: `'${step.keyword}' starts ${name}: expected a Given, When or Then step before it to continue.` });
    }
    if (step.keyword === 'Given' && (seenWhen || seenThen)) {
      ctx.report({ ...step, message: `'Given' after '${seenThen ? 'Then' : 'When'}' in ${name}: setup belongs before the action.` });
    }
    const whenAfterThen = step.keyword === 'When' && seenThen;
    if (whenAfterThen) {
      ctx.report({ ...step, message: `'When' after 'Then' in ${name}: the action belongs before the outcome.` });
    }
    // Exactly one When block: a second 'When' keyword (chained or after other steps) or an 'And when'
    // starts another action. A 'When' after a 'Then' is already reported above: one finding per step.
    const startsWhen =
      step.keyword === 'When' ||
      ((step.keyword === 'And' || step.keyword === 'But') && AND_WHEN.test(ctx.doc.text.slice(step.start, step.end)));
    if (startsWhen && firstWhen && !whenAfterThen) {
      ctx.report({
        ...step,
        message: `Another 'When' in ${name}: a scenario checks one action; make the actions one step or split the scenario.`,
        related: [{ start: firstWhen.start, end: firstWhen.end, message: "The scenario's first 'When'" }],
      });
    }
    if (startsWhen) firstWhen ??= step;
    if (i === ctx.options.maxSteps) {
      ctx.report({
        ...step,
        message: `${capitalise(name)} has ${scenario.steps.length} steps (at most ${ctx.options.maxSteps}): split it into scenarios that each check one behaviour.`,
      });
    }
    if (phase === 'When') seenWhen = true;
    if (phase === 'Then') seenThen = true;
  });
  const missing = [seenWhen ? '' : "'When'", seenThen ? '' : "'Then'"].filter(Boolean);
  if (missing.length) {
    ctx.report({ ...anchor, message: `${capitalise(name)} has no ${missing.join(' and no ')} step: expected ${SHAPE}.` });
  }
}

const quoteName = (s: Scenario): string => (s.name ? `'${s.name}' ` : '');
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export default rule;
