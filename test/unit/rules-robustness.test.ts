// The body rules on odd input never throw (the engine would turn a throw into an error finding), give
// the same lines for CRLF and BOM copies of every fixture, and obey suppression comments.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/core/config/types.js';
import { docTypeFromSchema } from '../../src/core/doctypes/docType.js';
import { configWith, doc, findingsOf, fixture, lint, PRD_FM, STORY_FM, where } from './rules-helpers.js';

const BODY_RULES = [
  'required-section',
  'section-order',
  'empty-section',
  'user-story-statement',
  'acceptance-criteria',
  'gherkin-malformed',
  'release-change-type',
  'breaking-changes-section',
  'rice-score',
  'id-type-prefix',
  'release-version-id',
  'date-order',
  'unresolved-at-approval',
  'moscow-must-overload',
];

const crashes = (text: string, config = defaultConfig('/ws')) =>
  lint(text, { config }).filter((f) => /failed on this document/.test(f.message));

test('odd front-matter values and bodies never make a rule throw', () => {
  const odd = [
    'type: prd\nid: 12\ntitle: [1]\nrice: "x"\nversion: 1.1\ncreated: 5\nupdated: {a: 1}\nbreaking: "yes"\nformat: [prfaq]\nsuccess_metrics: ""',
    'type: release-notes\nid: REL-\nversion: ""\nbreaking: true\ncreated: ~\nupdated: 2026-01-01',
    'type: release-notes\nid: [REL-1.0.0]\nversion: {a: 1}',
    'type: user-story\nid: ~\nrice: {reach: .inf, impact: 2, confidence: 80, effort: .nan, score: 1}',
    'type: prd\nrice: {reach: 1e308, impact: 3, confidence: 100, effort: 1e-308, score: 1}',
  ];
  const bodies = [
    '',
    '#',
    '# Title\n\n## \n\n##\n',
    '## Story\n\nAs a\n\n## Acceptance criteria\n\nGiven\nWhen\nThen\n\n```gherkin\n```\n\n```gherkin\nScenario:\n  """\n  unclosed doc string\n```\n',
    '- ## Story in a list\n  > ## Acceptance criteria in a quote\n  > - Given x\n  > - When y\n',
    'Setext title\n============\n\nStory\n-----\n\nAs a user, I want x\n',
    '<div>\n\n## Problem\n\n</div>\n\n<!-- unclosed comment\n\n## Goals\n',
    `${'> '.repeat(40)}deep quote\n\n${'- '.repeat(40)}deep list\n`,
    '```\n## Not a heading\n',
  ];
  for (const fm of odd) {
    for (const body of bodies) {
      const text = doc(fm, body);
      assert.deepEqual(crashes(text), [], text);
      assert.deepEqual(crashes(text.replace(/\n/g, '\r\n')), [], `CRLF ${text}`);
    }
  }
});

test('a document typed by path, without front matter, and an unclosed front matter', () => {
  const config = { ...defaultConfig('/ws'), associations: [{ glob: 'stories/**', type: 'user-story' }] };
  const text = '# Export\n\n## Story\n\nAs a bookkeeper, I want x, so that y.\n';
  const found = lint(text, { config, path: '/ws/stories/a.md' });
  assert.deepEqual(
    found.filter((f) => /failed on this document/.test(f.message)),
    [],
  );
  assert.deepEqual(
    found.filter((f) => f.ruleId === 'required-section').map((f) => f.message),
    ["Missing required section 'Acceptance criteria' (also accepted: AC, Acceptance tests, …)."],
  );
  assert.deepEqual(crashes(`---\n${STORY_FM}\n\n# no closing fence\n`), []);
  assert.deepEqual(crashes('\uFEFF'), []);
});

test('malformed body structure in a workspace type is tolerated', () => {
  const bad = docTypeFromSchema(
    {
      $id: 'urn:test:bad',
      type: 'object',
      'x-pmdocs': {
        type: 'bad',
        idPrefix: 7,
        sections: [
          null,
          { name: 'A', synonyms: 'not a list', required: true, requiredWhen: 'x' },
          { name: '' },
          { name: 'B', group: 'g', role: 'story' },
          { name: 'C', role: 'acceptance-criteria', satisfiedBy: 3 },
        ],
        order: [1, null, 'A', 'g', 'Nowhere'],
        groups: { g: null, h: { min: 'two' }, i: { min: 1 } },
      },
    },
    { builtIn: false, name: 'bad' },
  );
  const config = configWith(bad);
  for (const body of ['', '# T\n\n## B\n\n## A\n\nx\n\n## C\n', '## Nowhere\n\n## A\n']) {
    assert.deepEqual(crashes(doc('type: bad\nid: X-1', body), config), [], body);
  }
  const sectionsNotAList = docTypeFromSchema(
    { $id: 'urn:test:worse', type: 'object', 'x-pmdocs': { type: 'worse', sections: 'x', order: 'y', groups: 'z' } },
    { builtIn: false, name: 'worse' },
  );
  assert.deepEqual(crashes(doc('type: worse\nid: X-1', '## A\n'), configWith(sectionsNotAList)), []);
});

test('a long body with hundreds of sections, scenarios and statements', () => {
  const parts: string[] = ['# Big\n'];
  for (let i = 0; i < 300; i++) {
    parts.push(
      `## ${i % 2 ? 'Story' : 'Acceptance criteria'}\n\nAs a bookkeeper, I want export ${i}, so that I save time.\n\n- Given ${i}\n- When ${i}\n- Then ${i}\n\n\`\`\`gherkin\nScenario: s${i}\n  Then a\n  When b\n\`\`\`\n`,
    );
  }
  const text = doc(STORY_FM, parts.join('\n'));
  const found = lint(text);
  assert.deepEqual(
    found.filter((f) => /failed on this document/.test(f.message)),
    [],
  );
  assert.equal(found.filter((f) => f.ruleId === 'gherkin-malformed' && f.message.startsWith("'When' after 'Then'")).length, 300);
  assert.ok(found.some((f) => f.ruleId === 'section-order'));
});

const fixtureFiles = BODY_RULES.flatMap((rule) =>
  readdirSync(join(import.meta.dirname, '../fixtures/rules', rule))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `${rule}/${n}`),
);

test('CRLF and BOM copies of every body-rule fixture give the same findings on the same lines', () => {
  assert.ok(fixtureFiles.length >= 50);
  const key = (text: string) => lint(text).map((f) => `${where(f)} ${f.ruleId} ${f.message}`);
  for (const file of fixtureFiles) {
    const text = fixture(file);
    const expected = key(text);
    assert.deepEqual(key(text.replace(/\r?\n/g, '\r\n')), expected, `CRLF ${file}`);
    assert.deepEqual(
      key(`\uFEFF${text}`).map((k) => k.replace(/^1:(\d+)/, (_, c) => `1:${Number(c) - 1}`)),
      expected.map((k) => k.replace(/^1:(\d+)/, (_, c) => `1:${Number(c)}`)),
      `BOM ${file}`,
    );
  }
});

test('suppression comments: next line, disable/enable region, YAML comment in the front matter', () => {
  const base = fixture('required-section/missing-non-goals.md').replace(' <!-- expect: required-section -->', '');
  assert.equal(findingsOf('required-section', base).length, 1);
  const nextLine = base.replace('## Goals', '<!-- pmdocs-disable-next-line required-section -->\n## Goals');
  assert.deepEqual(findingsOf('required-section', nextLine), []);
  const otherRule = base.replace('## Goals', '<!-- pmdocs-disable-next-line section-order -->\n## Goals');
  assert.equal(findingsOf('required-section', otherRule).length, 1);

  const empty = doc(
    PRD_FM,
    '# X\n\n## Problem\n\nTBD\n\n<!-- pmdocs-disable empty-section -->\n\n## Goals\n\nTBD\n\n## Non-goals\n\nTBD\n\n<!-- pmdocs-enable empty-section -->\n\n## Requirements\n\nTBD\n\n## Success metrics\n\nx\n',
  );
  assert.deepEqual(
    findingsOf('empty-section', empty).map((f) => f.message.split(' holds')[0]),
    ["Required section 'Problem'", "Required section 'Requirements'"],
  );

  const rice = doc(
    `${PRD_FM}\nrice:\n  reach: 2000\n  impact: 2\n  confidence: 80\n  effort: 4\n  # pmdocs-disable-next-line rice-score\n  score: 900`,
    '# X\n',
  );
  assert.deepEqual(findingsOf('rice-score', rice), []);
  assert.equal(findingsOf('rice-score', rice.replace('  # pmdocs-disable-next-line rice-score\n', '')).length, 1);
});

test('configured severities apply to the body rules; off silences them', () => {
  const text = fixture('section-order/story-after-criteria.md');
  const config = (setting: 'error' | 'off') => ({ ...defaultConfig('/ws'), rules: { 'section-order': setting } });
  assert.deepEqual(
    lint(text, { config: config('error') }).map((f) => `${f.ruleId}:${f.severity}`),
    ['section-order:error'],
  );
  assert.deepEqual(lint(text, { config: config('off') }), []);
  // A per-report severity (info for a missing "so that") is also overridden by configuration.
  const info = fixture('user-story-statement/no-benefit.md');
  assert.deepEqual(
    lint(info).map((f) => f.severity),
    ['info'],
  );
  assert.deepEqual(
    lint(info, { config: { ...defaultConfig('/ws'), rules: { 'user-story-statement': 'error' } } }).map((f) => f.severity),
    ['error'],
  );
});
