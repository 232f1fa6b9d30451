// story-readiness (a ready-or-later story has an estimate, a done story has its checklist criteria
// ticked) and goal-unmeasurable (goals and success metrics carry a number or an explicit target):
// exact ranges, messages, what stays quiet, workspace types.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, configWith, doc, findingsOf, fixture, lint, PRD_FM, STORY_FM, workspaceType } from './rules-helpers.js';
import { measure, measureTarget } from '../../src/core/rules/heuristics/measurable.js';
import type { Finding } from '../../src/core/types.js';

const READY = 'story-readiness';
const GOAL = 'goal-unmeasurable';

const shown = (text: string, found: Finding[]) =>
  found.map((f) => [`${f.line}:${f.column}-${f.endLine}:${f.endColumn}`, text.slice(f.start, f.end), f.message]);

const POINTS = '(one of 0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100)';
const STORY_BODY = (criteria = '- [ ] One row per invoice.\n- [x] Amounts use a dot.') =>
  `# Export\n\n## Story\n\nAs a bookkeeper, I want a CSV export, so that I can import my invoices.\n\n## Acceptance criteria\n\n${criteria}\n`;
const story = (status: string, fm = '', criteria?: string) =>
  doc(`${STORY_FM.replace('status: draft', `status: ${status}`)}${fm}`, STORY_BODY(criteria));
// Lines: front matter 1-6 (status on 5) + extra fm lines; with no extra lines the criteria start on line 16.

// ---------------------------------------------------------------------------------------------------
// story-readiness: the estimate

test('story-readiness: a ready story without an estimate, on the status value, with the way back to draft', () => {
  const text = story('ready');
  assert.deepEqual(shown(text, findingsOf(READY, text)), [
    ['5:9-5:14', 'ready', `This user story is 'ready' but has no estimate: add 'estimate: 3' ${POINTS} or move it back to 'draft'.`],
  ]);
  assert.equal(findingsOf(READY, text)[0]!.severity, 'warning');
});

test('story-readiness: later statuses need the estimate too, without the way back; drafts, blocked and dropped stories do not', () => {
  for (const status of ['in-progress', 'in-review']) {
    assert.deepEqual(
      findingsOf(READY, story(status)).map((f) => f.message),
      [`This user story is '${status}' but has no estimate: add 'estimate: 3' ${POINTS}.`],
      status,
    );
  }
  assert.deepEqual(
    findingsOf(READY, story('done', '', '- [x] One row per invoice.')).map((f) => f.message),
    [`This user story is 'done' but has no estimate: add 'estimate: 3' ${POINTS}.`],
  );
  for (const status of ['draft', 'blocked', 'wont-do']) assert.deepEqual(findingsOf(READY, story(status)), [], status);
});

test("story-readiness: any estimate value counts as set; a wrong or empty one is frontmatter-schema's finding", () => {
  assert.deepEqual(findingsOf(READY, story('ready', '\nestimate: 0')), []);
  for (const bad of ['estimate: 4', 'estimate:', 'estimate: "five"']) {
    const found = lint(story('ready', `\n${bad}`));
    assert.deepEqual(
      found.filter((f) => f.ruleId === READY),
      [],
      bad,
    );
    assert.deepEqual(
      found.filter((f) => f.ruleId === 'frontmatter-schema').map((f) => f.line),
      [6],
      bad,
    );
  }
});

test('story-readiness: no acceptance criterion in a ready story is reported once, by acceptance-criteria (or required-section)', () => {
  const empty = story('ready', '\nestimate: 3', 'It should work well.');
  assert.deepEqual(
    lint(empty).map((f) => `${f.line} ${f.ruleId}`),
    ['15 acceptance-criteria'],
  );
  const missing = doc(
    `${STORY_FM.replace('status: draft', 'status: ready')}\nestimate: 3`,
    '# Export\n\n## Story\n\nAs a bookkeeper, I want a CSV export, so that I can import my invoices.\n',
  );
  assert.deepEqual(
    lint(missing).map((f) => f.ruleId),
    ['required-section'],
  );
});

test('story-readiness: the estimate written under another name is reported on that key, with a rename', () => {
  const text = story('in-progress', '\nstory_points: 5');
  const found = findingsOf(READY, text);
  assert.deepEqual(shown(text, found), [
    [
      '6:1-6:13',
      'story_points',
      `This user story is 'in-progress' but has no estimate: 'story_points' is not read as one; rename it to 'estimate' ${POINTS}.`,
    ],
  ]);
  assert.deepEqual(
    found[0]!.fixes!.map((f) => [f.title, f.safe]),
    [["Rename to 'estimate'", false]],
  );
  const after = applyEdits(text, found[0]!.fixes![0]!.edits);
  assert.ok(after.includes('\nestimate: 5\n'));
  assert.deepEqual(lint(after), []);
  // Two candidates: which one is the estimate is not clear; the status is blamed.
  assert.deepEqual(
    findingsOf(READY, story('ready', '\npoints: 5\nsize: 3')).map((f) => f.line),
    [5],
  );
  // A declared key with such a name is not a stand-in (x- keys are the team's own).
  assert.deepEqual(
    findingsOf(READY, story('ready', '\nx-points: 5')).map((f) => f.line),
    [5],
  );
});

test("story-readiness: the missing estimate offers no quick fix (which number is the team's call)", () => {
  assert.deepEqual(findingsOf(READY, story('ready'))[0]!.fixes ?? [], []);
});

// ---------------------------------------------------------------------------------------------------
// story-readiness: unticked criteria in a done story

test('story-readiness: each unticked criterion of a done story, from the box to the end of its line', () => {
  const text = story(
    'done',
    '\nestimate: 3',
    '- [ ] One row per invoice. <!-- checked by QA? -->\n- [x] Amounts use a dot.\n  - [ ] Also in German.\n> - [ ] Quoted criterion.',
  );
  assert.deepEqual(shown(text, findingsOf(READY, text)), [
    [
      '17:3-17:27',
      '[ ] One row per invoice.',
      "Acceptance criterion not ticked in a user story marked 'done': 'One row per invoice.'; tick it ('[x]') once it is verified, or move the user story out of 'done' while it does not hold.",
    ],
    [
      '19:5-19:24',
      '[ ] Also in German.',
      "Acceptance criterion not ticked in a user story marked 'done': 'Also in German.'; tick it ('[x]') once it is verified, or move the user story out of 'done' while it does not hold.",
    ],
    [
      '20:5-20:26',
      '[ ] Quoted criterion.',
      "Acceptance criterion not ticked in a user story marked 'done': 'Quoted criterion.'; tick it ('[x]') once it is verified, or move the user story out of 'done' while it does not hold.",
    ],
  ]);
});

test('story-readiness: unticked items before done, or outside the acceptance criteria, are not reported', () => {
  assert.deepEqual(findingsOf(READY, story('in-review', '\nestimate: 3')), []);
  const dod = doc(
    `${STORY_FM.replace('status: draft', 'status: done')}\nestimate: 3`,
    `${STORY_BODY('- [x] One row per invoice.')}\n## Definition of done\n\n- [ ] Docs updated\n`,
  );
  assert.deepEqual(findingsOf(READY, dod), []);
  // A nested acceptance-criteria heading is found once, not once per section it sits in.
  const nested = doc(
    `${STORY_FM.replace('status: draft', 'status: done')}\nestimate: 3`,
    '# Export\n\n## Story\n\nAs a bookkeeper, I want a CSV export, so that I can import my invoices.\n\n## Details\n\n### Acceptance criteria\n\n- [ ] One row per invoice.\n',
  );
  assert.deepEqual(
    findingsOf(READY, nested).map((f) => f.line),
    [19],
  );
});

test('story-readiness: CRLF fixture, the span stops before the carriage return', () => {
  const text = fixture('story-readiness/crlf-done.md');
  assert.deepEqual(
    shown(text, findingsOf(READY, text)).map(([at, covered]) => [at, covered]),
    [
      ['5:9-5:13', 'done'],
      ['16:3-16:46', '[ ] A year of invoices exports as one file.'],
    ],
  );
});

test('story-readiness: workspace types declare their own statuses, estimate scale and name', () => {
  const task = workspaceType(
    'task',
    {
      label: 'Task',
      settledStatuses: ['planned', 'doing', 'closed'],
      doneStatuses: ['closed'],
      reopenStatus: 'idea',
      sections: [{ name: 'Checks', role: 'acceptance-criteria' }],
    },
    { status: { enum: ['idea', 'planned', 'doing', 'closed'] }, estimate: { enum: ['S', 'M', 'L'] } },
  );
  const config = configWith(task);
  const text = (status: string, fm = '') =>
    `---\ntype: task\nid: T-1\ntitle: Tidy up\nstatus: ${status}${fm}\n---\n\n# Tidy up\n\n## Checks\n\n- [ ] Old exports deleted.\n`;
  assert.deepEqual(
    findingsOf(READY, text('planned'), { config }).map((f) => f.message),
    ["This task is 'planned' but has no estimate: add 'estimate: M' (one of S, M, L) or move it back to 'idea'."],
  );
  assert.deepEqual(findingsOf(READY, text('idea'), { config }), []);
  assert.deepEqual(
    findingsOf(READY, text('closed', '\nestimate: S'), { config }).map((f) => f.message),
    [
      "Acceptance criterion not ticked in a task marked 'closed': 'Old exports deleted.'; tick it ('[x]') once it is verified, or move the task out of 'closed' while it does not hold.",
    ],
  );
  // No `estimate` in the schema: nobody is asked for one.
  const chore = workspaceType('chore', { settledStatuses: ['doing'], sections: [] }, { status: { enum: ['todo', 'doing'] } });
  assert.deepEqual(
    findingsOf(READY, '---\ntype: chore\nid: C-1\ntitle: Tidy\nstatus: doing\n---\n\n# Tidy\n', { config: configWith(chore) }),
    [],
  );
});

test('story-readiness: PRDs, epics and broken front matter say nothing', () => {
  assert.deepEqual(findingsOf(READY, doc(PRD_FM.replace('status: draft', 'status: approved'), '# Export\n')), []);
  assert.deepEqual(
    findingsOf(
      READY,
      doc('type: epic\nid: EPIC-1\ntitle: Exports\nstatus: done\nowner: "@jane"', '# Exports\n\n## Summary\n\n- [ ] Ship it.\n'),
    ),
    [],
  );
  assert.deepEqual(findingsOf(READY, '---\ntype: user-story\nstatus: [ready\n---\n\n## Acceptance criteria\n\n- [ ] x\n'), []);
});

// ---------------------------------------------------------------------------------------------------
// goal-unmeasurable

const SHAPE = "add a baseline and a target, e.g. 'activation from 32 % to 45 % by Q3'.";
const prd = (goals: string, metrics = '- Activation from 32 % to 45 % by Q3.', fm = '') =>
  doc(
    `${PRD_FM}${fm}`,
    `# Onboarding\n\n## Problem\n\nNew accounts stall.\n\n## Goals\n\n${goals}\n\n## Non-goals\n\n- Improve the mobile app.\n\n## Requirements\n\n- A checklist.\n\n## Success metrics\n\n${metrics}\n`,
  );
// Lines: front matter 1-8, "## Goals" 16, the goals from 18, "## Success metrics" 28, the metrics from 30.

test('goal-unmeasurable: a goal with a direction and no target, and one with nothing measurable, on the item text', () => {
  const text = prd(
    '- Improve the *onboarding* experience. <!-- see research -->\n- Bookkeepers love the first week.\n- Activation from 32 % to 45 % by Q3.',
  );
  assert.deepEqual(shown(text, findingsOf(GOAL, text)), [
    [
      '18:3-18:39',
      'Improve the *onboarding* experience.',
      `Goal 'Improve the onboarding experience.' says which way ('Improve') but not how far: ${SHAPE}`,
    ],
    ['19:3-19:35', 'Bookkeepers love the first week.', `Goal 'Bookkeepers love the first week.' has no number or target: ${SHAPE}`],
  ]);
  assert.equal(findingsOf(GOAL, text)[0]!.severity, 'warning');
});

test('goal-unmeasurable: success-metric items are named as such; a multi-line item is spanned whole', () => {
  const text = prd('- 25 % of accounts export monthly.', '- Activation rate\n- Happier users, measured\n  in the yearly survey');
  assert.deepEqual(shown(text, findingsOf(GOAL, text)), [
    ['30:3-30:18', 'Activation rate', `Success metric 'Activation rate' has no number or target: ${SHAPE}`],
    [
      '31:3-32:23',
      'Happier users, measured\n  in the yearly survey',
      `Success metric 'Happier users, measured in the yearly survey' has no number or target: ${SHAPE}`,
    ],
  ]);
});

test('goal-unmeasurable: measurable goals, prose, Non-goals, nested details, links and TBD stay quiet', () => {
  const quiet = [
    '- A new account sends its first invoice in under five minutes.',
    '- A quarter of accounts use the checklist.',
    '- Half of the support tickets about setup disappear.',
    '- Every new account sees the sample invoice.',
    '- No bookkeeper retypes a total.',
    '- Make the checklist available without a support ticket.',
    '- Remove the need for the setup call.',
    '- Move new accounts from the setup call to self-serve.',
    '- First invoices sent by March.',
    '- Activation ≥ 45 %.',
    '- Faster setup for accountants\n  - first invoice within 2 days of sign-up',
    '- Improve the [activation key result](https://okr.example/kr-2).',
    '- Conversion: TBD',
    'We want onboarding to be better and faster for everyone.',
  ];
  for (const goals of quiet) assert.deepEqual(findingsOf(GOAL, prd(goals)), [], goals);
});

test("goal-unmeasurable: a label or an id column is not the goal's number; a quarter or a year is", () => {
  assert.deepEqual(
    findingsOf(GOAL, prd('- G1: Improve onboarding.\n- KR 2.1 – Better activation.')).map((f) => f.message),
    [
      `Goal 'G1: Improve onboarding.' says which way ('Improve') but not how far: ${SHAPE}`,
      `Goal 'KR 2.1 – Better activation.' says which way ('Better') but not how far: ${SHAPE}`,
    ],
  );
  assert.deepEqual(findingsOf(GOAL, prd('- Q3: Improve onboarding.\n- Improve onboarding in 2026.')), []);
});

test('goal-unmeasurable: table rows, the id column left out of the span', () => {
  const text = prd(
    '| # | Goal | Target |\n|---|---|---|\n| 1 | Fewer late invoices | from 39 % to 25 % |\n| 2 | Reduce manual chasing |  |\n| 3 | Owners stop calling customers | |',
  );
  assert.deepEqual(shown(text, findingsOf(GOAL, text)), [
    ['21:7-21:28', 'Reduce manual chasing', `Goal 'Reduce manual chasing' says which way ('Reduce') but not how far: ${SHAPE}`],
  ]);
  const metrics = prd('- 25 % of accounts export.', '| Metric | Baseline | Target |\n|---|---|---|\n| Satisfaction | good | better |');
  assert.deepEqual(shown(metrics, findingsOf(GOAL, metrics)), [
    [
      '32:3-32:31',
      'Satisfaction | good | better',
      `Success metric 'Satisfaction | good | better' says which way ('better') but not how far: ${SHAPE}`,
    ],
  ]);
});

test('goal-unmeasurable: a nested Non-goals under Goals is not read; a nested sub-heading of the goals is', () => {
  const text = prd('### Business goals\n\n- Grow revenue.\n\n### Non-goals\n\n- Improve the mobile app.');
  assert.deepEqual(
    findingsOf(GOAL, text).map((f) => [f.line, f.message]),
    [[20, `Goal 'Grow revenue.' says which way ('Grow') but not how far: ${SHAPE}`]],
  );
});

test('goal-unmeasurable: front-matter success_metrics: a target that only gives a direction, on the value', () => {
  const fm =
    '\nsuccess_metrics:\n  - name: Reminder emails opened\n    baseline: unknown\n    target: higher than today\n  - name: Calls\n    baseline: daily\n    target: none\n  - name: Paid on time\n    baseline: 61%\n    target: 75%\n  - name: Rollout\n    baseline: beta\n    target: launched\n  - name: Tickets\n    baseline: 40\n    target: 10';
  const text = prd('- 25 % of accounts export.', '- Activation from 32 % to 45 % by Q3.', fm);
  assert.deepEqual(shown(text, findingsOf(GOAL, text)), [
    [
      '11:13-11:30',
      'higher than today',
      "Target 'higher than today' of success metric 'Reminder emails opened' says which way ('higher') but not how far: expected the value that means success, e.g. 'target: 45%' with 'baseline: 32%'.",
    ],
  ]);
});

test('goal-unmeasurable: CRLF fixture, exact span on the item', () => {
  const text = fixture('goal-unmeasurable/crlf.md');
  assert.deepEqual(
    shown(text, findingsOf(GOAL, text)).map(([at, covered]) => [at, covered]),
    [['18:3-18:33', 'Streamline the year-end close.']],
  );
});

test('goal-unmeasurable: workspace types opt in through the section roles', () => {
  const okr = workspaceType('okr', { sections: [{ name: 'Key results', role: 'success-metrics' }, { name: 'Notes' }] });
  const text =
    '---\ntype: okr\nid: OKR-1\ntitle: Activation\n---\n\n# Activation\n\n## Key results\n\n- Better activation\n\n## Notes\n\n- Improve morale.\n';
  assert.deepEqual(
    findingsOf(GOAL, text, { config: configWith(okr) }).map((f) => [f.line, f.message]),
    [[11, `Success metric 'Better activation' says which way ('Better') but not how far: ${SHAPE}`]],
  );
  // Epics and stories have no such roles: their success metrics are not checked.
  assert.deepEqual(
    findingsOf(
      GOAL,
      doc(
        'type: epic\nid: EPIC-1\ntitle: Exports\nstatus: active\nowner: "@jane"',
        '# Exports\n\n## Summary\n\nExports.\n\n## Success metrics\n\n- Better exports.\n',
      ),
    ),
    [],
  );
});

test('measure: numbers, number words, dates and end states make a target; directions alone do not', () => {
  const kinds = (texts: string[]) => texts.map((t) => [t, measure(t).kind]);
  assert.deepEqual(
    kinds(['Activation 45 %', 'under two minutes', 'a two-minute export', 'by March', 'by the end of the quarter', '≥ 45', 'doubles']),
    [
      ['Activation 45 %', 'measurable'],
      ['under two minutes', 'measurable'],
      ['a two-minute export', 'measurable'],
      ['by March', 'measurable'],
      ['by the end of the quarter', 'measurable'],
      ['≥ 45', 'measurable'],
      ['doubles', 'measurable'],
    ],
  );
  assert.deepEqual(
    kinds([
      'Improve onboarding for all users',
      'more exports',
      'password-less login for everyone',
      'Delight users',
      'users may export',
      'TODO: numbers',
    ]),
    [
      ['Improve onboarding for all users', 'direction'],
      ['more exports', 'direction'],
      ['password-less login for everyone', 'measurable'],
      ['Delight users', 'none'],
      ['users may export', 'none'],
      ['TODO: numbers', 'unwritten'],
    ],
  );
  assert.deepEqual(
    ['launched', 'all plans', 'higher', 'better than today', '45%'].map((t) => measureTarget(t).kind),
    ['measurable', 'measurable', 'direction', 'direction', 'measurable'],
  );
});
