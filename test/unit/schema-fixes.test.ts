// Every quick fix the schema rules offer does what it says: applied on its own, the finding it was
// offered for is gone and no finding appears that was not there before. Edits are minimal: comments and
// quoting around the edited value survive.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig } from '../../src/core/config/types.js';
import type { Finding, Fix } from '../../src/core/types.js';

const engine = createEngine();
const MINE = new Set(['frontmatter-schema', 'frontmatter-unknown-key', 'yaml-coerced-scalar']);
const associated = { ...defaultConfig(''), associations: [{ glob: 'prd/**', type: 'prd' }] };

const lint = (text: string, path?: string): Finding[] => engine.lint(text, { path, config: path ? associated : undefined }).findings;
const key = (f: Finding) => `${f.ruleId}: ${f.message}`;

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const lines = (text: string) => text.split('\n');
const lineOf = (text: string, needle: string): number => lines(text).findIndex((l) => l.startsWith(needle)) + 1;
const line = (text: string, n: number): string => lines(text)[n - 1]!;

const STORY_BODY =
  '\n# Export\n\n## Story\n\nAs a bookkeeper, I want to export invoices, so that my accountant gets them.\n\n## Acceptance criteria\n\n- [ ] All invoices of the month are in the file.\n';

const docs: { name: string; text: string; path?: string }[] = [
  {
    name: 'user story with typos, coerced values and quoted numbers',
    text: `---
type: user-story
id: US-7
title: 2026 # the year we ship it
status: redy
ownr: "@kim"
estimate: "3"
priority: 'Shuld'
sprint: 2026.10
tags: [billing, 2026]
rice: {reach: '1200', impact: 2, confidence: 80, effort: 1, scroe: 2400}
---
${STORY_BODY}`,
  },
  {
    name: 'release notes released without date, boolean written as text',
    text: `---
type: release-notes
id: REL-2.5.0
title: Ledgerly 2.5.0
status: released
version: "2.5.0"
breaking: "false"
---

# Ledgerly 2.5.0

## Highlights

Quarterly exports.

## Added

- Quarterly CSV export.
`,
  },
  {
    name: 'PRD with nested typos and missing keys',
    text: `---
type: prd
id: PRD-3
title: Payment reminders
status: Draft
created: 2026-01-05
rice:
  reach: 100
  impact: 2
  confidense: 80
  effort: 2
---

# Payment reminders
`,
  },
  { name: 'no front matter, typed by a path association', text: '# Notes\n\nSome text.\n', path: 'prd/notes.md' },
  { name: 'empty front matter, typed by a path association', text: '---\n---\n\n# Notes\n', path: 'prd/notes.md' },
];

for (const doc of docs) {
  test(`every schema fix works on its own: ${doc.name}`, () => {
    const before = lint(doc.text, doc.path);
    const offered = before
      .filter((f) => MINE.has(f.ruleId))
      .flatMap((f) => (f.fixes ?? []).filter((x) => !x.title.startsWith('Disable')).map((fix) => ({ f, fix })));
    assert.ok(offered.length > 0, 'the document offers schema fixes');
    const was = new Set(before.map(key));
    for (const { f, fix } of offered) {
      const after = lint(apply(doc.text, fix), doc.path);
      const now = after.map(key);
      assert.ok(!now.includes(key(f)), `'${fix.title}' removes "${f.message}"`);
      assert.deepEqual(
        now.filter((k) => !was.has(k)),
        [],
        `'${fix.title}' adds no finding`,
      );
    }
  });
}

test('fix edits touch only the value or key: comments and quote styles stay', () => {
  const doc = docs[0]!;
  const findings = lint(doc.text);
  const fixFor = (ruleId: string, start: string) => findings.find((f) => f.ruleId === ruleId && f.message.startsWith(start))!.fixes![0]!;
  assert.equal(line(apply(doc.text, fixFor('yaml-coerced-scalar', 'title')), 4), 'title: "2026" # the year we ship it');
  assert.equal(line(apply(doc.text, fixFor('frontmatter-schema', 'status')), 5), 'status: ready');
  assert.equal(line(apply(doc.text, fixFor('frontmatter-unknown-key', "Unknown key 'ownr'")), 6), 'owner: "@kim"');
  assert.equal(line(apply(doc.text, fixFor('frontmatter-schema', 'estimate')), 7), 'estimate: 3');
  assert.equal(line(apply(doc.text, fixFor('frontmatter-schema', 'priority')), 8), "priority: 'should'");
  assert.equal(line(apply(doc.text, fixFor('yaml-coerced-scalar', 'tags')), 10), 'tags: [billing, "2026"]');
  assert.equal(
    line(apply(doc.text, fixFor('frontmatter-schema', 'rice.reach')), 11),
    'rice: {reach: 1200, impact: 2, confidence: 80, effort: 1, scroe: 2400}',
  );
});

test('a fix is safe only when it is the one obvious choice', () => {
  const findings = lint(docs[0]!.text);
  const titles = (start: string) =>
    findings
      .find((f) => f.message.startsWith(start))!
      .fixes!.filter((x) => !x.title.startsWith('Disable'))
      .map((x) => [x.title, x.safe]);
  assert.deepEqual(titles('status'), [["Replace with 'ready'", true]]);
  assert.deepEqual(titles('title'), [['Quote the value: "2026"', true]]);
  // Two close values: both offered, neither applied by "fix all".
  const priority = findings.find((f) => f.message.startsWith('priority'))!;
  assert.match(priority.message, /Did you mean 'should' or 'could'\?/);
  assert.deepEqual(titles('priority'), [
    ["Replace with 'should'", false],
    ["Replace with 'could'", false],
  ]);
});

test('a version YAML read as a number: "x.y.0" offered first, quoting as written second, neither safe', () => {
  const text = docs[1]!.text.replace('version: "2.5.0"', 'version: 2.5');
  const f = lint(text).find((x) => x.ruleId === 'yaml-coerced-scalar')!;
  assert.equal(
    f.message,
    'version 2.5 was read as a number; quoted as "2.5" it would still be wrong: version \'2.5\' does not match the SemVer version format: MAJOR.MINOR.PATCH with optional -prerelease and +build parts, no leading "v" (e.g. 2.4.0). Did you mean "2.5.0"?',
  );
  const fixes = (f.fixes ?? []).filter((x) => !x.title.startsWith('Disable'));
  assert.deepEqual(
    fixes.map((x) => [x.title, x.safe]),
    [
      ['Set to "2.5.0"', false],
      ['Quote the value: "2.5"', false],
    ],
  );
  assert.equal(line(apply(text, fixes[0]!), lineOf(text, 'version: 2.5')), 'version: "2.5.0"');
  assert.equal(line(apply(text, fixes[1]!), lineOf(text, 'version: 2.5')), 'version: "2.5"');
  // Applied, the first leaves no finding on the version; the second leaves only "not SemVer".
  const after = lint(apply(text, fixes[0]!)).filter((x) => x.line === lineOf(text, 'version: 2.5'));
  assert.deepEqual(after, []);
  const quoted = lint(apply(text, fixes[1]!))
    .filter((x) => x.line === lineOf(text, 'version: 2.5'))
    .map((x) => x.ruleId);
  assert.deepEqual(quoted, ['release-version-id']);
});

test('a coerced value with no valid reading gets the quote fix only, not safe', () => {
  const text = docs[1]!.text.replace('version: "2.5.0"', 'version: 2.5e3');
  const f = lint(text).find((x) => x.ruleId === 'yaml-coerced-scalar')!;
  assert.doesNotMatch(f.message, /Did you mean/);
  assert.deepEqual(
    (f.fixes ?? []).filter((x) => !x.title.startsWith('Disable')).map((x) => [x.title, x.safe]),
    [['Quote the value: "2.5e3"', false]],
  );
});
