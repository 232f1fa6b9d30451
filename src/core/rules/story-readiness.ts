// A story's status promises what the document does not hold (Definition of Ready / Done).
// - Ready or later (the type's `settledStatuses`: ready, in-progress, in-review, done): an `estimate` is
//   set, when the type's schema has that key. Reported on the status value, the word that promises it,
//   or on a `story_points`-like key the schema does not know (with a rename to `estimate`).
// - Done (the type's `doneStatuses`): every checklist item (`- [ ]`) of the acceptance-criteria section
//   is ticked; each unticked one is reported on its line.
// "At least one acceptance criterion" is not reported here: required-section (no section) and
// acceptance-criteria (a section without a criterion) already report it at every status, as errors.
// No other quick fix: which estimate is right, or whether a criterion really holds, is the team's call.

import type { DocType } from '../doctypes/docType.js';
import type { Rule, RuleContext } from './rule.js';
import { uncheckedItems } from '../document/checklist.js';
import { findAllSections } from './sections/find.js';
import { specsWithRole } from './sections/specs.js';
import { docNoun, settledState } from '../doctypes/settled.js';

const ESTIMATE = 'estimate';

const rule: Rule = {
  id: 'story-readiness',
  description: 'A story that is ready or later has an estimate, and one that is done has every acceptance-criteria checklist item ticked.',
  defaultSeverity: 'warning',
  check(ctx) {
    const docType = ctx.docType;
    const status = ctx.data['status'];
    if (!docType || typeof status !== 'string') return;
    if (settledState(docType, ctx.data) && estimateKnown(docType) && ctx.data[ESTIMATE] === undefined)
      missingEstimate(ctx, docType, status);
    const done = docType.doneStatuses;
    if (Array.isArray(done) && done.includes(status)) uncheckedCriteria(ctx, docType, status);
  },
};

/** The type's schema declares an `estimate` key (a workspace type without one is not asked for it). */
function estimateKnown(docType: DocType): boolean {
  const props = docType.schema['properties'];
  return !!props && typeof props === 'object' && ESTIMATE in props;
}

function missingEstimate(ctx: RuleContext, docType: DocType, status: string): void {
  const values = allowedEstimates(docType);
  const example = values.length ? (values.includes(3) ? 3 : values[Math.floor(values.length / 2)]!) : 3;
  const oneOf = values.length ? ` (one of ${values.join(', ')})` : '';
  // Going back is an option at the gate itself (ready); a story already in progress needs the estimate.
  const back =
    docType.reopenStatus && docType.settledStatuses?.[0] === status && !docType.settledStatuses.includes(docType.reopenStatus)
      ? ` or move it back to '${docType.reopenStatus}'`
      : '';
  const standIn = standInKey(ctx, docType);
  const keySpan = standIn && ctx.frontMatterSpan([standIn], 'key');
  if (standIn && keySpan) {
    // `story_points: 3`: the estimate is there under a name the schema does not know; say so where it is.
    ctx.report({
      ...keySpan,
      message: `This ${noun(docType)} is '${status}' but has no estimate: '${standIn}' is not read as one; rename it to '${ESTIMATE}'${oneOf}.`,
      expected: [ESTIMATE],
      actual: standIn,
      fixes: [{ title: `Rename to '${ESTIMATE}'`, edits: [{ ...keySpan, newText: ESTIMATE }], safe: false }],
    });
    return;
  }
  const span = ctx.frontMatterSpan(['status']) ?? ctx.frontMatterAnchor;
  ctx.report({
    ...span,
    message: `This ${noun(docType)} is '${status}' but has no estimate: add '${ESTIMATE}: ${example}'${oneOf}${back}.`,
    expected: values.map(String),
  });
}

// Names teams give story points; only read when the schema does not know the key (then it is unknown).
const STAND_IN = /^(?:story[ _-]?)?points?$|^sp$|^story[ _-]?size$|^size$|^estimat/i;

/** A top-level key the schema does not declare that holds the estimate under another name. */
function standInKey(ctx: RuleContext, docType: DocType): string | undefined {
  const props = docType.schema['properties'] as Record<string, unknown>;
  const keys = Object.keys(ctx.data).filter((k) => !(k in props) && !k.startsWith('x-') && STAND_IN.test(k));
  return keys.length === 1 ? keys[0] : undefined;
}

/** The schema's enum for `estimate`, when it lists plain numbers or words. */
function allowedEstimates(docType: DocType): (number | string)[] {
  const props = docType.schema['properties'] as Record<string, unknown>;
  const def = props[ESTIMATE];
  const list = def && typeof def === 'object' ? (def as Record<string, unknown>)['enum'] : undefined;
  return Array.isArray(list) && list.every((v) => typeof v === 'number' || typeof v === 'string') ? (list as (number | string)[]) : [];
}

function uncheckedCriteria(ctx: RuleContext, docType: DocType, status: string): void {
  const name = noun(docType);
  const where = docNoun(docType);
  const seen = new Set<number>();
  for (const spec of specsWithRole(docType, 'acceptance-criteria')) {
    for (const section of findAllSections(ctx, spec)) {
      for (const open of uncheckedItems(section.content, ctx.doc.text)) {
        if (seen.has(open.start)) continue; // a nested section is also inside its parent
        seen.add(open.start);
        ctx.report({
          start: open.start,
          end: open.end,
          message: `Acceptance criterion not ticked in ${where} marked '${status}': '${open.text}'; tick it ('[x]') once it is verified, or move the ${name} out of '${status}' while it does not hold.`,
          actual: open.text,
        });
      }
    }
  }
}

/** "user story", "task": the type's noun without its article. */
const noun = (docType: DocType): string => docNoun(docType).replace(/^an? /, '');

export default rule;
