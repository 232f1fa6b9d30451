// unresolved-at-approval (TBD, TODO, placeholders and open questions once a document is settled) and
// moscow-must-overload (Must share and MoSCoW values in the requirements): exact ranges and messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configWith, covered, doc, findingsOf, PRD_FM, STORY_FM, REL_FM, where, workspaceType } from './rules-helpers.js';
import { isAnglePlaceholder, isBracketPlaceholder } from '../../src/core/rules/unresolved-at-approval.js';
import { moscowValue } from '../../src/core/rules/moscow-must-overload.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { renderNewDocument } from '../../src/core/templates/render.js';

const UNRESOLVED = 'unresolved-at-approval';
const MOSCOW = 'moscow-must-overload';

const PRD_BODY = (extra = '', requirements = '- Export a date range as one CSV file.') =>
  `# Export\n\n## Problem\n\nBookkeepers retype invoices.${extra}\n\n## Goals\n\n- 25 % of accounts export monthly.\n\n## Non-goals\n\n- PDF export.\n\n## Requirements\n\n${requirements}\n\n## Success metrics\n\n- Exporting accounts: 0 % today, 25 % by 2026-09-30.\n`;
const prd = (status: string, extra = '', fm = '') => doc(`${PRD_FM.replace('status: draft', `status: ${status}`)}${fm}`, PRD_BODY(extra));
// Lines: front matter 1-8 (+ extra fm lines), blank, "# Export" 10, "## Problem" 12, the problem text 14.

const shown = (
  text: string,
  found: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number; message: string }[],
) => found.map((f) => [`${f.line}:${f.column}-${f.endLine}:${f.endColumn}`, text.slice(f.start, f.end), f.message]);

// ---------------------------------------------------------------------------------------------------
// unresolved-at-approval

test('unresolved-at-approval: markers, filler and placeholders in an approved PRD, on exactly the word', () => {
  const text = prd(
    'approved',
    ' Pricing is TBD, the FIXME stays, who knows ??? and lorem ipsum for <the segment> in {{region}} for [Project Name].',
  );
  const tail = "in a PRD with status 'approved': ";
  assert.deepEqual(shown(text, findingsOf(UNRESOLVED, text)), [
    ['14:41-14:44', 'TBD', `'TBD' left ${tail}resolve it or move the status back to 'review'.`],
    ['14:50-14:55', 'FIXME', `'FIXME' left ${tail}resolve it or move the status back to 'review'.`],
    ['14:73-14:76', '???', `'???' left ${tail}resolve it or move the status back to 'review'.`],
    [
      '14:81-14:92',
      'lorem ipsum',
      `Filler text 'lorem ipsum' left ${tail}replace it with the real text or move the status back to 'review'.`,
    ],
    [
      '14:97-14:110',
      '<the segment>',
      `Template placeholder '<the segment>' left ${tail}replace it with the real text or move the status back to 'review'.`,
    ],
    [
      '14:114-14:124',
      '{{region}}',
      `Template placeholder '{{region}}' left ${tail}replace it with the real text or move the status back to 'review'.`,
    ],
    [
      '14:129-14:143',
      '[Project Name]',
      `Template placeholder '[Project Name]' left ${tail}replace it with the real text or move the status back to 'review'.`,
    ],
  ]);
  assert.ok(findingsOf(UNRESOLVED, text).every((f) => f.severity === 'warning'));
});

test('unresolved-at-approval: nothing before the document is settled, nothing in archived or abandoned ones', () => {
  for (const status of ['draft', 'review', 'archived', 'abandoned']) {
    assert.deepEqual(findingsOf(UNRESOLVED, prd(status, ' Pricing is TBD.')), [], status);
  }
  for (const status of ['approved', 'building', 'launched']) {
    assert.equal(findingsOf(UNRESOLVED, prd(status, ' Pricing is TBD.')).length, 1, status);
  }
});

test('unresolved-at-approval: each built-in type has its own settled statuses and status to go back to', () => {
  const storyDoc = (status: string) =>
    doc(
      STORY_FM.replace('status: draft', `status: ${status}`),
      '# Export\n\n## Story\n\nAs a bookkeeper, I want CSV, so that I can import (TODO: which tool?).\n\n## Acceptance criteria\n\n- [ ] One row per invoice.\n',
    );
  assert.deepEqual(findingsOf(UNRESOLVED, storyDoc('draft')), []);
  assert.deepEqual(findingsOf(UNRESOLVED, storyDoc('blocked')), []);
  for (const status of ['ready', 'in-progress', 'in-review', 'done']) {
    assert.deepEqual(
      findingsOf(UNRESOLVED, storyDoc(status)).map((f) => f.message),
      [`'TODO' left in a user story with status '${status}': resolve it or move the status back to 'draft'.`],
    );
  }
  const epic = doc('type: epic\nid: EPIC-1\ntitle: Exports\nstatus: active\nowner: "@jane"', '# Exports\n\n## Summary\n\nScope is TBC.\n');
  assert.deepEqual(
    findingsOf(UNRESOLVED, epic).map((f) => f.message),
    ["'TBC' left in an epic with status 'active': resolve it or move the status back to 'proposed'."],
  );
  const released = doc(
    REL_FM.replace('status: planned', 'status: released\ndate: 2026-06-20'),
    '# 1.4.0\n\n## Highlights\n\nCSV export for [Customer Name].\n\n## Added\n\n- CSV export.\n',
  );
  assert.deepEqual(
    findingsOf(UNRESOLVED, released).map((f) => f.message),
    ["Template placeholder '[Customer Name]' left in release notes with status 'released': replace it with the real text."],
  );
  assert.deepEqual(findingsOf(UNRESOLVED, released.replace('status: released', 'status: in-progress')), []);
});

test('unresolved-at-approval: words in prose, code, comments, URLs, link targets and tags are left alone', () => {
  const clean = [
    ' We ship a todo list, not a TODOs app; TODO.md and docs/TODO are file names, snake_TODO an identifier.',
    ' The `TODO` endpoint, <!-- TODO: ask Sam -->, https://wiki.example/TBD, <https://x.example/FIXME> and [the tracker](https://t.example/TBD).',
    ' Really??? Yes. Tags [Beta], [YANKED], [Breaking Change], a citation [1], a box [x].',
    ' Press <kbd>Ctrl</kbd>, see <details> and <span class="x">this</span>; a < b > c; List<string> is code-ish.',
  ];
  for (const extra of clean) assert.deepEqual(findingsOf(UNRESOLVED, prd('approved', extra)), [], extra);
  const code = doc(
    PRD_FM.replace('status: draft', 'status: approved'),
    `${PRD_BODY()}\n\`\`\`\nTODO: in code\n\`\`\`\n\n    TBD indented code\n\n<div>\nTBD in an HTML block\n</div>\n`,
  );
  assert.deepEqual(findingsOf(UNRESOLVED, code), []);
});

test('unresolved-at-approval: front-matter string values, on the value; keys and comments are not values', () => {
  const text = prd('approved', '', '\nx-pricing: TBD\nx-notes: ["fine", "owner ???"]\nx-TODO: fine # TODO later');
  assert.deepEqual(shown(text, findingsOf(UNRESOLVED, text)), [
    ['8:12-8:15', 'TBD', "'TBD' left in a PRD with status 'approved': resolve it or move the status back to 'review'."],
    ['9:26-9:29', '???', "'???' left in a PRD with status 'approved': resolve it or move the status back to 'review'."],
  ]);
});

test('unresolved-at-approval: an unticked open question, from its box to the end of its line', () => {
  const text = doc(
    PRD_FM.replace('status: draft', 'status: building'),
    `${PRD_BODY()}\n## Open questions\n\n- [x] Voided invoices? Yes, with a status column.\n- [ ] Which date format? <!-- ask support -->\n  - [ ] Nested: per tool?\n\n1. A numbered question without a box is not a checklist.\n`,
  );
  assert.deepEqual(shown(text, findingsOf(UNRESOLVED, text)), [
    [
      '35:3-35:25',
      '[ ] Which date format?',
      "Open question 'Which date format?' is not ticked in a PRD with status 'building': answer it (write down the outcome and tick it) or move the status back to 'review'.",
    ],
    [
      '36:5-36:26',
      '[ ] Nested: per tool?',
      "Open question 'Nested: per tool?' is not ticked in a PRD with status 'building': answer it (write down the outcome and tick it) or move the status back to 'review'.",
    ],
  ]);
  // Unticked items elsewhere (acceptance criteria, definition of done) are work, not open questions.
  const storyText = doc(
    STORY_FM.replace('status: draft', 'status: in-progress'),
    '# Export\n\n## Story\n\nAs a bookkeeper, I want CSV, so that I can import.\n\n## Acceptance criteria\n\n- [ ] One row per invoice.\n\n## Definition of done\n\n- [ ] Docs updated.\n\n## Questions\n\n- [ ] Which tool first?\n',
  );
  assert.deepEqual(
    findingsOf(UNRESOLVED, storyText).map((f) => covered(storyText, f)),
    ['[ ] Which tool first?'],
  );
});

test('unresolved-at-approval: one finding, not two — empty-section and user-story-statement keep theirs', () => {
  const emptyGoals = doc(
    PRD_FM.replace('status: draft', 'status: approved'),
    PRD_BODY().replace('- 25 % of accounts export monthly.', 'TBD'),
  );
  assert.deepEqual(findingsOf(UNRESOLVED, emptyGoals), []);
  assert.equal(findingsOf('empty-section', emptyGoals).length, 1);
  const template = doc(
    STORY_FM.replace('status: draft', 'status: ready'),
    '# Export\n\n## Story\n\nAs a <specific kind of user>, I want <goal>, so that <benefit>.\n\n## Acceptance criteria\n\n- [ ] One row per invoice.\n',
  );
  assert.deepEqual(findingsOf(UNRESOLVED, template), []);
  assert.equal(findingsOf('user-story-statement', template).length, 1);
});

test('unresolved-at-approval: a story from `pmdocs new` moved to ready: its template placeholders, also those in the Gherkin block', () => {
  const storyType = builtInDocTypes.find((t) => t.type === 'user-story')!;
  const text = renderNewDocument(storyType, { id: 'US-7', title: 'Export', date: '2026-03-02', owner: '@jane' }).replace(
    'status: draft',
    'status: ready',
  );
  assert.deepEqual(
    findingsOf(UNRESOLVED, text).map((f) => covered(text, f)),
    ['<the behaviour, in a few words>', '<the starting situation>', '<the user does one thing>', '<the outcome they can observe>'],
  );
  assert.equal(findingsOf('user-story-statement', text).length, 1, "the statement placeholders are user-story-statement's");
  assert.deepEqual(findingsOf(UNRESOLVED, text.replace('status: ready', 'status: draft')), []);
});

test('unresolved-at-approval: a workspace type declares its settled statuses and reopen status as data', () => {
  const adr = workspaceType(
    'adr',
    { idPrefix: 'ADR-', sections: [{ name: 'Decision', required: true }], settledStatuses: ['accepted'], reopenStatus: 'proposed' },
    { status: { enum: ['proposed', 'accepted'] } },
  );
  const text = doc(
    'type: adr\nid: ADR-1\ntitle: Use Postgres\nstatus: accepted',
    '# Use Postgres\n\n## Decision\n\nPostgres, version TBD.\n',
  );
  assert.deepEqual(
    findingsOf(UNRESOLVED, text, { config: configWith(adr) }).map((f) => f.message),
    ["'TBD' left in an adr with status 'accepted': resolve it or move the status back to 'proposed'."],
  );
  const labelled = workspaceType('adr', { label: 'Architecture decision record', sections: [], settledStatuses: ['accepted'] });
  assert.deepEqual(
    findingsOf(UNRESOLVED, text, { config: configWith(labelled) }).map((f) => f.message),
    ["'TBD' left in an architecture decision record with status 'accepted': resolve it."],
  );
  const noData = workspaceType('adr', { sections: [] });
  assert.deepEqual(findingsOf(UNRESOLVED, text, { config: configWith(noData) }), []);
});

test('unresolved-at-approval: CRLF gives the same lines and columns', () => {
  const lf = doc(
    PRD_FM.replace('status: draft', 'status: approved'),
    `${PRD_BODY(' Pricing is TBD.')}\n## Open questions\n\n- [ ] Which date format?\n`,
  );
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = findingsOf(UNRESOLVED, lf);
  const b = findingsOf(UNRESOLVED, crlf);
  assert.deepEqual(b.map(where), a.map(where));
  assert.deepEqual(
    b.map((f) => covered(crlf, f)),
    ['TBD', '[ ] Which date format?'],
  );
});

test('unresolved-at-approval: which brackets and angles are placeholders', () => {
  for (const p of [
    'Project Name',
    'Your Name',
    'Launch date',
    'Insert link',
    'Describe the problem',
    'Owner',
    'PROJECT NAME',
    'Metric name',
  ])
    assert.ok(isBracketPlaceholder(p), p);
  for (const p of ['Beta', 'YANKED', 'Breaking Change', 'Google Pay', '1', 'x', ' ', 'sic', 'Unreleased', 'Feature'])
    assert.ok(!isBracketPlaceholder(p), p);
  for (const p of ['goal', 'specific kind of user', 'the behaviour, in a few words', 'Project Name']) assert.ok(isAnglePlaceholder(p), p);
  for (const p of ['kbd', 'br', 'details open', 'span class="x"', 'my-element', 'https://x', 'jane@x.com', 'img src=x'])
    assert.ok(!isAnglePlaceholder(p), p);
});

// ---------------------------------------------------------------------------------------------------
// moscow-must-overload

const table = (priorities: string[], header = '| # | Requirement | Priority |\n|---|---|---|') =>
  [header, ...priorities.map((p, i) => `| ${i + 1} | Requirement ${i + 1} \\| with a pipe | ${p} |`)].join('\n');
const requirementsDoc = (requirements: string) => doc(PRD_FM, PRD_BODY('', requirements));
// The requirements body starts on line 26.

test('moscow-must-overload: more than 60 % Must is one finding on the table header, with the counts', () => {
  const text = requirementsDoc(table(['Must', 'must', '**Must**', 'Must have', 'M', 'Should', 'Could', "Won't", 'W']));
  const found = findingsOf(MOSCOW, text);
  assert.deepEqual(shown(text, found), [
    [
      '26:1-26:31',
      '| # | Requirement | Priority |',
      '5 of 7 requirements (71 %) are Must: DSDM keeps Must at or below 60 % so there is contingency; expected at most 4 Must, the rest Should or Could.',
    ],
  ]);
  assert.equal(found[0]!.severity, 'warning');
  assert.deepEqual([found[0]!.expected, found[0]!.actual], [['at most 4 Must'], '5 Must']);
});

test("moscow-must-overload: exactly 60 % is allowed, fewer than 5 items say nothing, Won't is not counted", () => {
  assert.deepEqual(findingsOf(MOSCOW, requirementsDoc(table(['Must', 'Must', 'Must', 'Should', 'Could']))), []);
  assert.deepEqual(findingsOf(MOSCOW, requirementsDoc(table(['Must', 'Must', 'Must', 'Must']))), []);
  // 4 Must of 6 planned (67 %), whatever the number of Won't items.
  const text = requirementsDoc(table(['Must', 'Must', 'Must', 'Must', 'Should', 'Could', "Won't", "Won't", "Won't", "Won't"]));
  assert.deepEqual(
    findingsOf(MOSCOW, text).map((f) => f.message),
    [
      '4 of 6 requirements (67 %) are Must: DSDM keeps Must at or below 60 % so there is contingency; expected at most 3 Must, the rest Should or Could.',
    ],
  );
});

test('moscow-must-overload: a Priority cell that is not MoSCoW, on the cell; another scale is left alone', () => {
  const text = requirementsDoc(table(['Must', 'Should', 'High', 'Could', '', '—', 'TBD']));
  assert.deepEqual(shown(text, findingsOf(MOSCOW, text)), [
    ['30:38-30:42', 'High', "Priority 'High' is not a MoSCoW value: expected Must, Should, Could or Won't."],
  ]);
  assert.deepEqual(findingsOf(MOSCOW, requirementsDoc(table(['P0', 'P0', 'P1', 'Must', 'P2']))), []);
  assert.deepEqual(findingsOf(MOSCOW, requirementsDoc(table(['High', 'High', 'Low', 'Medium', 'High', 'High']))), []);
});

test('moscow-must-overload: list items tagged Must/Should/Could; "Must support" in a sentence is not a tag', () => {
  const list = [
    '- **Must** export a date range.',
    '- Must: dot decimals.',
    '- [Must] UTF-8 names.',
    '- Totals match (Must).',
    '- Header row — Must',
    '- Should: column choice.',
    '- Must support SSO.',
    '- Could — sample file',
  ].join('\n');
  const text = requirementsDoc(list);
  assert.deepEqual(shown(text, findingsOf(MOSCOW, text)), [
    [
      '26:3-26:32',
      '**Must** export a date range.',
      '5 of 7 requirements (71 %) are Must: DSDM keeps Must at or below 60 % so there is contingency; expected at most 4 Must, the rest Should or Could.',
    ],
  ]);
});

test('moscow-must-overload: tables and lists of the whole requirements section count together; other sections do not', () => {
  const split = `### Functional\n\n${table(['Must', 'Must', 'Should'])}\n\n### Non-functional\n\n- Must: 30 s for 10,000 invoices.\n- Must: audited.`;
  assert.deepEqual(
    findingsOf(MOSCOW, requirementsDoc(split)).map((f) => f.message.split(':')[0]),
    ['4 of 5 requirements (80 %) are Must'],
  );
  const risks = doc(
    PRD_FM,
    `${PRD_BODY()}\n## Risks\n\n${table(['Must', 'Must', 'Must', 'Must', 'Must'], '| # | Risk | Priority |\n|---|---|---|')}\n`,
  );
  assert.deepEqual(findingsOf(MOSCOW, risks), []);
});

test('moscow-must-overload: a workspace type opts in with the requirements role', () => {
  const spec = workspaceType('spec', { sections: [{ name: 'Plan', role: 'requirements' }] });
  const text = doc('type: spec\nid: SPEC-1\ntitle: Export', `# Export\n\n## Plan\n\n${table(['Must', 'Must', 'Must', 'Must', 'Could'])}\n`);
  assert.deepEqual(findingsOf(MOSCOW, text, { config: configWith(spec) }).map(where), ['11:1-11:31']);
  assert.deepEqual(findingsOf(MOSCOW, text.replace('type: spec', 'type: prd')), []);
});

test('moscow-must-overload: an 8,700-row table is read whole (the count is right) and CRLF keeps positions', () => {
  const priorities = Array.from({ length: 8700 }, (_, i) => (i % 10 < 7 ? 'Must' : i % 10 < 9 ? 'Should' : 'Could'));
  const text = requirementsDoc(table(priorities));
  assert.deepEqual(
    findingsOf(MOSCOW, text).map((f) => f.message.split(':')[0]),
    ['6090 of 8700 requirements (70 %) are Must'],
  );
  const small = requirementsDoc(table(['Must', 'Must', 'Must', 'Must', 'Could', 'Maybe']));
  const crlf = small.replace(/\n/g, '\r\n');
  assert.deepEqual(findingsOf(MOSCOW, crlf).map(where), findingsOf(MOSCOW, small).map(where));
  assert.deepEqual(
    findingsOf(MOSCOW, crlf).map((f) => covered(crlf, f)),
    ['| # | Requirement | Priority |', 'Maybe'],
  );
});

test('moscow-must-overload: MoSCoW values as written in tables', () => {
  const cases: [string, string | undefined][] = [
    ['Must', 'must'],
    ['MUST', 'must'],
    ['must-have', 'must'],
    ['Must have (legal)', 'must'],
    ['M', 'must'],
    ['**Should**', 'should'],
    ['S', 'should'],
    ['could have', 'could'],
    ['C', 'could'],
    ["Won't", 'wont'],
    ['Won’t have this time', 'wont'],
    ['wont', 'wont'],
    ['will not', 'wont'],
    ['W', 'wont'],
    ['', 'unset'],
    ['—', 'unset'],
    ['n/a', 'unset'],
    ['TBD', 'unset'],
    ['?', 'unset'],
    ['P0', undefined],
    ['High', undefined],
    ['Must/Should', undefined],
    ['Mandatory', undefined],
  ];
  for (const [cell, expected] of cases) assert.equal(moscowValue(cell), expected, cell);
});
