// Given/When/Then scenarios read as setup → action → outcome. Checked in ```gherkin/```feature blocks
// anywhere in the document and in plain step lines of the acceptance-criteria section: When and Then
// present, no Given after When/Then, no When after Then, And/But never first, Outline with Examples.

import type { Span } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { findSection } from './util/findSections.js';
import { codeBlockLines, gherkinBlocks, phases, proseBlocks, readScenarios, type Scenario } from './util/gherkin.js';
import { specsWithRole } from './util/sectionSpecs.js';

const SHAPE = 'Given (setup), When (action), Then (outcome)';

const rule: Rule = {
  id: 'gherkin-malformed',
  description: 'Given/When/Then scenarios are well-formed: When and Then present, steps in setup → action → outcome order, Outlines with Examples.',
  defaultSeverity: 'warning',
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

function checkScenario(ctx: RuleContext, scenario: Scenario): void {
  const name = scenario.name
    ? `scenario '${scenario.name}'`
    : `the scenario on line ${ctx.doc.lines.pointAt((scenario.header ?? scenario.steps[0])?.start ?? 0).line}`;
  const anchor: Span | undefined = scenario.header ?? scenario.steps[0];
  if (!anchor) return;
  const kind = scenario.outline ? 'Scenario Outline' : 'Scenario';
  if (scenario.outline && !scenario.hasExamples) {
    ctx.report({ ...anchor, message: `${kind} ${quoteName(scenario)}has no Examples: expected an 'Examples:' table with one row of values per run.` });
  }
  if (!scenario.steps.length) {
    ctx.report({ ...anchor, message: `${capitalise(name)} has no steps: expected ${SHAPE}.` });
    return;
  }
  const effective = phases(scenario.steps);
  let seenWhen = false;
  let seenThen = false;
  scenario.steps.forEach((step, i) => {
    const phase = effective[i];
    if (i === 0 && (step.keyword === 'And' || step.keyword === 'But' || step.keyword === '*')) {
      ctx.report({ ...step, message: `'${step.keyword}' starts ${name}: expected a Given, When or Then step before it to continue.` });
    }
    if (step.keyword === 'Given' && (seenWhen || seenThen)) {
      ctx.report({ ...step, message: `'Given' after '${seenThen ? 'Then' : 'When'}' in ${name}: setup belongs before the action.` });
    }
    if (step.keyword === 'When' && seenThen) {
      ctx.report({ ...step, message: `'When' after 'Then' in ${name}: the action belongs before the outcome.` });
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
