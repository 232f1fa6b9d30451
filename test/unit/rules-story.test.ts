// Story rules: the statement, acceptance criteria and Given/When/Then scenarios — exact ranges and messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, doc, findingsOf, lint, STORY_FM, where } from './rules-helpers.js';

const story = (storyBody: string, ac = '- [ ] One row per invoice.'): string =>
  doc(STORY_FM, `# Export\n\n## Story\n\n${storyBody}\n\n## Acceptance criteria\n\n${ac}\n`);
// Line numbers: front matter 1-6, blank 7, "# Export" 8, 10 "## Story", 12 the story text.

test('user-story-statement: a complete statement, with emphasis, soft breaks and no commas', () => {
  for (const s of [
    'As a bookkeeper, I want to export invoices, so that I can import them.',
    '**As a** bookkeeper I want to export invoices so that I can import them',
    '_As an_ accountant, I need last month in one file,\nso that closing takes minutes.',
    'Context first. AS A BOOKKEEPER, I CAN export invoices, SO THAT I save a day.',
  ]) {
    assert.deepEqual(findingsOf('user-story-statement', story(s)), [], s);
  }
});

test('user-story-statement: no statement is a warning on the heading, quoting what is there', () => {
  const text = story('Add a CSV button to the invoice list.');
  const [f] = findingsOf('user-story-statement', text);
  assert.equal(f!.severity, 'warning');
  assert.equal(where(f!), '10:1-10:9');
  assert.equal(
    f!.message,
    "The 'Story' section has no user story statement (found 'Add a CSV button to the invoice list.'): expected a sentence like 'As a <role>, I want <goal>, so that <benefit>.'",
  );
});

test("user-story-statement: missing 'so that' is info on the statement", () => {
  const text = story('Intro. As a bookkeeper, I want to export invoices as CSV. More text.');
  const [f, ...rest] = findingsOf('user-story-statement', text);
  assert.equal(rest.length, 0);
  assert.equal(f!.severity, 'info');
  assert.equal(covered(text, f!), 'As a bookkeeper, I want to export invoices as CSV');
  assert.equal(where(f!), '12:8-12:57');
  assert.equal(
    f!.message,
    "The user story statement has no benefit (found 'As a bookkeeper, I want to export invoices as CSV'): expected '…, so that <benefit>' saying why it matters.",
  );
});

test("user-story-statement: the role 'user' is info on exactly that word, also inside emphasis", () => {
  const text = story('As a **user**, I want a CSV button, so that I can import invoices.');
  const [f, ...rest] = findingsOf('user-story-statement', text);
  assert.equal(rest.length, 0);
  assert.equal(f!.severity, 'info');
  assert.equal(covered(text, f!), 'user');
  assert.equal(where(f!), '12:8-12:12');
  assert.equal(
    f!.message,
    "The story's role is just 'user': name a specific user type (for example 'billing admin' or 'first-time buyer') so the team knows whose need this is.",
  );
});

test('user-story-statement: template placeholders and an empty section', () => {
  const left = story('As a bookkeeper, I want <goal>, so that I save time.');
  assert.deepEqual(
    findingsOf('user-story-statement', left).map((f) => f.message),
    ["The user story statement still has the template placeholder '<goal>': replace it with the real role, goal and benefit."],
  );
  const empty = story('<!-- write it -->');
  const [f] = findingsOf('user-story-statement', empty);
  assert.equal(
    f!.message,
    "The 'Story' section is empty: expected a user story statement, 'As a <role>, I want <goal>, so that <benefit>.'",
  );
  assert.equal(f!.severity, 'warning');
  // empty-section leaves the story section to this rule: one finding, not two.
  assert.deepEqual(findingsOf('empty-section', empty), []);
});

test('acceptance-criteria: none found is an error on the heading, quoting what is there', () => {
  const text = story('As a bookkeeper, I want CSV, so that I can import.', 'It should be fast and work well.');
  const [f] = findingsOf('acceptance-criteria', text);
  assert.equal(f!.severity, 'error');
  assert.equal(covered(text, f!), '## Acceptance criteria');
  assert.equal(
    f!.message,
    "The 'Acceptance criteria' section holds no acceptance criterion (found 'It should be fast and work well.'): expected a list item, a checklist item ('- [ ] …') or a Given/When/Then scenario.",
  );
  const empty = story('As a bookkeeper, I want CSV, so that I can import.', 'TODO');
  assert.deepEqual(
    findingsOf('acceptance-criteria', empty).map((x) => x.message),
    [
      "The 'Acceptance criteria' section holds only the placeholder 'TODO': expected at least one acceptance criterion: a list item, a checklist item ('- [ ] …') or a Given/When/Then scenario.",
    ],
  );
});

test('acceptance-criteria: lists, checklists, fenced and plain scenarios, and tables all count', () => {
  for (const ac of [
    '1. One row per invoice.',
    '- [ ] One row per invoice.',
    '```gherkin\nScenario: x\n  Given a\n  When b\n  Then c\n```',
    'Given 3 invoices\nWhen I export\nThen I get 3 rows',
    'Scenario: export works',
    '| Case | Result |\n|---|---|\n| none | disabled |',
  ]) {
    assert.deepEqual(findingsOf('acceptance-criteria', story('As a bookkeeper, I want CSV, so that I can import.', ac)), [], ac);
  }
});

const ac = (body: string): string => story('As a bookkeeper, I want CSV, so that I can import.', body);
// Line numbers: "## Acceptance criteria" is line 14, the AC body starts on line 16.

test("gherkin-malformed: 'Given' after 'When' — the exact step line and the scenario's name", () => {
  const text = ac('```gherkin\nScenario: Export CSV\n  When I export March\n  Given 3 invoices in March\n  Then I get 3 rows\n```');
  const [f, ...rest] = findingsOf('gherkin-malformed', text);
  assert.equal(rest.length, 0);
  assert.equal(f!.message, "'Given' after 'When' in scenario 'Export CSV': setup belongs before the action.");
  assert.equal(covered(text, f!), 'Given 3 invoices in March');
  assert.equal(where(f!), '19:3-19:28');
  assert.equal(f!.severity, 'warning');
});

test("gherkin-malformed: 'When' after 'Then' in plain list lines, an unnamed scenario named by its line", () => {
  const text = ac('- Given 3 invoices\n- Then the file downloads\n- When I click **Export**');
  const [f] = findingsOf('gherkin-malformed', text);
  assert.equal(f!.message, "'When' after 'Then' in the scenario on line 16: the action belongs before the outcome.");
  assert.equal(covered(text, f!), 'When I click **Export**');
  assert.equal(where(f!), '18:3-18:26');
});

test("gherkin-malformed: 'And' first, with bold keywords in prose; the scenario takes the name of the line above", () => {
  const text = ac('**Empty range:**\n\n1. **And** no invoices\n2. **When** I open the export\n3. **Then** the button is disabled');
  const [f] = findingsOf('gherkin-malformed', text);
  assert.equal(f!.message, "'And' starts scenario 'Empty range': expected a Given, When or Then step before it to continue.");
  assert.equal(covered(text, f!), 'And** no invoices');
  assert.equal(where(f!), '18:6-18:23');
});

test('gherkin-malformed: missing When / Then on the Scenario line; no steps at all', () => {
  const noThen = ac('```gherkin\nScenario: Export\n  Given 3 invoices\n  When I export\n```');
  const [f] = findingsOf('gherkin-malformed', noThen);
  assert.equal(f!.message, "Scenario 'Export' has no 'Then' step: expected Given (setup), When (action), Then (outcome).");
  assert.equal(covered(noThen, f!), 'Scenario: Export');
  const neither = ac('```gherkin\nScenario: Export\n  Given 3 invoices\n```');
  assert.deepEqual(
    findingsOf('gherkin-malformed', neither).map((x) => x.message),
    ["Scenario 'Export' has no 'When' and no 'Then' step: expected Given (setup), When (action), Then (outcome)."],
  );
  const none = ac('```gherkin\nScenario: Export\n```');
  assert.deepEqual(
    findingsOf('gherkin-malformed', none).map((x) => x.message),
    ["Scenario 'Export' has no steps: expected Given (setup), When (action), Then (outcome)."],
  );
});

test('gherkin-malformed: Scenario Outline without Examples', () => {
  const text = ac('```gherkin\nScenario Outline: Export <n>\n  Given <n> invoices\n  When I export\n  Then I get <n> rows\n```');
  const [f] = findingsOf('gherkin-malformed', text);
  assert.equal(f!.message, "Scenario Outline 'Export <n>' has no Examples: expected an 'Examples:' table with one row of values per run.");
  assert.equal(covered(text, f!), 'Scenario Outline: Export <n>');
  const withExamples = text.replace('rows\n```', 'rows\n\n  Examples:\n    | n |\n    | 1 |\n```');
  assert.deepEqual(findingsOf('gherkin-malformed', withExamples), []);
});

test('gherkin-malformed: several scenarios in one block are judged separately; Background is not a scenario', () => {
  const text = ac(
    [
      '```gherkin',
      'Feature: Export',
      '  Background:',
      '    Given I am signed in',
      '  Scenario: A',
      '    Given x',
      '    When y',
      '    Then z',
      '  Scenario: B',
      '    When y',
      '    Then z',
      '    When again',
      '```',
    ].join('\n'),
  );
  assert.deepEqual(
    findingsOf('gherkin-malformed', text).map((f) => [where(f), f.message]),
    [['27:5-27:15', "'When' after 'Then' in scenario 'B': the action belongs before the outcome."]],
  );
});

test('gherkin-malformed: prose outside acceptance criteria and rule-style criteria are not scenarios', () => {
  const text = ac(
    '- [ ] When the export finishes, an email is sent.\n- [ ] When there are no invoices, the button is disabled.\n- [ ] Given a locked month, when I export, then I see a warning.',
  );
  assert.deepEqual(findingsOf('gherkin-malformed', text), []);
  const storyProse = story(
    'As a bookkeeper, I want CSV, so that I can import.\n\nWhen the month closes I export.\nThen I import.\nGiven that, nothing else.',
  );
  assert.deepEqual(findingsOf('gherkin-malformed', storyProse), []);
});

test('gherkin-malformed: CRLF gives the same lines and columns', () => {
  const lf = ac('```gherkin\nScenario: Export CSV\n  When I export March\n  Given 3 invoices in March\n  Then I get 3 rows\n```');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = findingsOf('gherkin-malformed', lf);
  const b = findingsOf('gherkin-malformed', crlf);
  assert.deepEqual(b.map(where), a.map(where));
  assert.equal(covered(crlf, b[0]!), 'Given 3 invoices in March');
});

test("gherkin-malformed: one When block — a chained 'When' or an 'And when' is another action, with the first When as related location", () => {
  const text = ac(
    '```gherkin\nScenario: Export CSV\n  Given 3 invoices in March\n  When I open the export\n  When I choose March\n  And when I press Export\n  Then I get 3 rows\n```',
  );
  const found = findingsOf('gherkin-malformed', text);
  assert.deepEqual(
    found.map((f) => [where(f), covered(text, f), f.message]),
    [
      [
        '20:3-20:22',
        'When I choose March',
        "Another 'When' in scenario 'Export CSV': a scenario checks one action; make the actions one step or split the scenario.",
      ],
      [
        '21:3-21:26',
        'And when I press Export',
        "Another 'When' in scenario 'Export CSV': a scenario checks one action; make the actions one step or split the scenario.",
      ],
    ],
  );
  assert.deepEqual(
    found[0]!.related?.map((r) => [text.slice(r.start, r.end), r.message]),
    [['When I open the export', "The scenario's first 'When'"]],
  );
  assert.equal(found[0]!.severity, 'warning');
});

test("gherkin-malformed: a When block continued by And/But is one block; a 'When' after 'Then' gets one finding, not two", () => {
  const oneBlock = ac(
    '```gherkin\nScenario: Export CSV\n  Given 3 invoices in March\n  When I choose March\n  And I press Export\n  But I do not wait\n  Then I get 3 rows\n```',
  );
  assert.deepEqual(findingsOf('gherkin-malformed', oneBlock), []);
  const again = ac(
    '```gherkin\nScenario: Export CSV\n  Given 3 invoices\n  When I export\n  Then I get 3 rows\n  When I export again\n```',
  );
  assert.deepEqual(
    findingsOf('gherkin-malformed', again).map((f) => f.message),
    ["'When' after 'Then' in scenario 'Export CSV': the action belongs before the outcome."],
  );
  // In plain list lines too, with bold keywords.
  const prose = ac(
    '**Filter**\n\n- **Given** 3 invoices\n- **When** I filter by March\n- **But** when I clear the filter\n- **Then** I get 3 rows',
  );
  const [f, ...rest] = findingsOf('gherkin-malformed', prose);
  assert.equal(rest.length, 0);
  assert.equal(covered(prose, f!), 'But** when I clear the filter');
  assert.equal(
    f!.message,
    "Another 'When' in scenario 'Filter': a scenario checks one action; make the actions one step or split the scenario.",
  );
});

test('gherkin-malformed: more than 8 steps is reported once, on the 9th step, with the count', () => {
  const steps = (n: number) =>
    ['Given a', 'When b', 'Then c', ...Array.from({ length: n - 3 }, (_, i) => `And d${i + 1}`)].map((s) => `  ${s}`).join('\n');
  assert.deepEqual(findingsOf('gherkin-malformed', ac(`\`\`\`gherkin\nScenario: Eight\n${steps(8)}\n\`\`\``)), []);
  const text = ac(`\`\`\`gherkin\nScenario: Eleven\n${steps(11)}\n\`\`\``);
  const found = findingsOf('gherkin-malformed', text);
  assert.deepEqual(
    found.map((f) => [where(f), covered(text, f), f.message]),
    [['26:3-26:9', 'And d6', "Scenario 'Eleven' has 11 steps (at most 8): split it into scenarios that each check one behaviour."]],
  );
  const unnamed = ac(
    Array.from({ length: 9 }, (_, i) => `- ${['Given', 'When', 'Then'][Math.min(i, 2)]} step ${i + 1}`)
      .join('\n')
      .replace(/- Then step ([4-9])/g, '- And step $1'),
  );
  assert.deepEqual(
    findingsOf('gherkin-malformed', unnamed).map((f) => [where(f), f.message]),
    [['24:3-24:13', 'The scenario on line 16 has 9 steps (at most 8): split it into scenarios that each check one behaviour.']],
  );
});

test('gherkin-malformed: the new checks give the same lines and columns with CRLF', () => {
  const lf = ac(
    '```gherkin\nScenario: Export CSV\n  Given 3 invoices\n  When I open the export\n  When I choose March\n  Then I get 3 rows\n```',
  );
  const crlf = lf.replace(/\n/g, '\r\n');
  const [a] = findingsOf('gherkin-malformed', lf);
  const [b] = findingsOf('gherkin-malformed', crlf);
  assert.equal(where(b!), where(a!));
  assert.equal(where(b!), '20:3-20:22');
  assert.equal(covered(crlf, b!), 'When I choose March');
  assert.equal(crlf.slice(b!.related![0]!.start, b!.related![0]!.end), 'When I open the export');
});

test('the story rules stay quiet on a clean story', () => {
  const text = ac('```gherkin\nScenario: Export a month\n  Given 3 invoices in March\n  When I export March\n  Then I get 3 rows\n```');
  assert.deepEqual(lint(text), []);
});
