// EARS sentences: the five patterns (and combinations) are accepted; a malformed sentence is diagnosed
// against the pattern its opening word names. The style is chosen per document (criteria_style) or per
// type (x-pmdocs.criteriaStyle), the document winning.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEars } from '../../src/core/document/ears.js';
import { configWith, doc, findingsOf, workspaceType } from './rules-helpers.js';

test('the five EARS patterns, and combined openers, are accepted', () => {
  const cases: [string, string][] = [
    ['The export service shall keep each file for 7 days.', 'ubiquitous'],
    ['When an export finishes, the export service shall email a link.', 'event-driven'],
    ['While an export is running, the export page shall show its progress.', 'state-driven'],
    ['If the email bounces, then the export service shall show the link on the page.', 'unwanted'],
    ['Where single sign-on is enabled, the download link shall require a session.', 'optional'],
    [
      'While the account is on the free plan, when an export exceeds 2,000 invoices, the export service shall offer an upgrade.',
      'event-driven',
    ],
    ['When the user saves a file, an archive, or a draft, the system shall keep a copy.', 'event-driven'],
    ['when an export finishes, then the export service shall email a link', 'event-driven'],
  ];
  for (const [sentence, pattern] of cases) assert.deepEqual(parseEars(sentence), { ok: true, pattern }, sentence);
});

test('malformed sentences name the pattern they nearly match and what is wrong', () => {
  const cases: [string, string, string][] = [
    [
      'When an export finishes the export service shall email a link.',
      'event-driven',
      "no comma closes the when-clause before 'the <system> shall …'",
    ],
    ['If the link expired, the export service shall rebuild the file.', 'unwanted', "'then' is missing after the if-clause"],
    ['While an export runs, the export page should show its progress.', 'state-driven', "it says 'should' where EARS says 'shall'"],
    ['When the admin cancels, shall delete the partial file.', 'event-driven', "no system is named before 'shall'"],
    ['Where SSO is on, the export service shall', 'optional', "nothing follows 'shall': the response is missing"],
    ['Users shall export invoices.', 'ubiquitous', "'Users' before 'shall' is not 'the <system>'"],
    ['Exports are fast.', 'ubiquitous', "there is no 'the <system> shall <response>' clause"],
    ['The export will be emailed.', 'ubiquitous', "it says 'will' where EARS says 'shall'"],
  ];
  for (const [sentence, pattern, problem] of cases) assert.deepEqual(parseEars(sentence), { ok: false, pattern, problem }, sentence);
});

test('the message quotes the sentence, the pattern and its template, on the item', () => {
  const text = doc(
    'type: user-story\nid: US-1\ntitle: T\nstatus: draft\ncriteria_style: ears',
    '# T\n\n## Story\n\nAs an admin, I want a link, so that I need not wait.\n\n## Acceptance criteria\n\n- When an export finishes the export service shall email a link.\n',
  );
  const [f, ...more] = findingsOf('ears-malformed', text);
  assert.deepEqual(more, []);
  assert.equal(
    f!.message,
    "'When an export finishes the export service shall email a link.' nearly matches the EARS event-driven pattern 'When <trigger>, the <system> shall <response>', but no comma closes the when-clause before 'the <system> shall …'.",
  );
  assert.equal(text.slice(f!.start, f!.end), 'When an export finishes the export service shall email a link.');
});

test('per type (x-pmdocs.criteriaStyle) or per document; the document wins', () => {
  const requirement = workspaceType(
    'spec',
    { criteriaStyle: 'ears', sections: [{ name: 'Requirements', required: true, role: 'requirements' }] },
    { criteria_style: { type: 'string' } },
  );
  const config = configWith(requirement);
  const body = '# S\n\n## Requirements\n\n- Exports are fast.\n';
  assert.equal(findingsOf('ears-malformed', doc('type: spec\nid: S-1\ntitle: S', body), { config }).length, 1, 'the type asks for EARS');
  assert.equal(
    findingsOf('ears-malformed', doc('type: spec\nid: S-1\ntitle: S\ncriteria_style: any', body), { config }).length,
    0,
    'the document opts out',
  );
  assert.equal(
    findingsOf(
      'ears-malformed',
      doc('type: prd\nid: PRD-1\ntitle: S\nstatus: draft\nowner: "@a"\ncreated: 2026-01-01', body.replace('# S', '# S')),
    ).length,
    0,
    'a PRD without the key is not checked',
  );
});
