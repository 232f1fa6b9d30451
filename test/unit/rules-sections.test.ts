// Section rules: exact ranges, full messages and fix edits that markers in fixtures cannot express.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeHeading } from '../../src/core/document/sections.js';
import { applyEdits, configWith, covered, doc, findingsOf, lint, PRD_FM, REL_FM, STORY_FM, where, workspaceType } from './rules-helpers.js';

const PRD_NO_NON_GOALS = doc(
  PRD_FM,
  `
# Export

## Problem

Accountants retype invoices.

## Goals

- A quarter of accounts export monthly.

## Requirements

- Export a date range as CSV.

## Success metrics

- 25% by 2026-09-30.
`,
);

test('required-section: on the heading it should follow, with the full message and accepted synonyms', () => {
  const [f, ...rest] = findingsOf('required-section', PRD_NO_NON_GOALS);
  assert.equal(rest.length, 0);
  assert.equal(f!.message, "Missing required section 'Non-goals' (also accepted: Out of scope, Not doing, …).");
  assert.equal(f!.severity, 'error');
  assert.equal(where(f!), '16:1-16:9');
  assert.equal(covered(PRD_NO_NON_GOALS, f!), '## Goals');
  assert.deepEqual(f!.expected, ['Non-goals', 'Out of scope', 'Not doing', "Won't have"]);
});

test('required-section: the fix inserts the section and its template where the order puts it', () => {
  const [f] = findingsOf('required-section', PRD_NO_NON_GOALS);
  const fix = f!.fixes![0]!;
  assert.equal(fix.safe, false);
  assert.equal(fix.title, "Insert section 'Non-goals'");
  const after = applyEdits(PRD_NO_NON_GOALS, fix.edits);
  assert.ok(
    after.includes(
      '- A quarter of accounts export monthly.\n\n## Non-goals\n\n- What we are deliberately not doing this time, so the scope does not creep later.\n\n## Requirements\n',
    ),
    after,
  );
  assert.deepEqual(findingsOf('required-section', after), []);
  assert.deepEqual(findingsOf('section-order', after), []);
  // The inserted template is a placeholder until the writer replaces it.
  assert.deepEqual(
    findingsOf('empty-section', after).map((x) => x.message),
    [
      "Required section 'Non-goals' still holds the template text (a reminder while the status is 'draft'): expected your own content in its place.",
    ],
  );
});

test('required-section: a missing first section is reported on the H1 and inserted before the next section', () => {
  const text = doc(
    STORY_FM,
    `
# Export

## Acceptance criteria

- [ ] One row per invoice.
`,
  );
  const [f] = findingsOf('required-section', text);
  assert.equal(f!.message, "Missing required section 'Story' (also accepted: User story, Narrative, …).");
  assert.equal(covered(text, f!), '# Export');
  const after = applyEdits(text, f!.fixes![0]!.edits);
  assert.ok(
    after.includes('# Export\n\n## Story\n\nAs a <specific kind of user>, I want <goal>, so that <benefit>.\n\n## Acceptance criteria\n'),
    after,
  );
});

test('required-section: without H1 or sections it points at the closing fence and appends at the end', () => {
  const text = `${`---\n${STORY_FM}\n---`}\nJust a note`;
  const found = findingsOf('required-section', text);
  assert.deepEqual(found.map(where), ['6:1-6:4', '6:1-6:4']);
  const after = applyEdits(text, found[0]!.fixes![0]!.edits);
  assert.ok(
    after.endsWith('Just a note\n\n## Story\n\nAs a <specific kind of user>, I want <goal>, so that <benefit>.\n'),
    JSON.stringify(after),
  );
});

test('required-section: CRLF documents get CRLF in the inserted text', () => {
  const crlf = PRD_NO_NON_GOALS.replace(/\n/g, '\r\n');
  const [f] = findingsOf('required-section', crlf);
  assert.equal(where(f!), '16:1-16:9');
  const edit = f!.fixes![0]!.edits[0]!;
  assert.equal(
    edit.newText,
    '## Non-goals\r\n\r\n- What we are deliberately not doing this time, so the scope does not creep later.\r\n\r\n',
  );
  assert.doesNotMatch(edit.newText, /[^\r]\n/);
});

test('required-section: requiredWhen says why, with the front-matter value as related location', () => {
  const text = doc(
    `${PRD_FM}\nformat: prfaq`,
    PRD_NO_NON_GOALS.split('---\n\n')[1]!.replace('## Requirements', '## Non-goals\n\n- PDF.\n\n## Requirements'),
  );
  const found = findingsOf('required-section', text);
  assert.deepEqual(
    found.map((f) => f.message),
    [
      "Missing required section 'Press release' (also accepted: PR, Announcement), required because format is 'prfaq'.",
      "Missing required section 'FAQ' (also accepted: Internal FAQ, External FAQ, …), required because format is 'prfaq'.",
    ],
  );
  assert.equal(covered(text, found[0]!), '## Success metrics');
  const related = found[0]!.related![0]!;
  assert.equal(text.slice(related.start, related.end), 'prfaq');
  assert.equal(related.message, "'format' makes 'Press release' required");
});

test("required-section: 'satisfiedBy' — success_metrics in the front matter stands in for the section", () => {
  const body = PRD_NO_NON_GOALS.split('---\n\n')[1]!
    .replace('## Requirements', '## Non-goals\n\n- PDF.\n\n## Requirements')
    .replace(/## Success metrics[^]*$/, '');
  const without = doc(PRD_FM, body);
  assert.deepEqual(
    findingsOf('required-section', without).map((f) => f.message),
    [
      "Missing required section 'Success metrics' (also accepted: Metrics, KPIs, …); a non-empty 'success_metrics' in the front matter also counts.",
    ],
  );
  const withMetrics = doc(`${PRD_FM}\nsuccess_metrics:\n  - {name: exports, baseline: 0, target: 25}`, body);
  assert.deepEqual(findingsOf('required-section', withMetrics), []);
});

test("required-section and section-order read a workspace type's own sections, synonyms and order", () => {
  const decision = workspaceType('decision', {
    idPrefix: 'DEC-',
    sections: [
      { name: 'Context', required: true },
      { name: 'Decision', synonyms: ['Outcome'], required: true, template: 'What we decided.' },
      { name: 'Consequences' },
    ],
    order: ['Context', 'Decision', 'Consequences'],
  });
  const config = configWith(decision);
  const text = doc(
    'type: decision\nid: DEC-1\ntitle: Use CSV',
    `
# Use CSV

## Consequences

Exports get simpler.

## Context

We need an export format.
`,
  );
  assert.deepEqual(
    findingsOf('required-section', text, { config }).map((f) => [f.message, covered(text, f)]),
    [["Missing required section 'Decision' (also accepted: Outcome).", '## Context']],
  );
  assert.deepEqual(
    findingsOf('section-order', text, { config }).map((f) => f.message),
    ["'Context' should come before 'Consequences' (expected order: Context, Decision, Consequences)."],
  );
  const ok = text.replace('## Consequences\n\nExports get simpler.\n\n', '') + '\n## 2. Outcome\n\nCSV it is.\n';
  assert.deepEqual(findingsOf('required-section', ok, { config }), []);
  assert.deepEqual(findingsOf('section-order', ok, { config }), []);
});

test('section-order: the out-of-place heading, the one it conflicts with as related location', () => {
  const text = doc(
    PRD_FM,
    `
# Export

## Problem

Accountants retype invoices.

## Requirements

- Export a date range as CSV.

## Goals

- A quarter of accounts export monthly.

## Non-goals

- PDF.

## Success metrics

- 25%.
`,
  );
  const found = findingsOf('section-order', text);
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.message, "'Requirements' should come after 'Non-goals' (expected order: Problem, Goals, Non-goals, Requirements).");
  assert.equal(f.severity, 'warning');
  assert.equal(covered(text, f), '## Requirements');
  assert.equal(text.slice(f.related![0]!.start, f.related![0]!.end), '## Non-goals');

  const goalsLate = doc(
    PRD_FM,
    `
# Export

## Problem

x

## Requirements

x

## Goals

x
`,
  );
  const [g] = findingsOf('section-order', goalsLate);
  assert.equal(g!.message, "'Goals' should come before 'Requirements' (expected order: Problem, Goals, Non-goals, Requirements).");
  assert.equal(covered(goalsLate, g!), '## Goals');
  assert.equal(where(g!), '20:1-20:9');
  assert.equal(goalsLate.slice(g!.related![0]!.start, g!.related![0]!.end), '## Requirements');
});

test('empty-section: messages for nothing, a placeholder, the template; optional group members', () => {
  const text = doc(
    PRD_FM,
    `
# Export

## Problem

TBD.

## Goals

<!-- later -->

## Non-goals

- What we are deliberately not doing this time, so the scope does not creep later.

## Requirements

- Export a date range as CSV.

## Success metrics

- 25%.
`,
  );
  assert.deepEqual(
    findingsOf('empty-section', text).map((f) => [where(f), f.message]),
    [
      ['12:1-12:11', "Required section 'Problem' holds only the placeholder 'TBD.': expected real content."],
      ['16:1-16:9', "Required section 'Goals' is empty: expected at least one line of content."],
      [
        '20:1-20:13',
        "Required section 'Non-goals' still holds the template text (a reminder while the status is 'draft'): expected your own content in its place.",
      ],
    ],
  );
  const rel = doc(
    REL_FM,
    `
# Release

## Highlights

Faster.

## Added

## Fixed

- Totals.
`,
  );
  assert.deepEqual(
    findingsOf('empty-section', rel).map((f) => f.message),
    ["Section 'Added' is empty: expected at least one line of content, or remove the section."],
  );
});

test('release-change-type: the message names the group and accepted synonyms, on the section it should follow', () => {
  const text = doc(
    REL_FM,
    `
# Release 1.4.0

## Highlights

Faster exports.
`,
  );
  const [f] = findingsOf('release-change-type', text);
  assert.equal(
    f!.message,
    "Missing a change-type section (Added, Changed, Deprecated, Removed, Fixed or Security); synonyms such as 'New features', 'Improvements', 'Deprecations' count too.",
  );
  assert.equal(covered(text, f!), '## Highlights');
  assert.deepEqual(f!.expected, ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']);
});

test('release-change-type: any group from a workspace type, with its minimum', () => {
  const retro = workspaceType('retro', {
    sections: [
      { name: 'Went well', group: 'observations' },
      { name: 'To improve', group: 'observations' },
      { name: 'Actions', required: true },
    ],
    groups: { observations: { min: 2 } },
  });
  const text = doc(
    'type: retro\nid: R-1\ntitle: Sprint 9',
    `
# Sprint 9

## Went well

- Demos.

## Actions

- Fewer meetings.
`,
  );
  assert.deepEqual(
    findingsOf('release-change-type', text, { config: configWith(retro) }).map((f) => f.message),
    ["Too few 'observations' sections (found 'Went well'): expected at least 2 of Went well, To improve."],
  );
  const one = workspaceType('retro', { sections: retro.sections, groups: { observations: { min: 1 } } });
  assert.deepEqual(
    findingsOf('release-change-type', text.replace(/## Went well\n\n- Demos.\n\n/, ''), { config: configWith(one) }).map((f) => f.message),
    ["Missing a section of the 'observations' group: expected one of Went well, To improve."],
  );
});

test('breaking-changes-section: required-section owns the built-in case (one finding, with why)', () => {
  const text = doc(
    `${REL_FM.replace(/1\.4\.0/g, '2.0.0')}\nbreaking: true`,
    `
# Release 2.0.0

## Highlights

v1 API gone.

## Removed

- The v1 API.
`,
  );
  assert.deepEqual(findingsOf('breaking-changes-section', text), []);
  const [f] = findingsOf('required-section', text);
  assert.equal(
    f!.message,
    "Missing required section 'Breaking changes' (also accepted: Upgrade notes, Action required, …), required because breaking is true.",
  );
  assert.equal(covered(text, f!), '## Highlights');
  assert.equal(text.slice(f!.related![0]!.start, f!.related![0]!.end), 'true');
});

test('breaking-changes-section: a type whose data does not make the section conditional is still checked', () => {
  const notes = workspaceType(
    'notes',
    {
      sections: [
        { name: 'Summary', required: true },
        { name: 'Upgrade notes', synonyms: ['Breaking changes'], role: 'breaking-changes', template: '- What to change.' },
      ],
    },
    { breaking: { type: 'boolean' } },
  );
  const config = configWith(notes);
  const text = doc('type: notes\nid: N-1\ntitle: 2.0\nbreaking: true', '# 2.0\n\n## Summary\n\nBig release.\n');
  const [f, ...rest] = findingsOf('breaking-changes-section', text, { config });
  assert.equal(rest.length, 0);
  assert.equal(
    f!.message,
    "The front matter says 'breaking: true', but there is no 'Upgrade notes' (also accepted: Breaking changes) section: expected one telling readers what breaks and what to do before upgrading.",
  );
  assert.equal(covered(text, f!), 'true');
  assert.equal(
    applyEdits(text, f!.fixes![0]!.edits),
    '---\ntype: notes\nid: N-1\ntitle: 2.0\nbreaking: true\n---\n\n# 2.0\n\n## Summary\n\nBig release.\n\n## Upgrade notes\n\n- What to change.\n',
  );
  assert.deepEqual(findingsOf('required-section', text, { config }), []);
  assert.deepEqual(findingsOf('breaking-changes-section', text.replace('breaking: true', 'breaking: false'), { config }), []);
  assert.deepEqual(findingsOf('breaking-changes-section', `${text}\n## Breaking changes\n\n- Renamed the API.\n`, { config }), []);
});

test('normalizeHeading: case, numbering, (optional), emoji, punctuation', () => {
  const cases: [string, string][] = [
    ['Non-goals', 'non goals'],
    ['NON-GOALS', 'non goals'],
    ['3. Goals', 'goals'],
    ['3.2 Goals', 'goals'],
    ['3) Goals', 'goals'],
    ['IV. Goals', 'goals'],
    ['Goals (optional)', 'goals'],
    ['Out of Scope (Optional):', 'out of scope'],
    ['(optional) Summary', 'summary'],
    ['🎯 Goals', 'goals'],
    ['Goals 🎯✨', 'goals'],
    ['3️⃣ Goals', 'goals'],
    ['👍🏽 Highlights', 'highlights'],
    ["Won't have", 'wont have'],
    ['Won’t Have', 'wont have'],
    ['Goals & Non-goals', 'goals and non goals'],
    ['TL;DR', 'tl dr'],
    ["What's new", 'whats new'],
    ['Acceptance Criteria:', 'acceptance criteria'],
    ['Civic tech', 'civic tech'],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeHeading(input), expected, input);
});

test('headings written with numbering, emoji and (optional) satisfy the required sections', () => {
  const text = doc(
    PRD_FM,
    `
# Export

## 1. Problem Statement 🧩

x

## 2. OBJECTIVES

x

## 3. Out of scope (optional)

x

## 4) Key Features ✨

x

## 5. KPIs

x
`,
  );
  assert.deepEqual(
    lint(text).filter((f) => f.ruleId !== 'frontmatter-schema'),
    [],
  );
});

test('template text is an info reminder in the first status of the lifecycle, and a warning after it', () => {
  const body =
    '\n# Export\n\n## Problem\n\nWhat problem are we solving, for whom, and how do we know it is real? Link the evidence: support tickets, interviews, data.\n';
  const at = (status: string) =>
    findingsOf('empty-section', doc(PRD_FM.replace('status: draft', `status: ${status}`), body)).map((f) => [f.severity, f.message]);
  assert.deepEqual(at('draft'), [
    [
      'info',
      "Required section 'Problem' still holds the template text (a reminder while the status is 'draft'): expected your own content in its place.",
    ],
  ]);
  assert.deepEqual(at('review'), [
    ['warning', "Required section 'Problem' still holds the template text: expected your own content in its place."],
  ]);
  const story = doc(
    STORY_FM.replace('status: draft', 'status: ready'),
    '\n# Export\n\n## Story\n\nAs a <specific kind of user>, I want <goal>, so that <benefit>.\n',
  );
  assert.deepEqual(
    findingsOf('user-story-statement', story).map((f) => f.severity),
    ['warning'],
  );
  assert.deepEqual(
    findingsOf('user-story-statement', story.replace('status: ready', 'status: draft')).map((f) => f.severity),
    ['info'],
  );
});
