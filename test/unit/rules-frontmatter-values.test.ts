// Rules on front-matter values: rice-score, id-type-prefix, release-version-id, date-order.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatScore } from '../../src/core/rules/rice-score.js';
import { applyEdits, configWith, covered, doc, findingsOf, lint, PRD_FM, REL_FM, STORY_FM, where, workspaceType } from './rules-helpers.js';

const PRD_BODY = `# Export

## Problem

x

## Goals

x

## Non-goals

x

## Requirements

x

## Success metrics

x
`;

const withRice = (rice: string): string => doc(`${PRD_FM}\n${rice}`, PRD_BODY);

test('rice-score: a wrong score is reported on the value with the computation, and a safe fix', () => {
  const text = withRice('rice:\n  reach: 2000\n  impact: 2\n  confidence: 80\n  effort: 4\n  score: 900   # copied from PRD-7');
  const [f, ...rest] = findingsOf('rice-score', text);
  assert.equal(rest.length, 0);
  assert.equal(
    f!.message,
    'RICE score 900 does not match its inputs: reach 2000 × impact 2 × confidence 80% ÷ effort 4 = 800 (±1 % allowed).',
  );
  assert.equal(where(f!), '13:10-13:13');
  assert.equal(covered(text, f!), '900');
  assert.deepEqual([f!.expected, f!.actual], [['800'], '900']);
  const fix = f!.fixes![0]!;
  assert.equal(fix.safe, true);
  assert.equal(fix.title, 'Set the RICE score to 800');
  const after = applyEdits(text, fix.edits);
  assert.ok(after.includes('  score: 800   # copied from PRD-7\n'), after);
  assert.deepEqual(findingsOf('rice-score', after), []);
});

test('rice-score: ±1 % tolerance, non-integral results rounded, flow mappings', () => {
  assert.deepEqual(findingsOf('rice-score', withRice('rice: {reach: 500, impact: 0.5, confidence: 50, effort: 3, score: 41.5}')), []);
  const text = withRice('rice: {reach: 500, impact: 0.5, confidence: 50, effort: 3, score: 40}');
  const [f] = findingsOf('rice-score', text);
  assert.equal(
    f!.message,
    'RICE score 40 does not match its inputs: reach 500 × impact 0.5 × confidence 50% ÷ effort 3 = 41.67 (±1 % allowed).',
  );
  assert.equal(covered(text, f!), '40');
  assert.ok(applyEdits(text, f!.fixes![0]!.edits).includes('effort: 3, score: 41.67}'));
  assert.equal(formatScore(800), '800');
  assert.equal(formatScore(41.666666), '41.67');
  assert.equal(formatScore(0.0123456), '0.0123');
  assert.equal(formatScore(1999.9999999), '2000');
});

test('rice-score: nothing to check without a score, and no second finding for inputs the schema rejects', () => {
  assert.deepEqual(findingsOf('rice-score', withRice('rice: {reach: 2000, impact: 2, confidence: 80, effort: 4}')), []);
  const badImpact = withRice('rice: {reach: 2000, impact: 4, confidence: 80, effort: 4, score: 1}');
  assert.deepEqual(findingsOf('rice-score', badImpact), []);
  assert.ok(lint(badImpact).some((f) => f.ruleId === 'frontmatter-schema' && covered(badImpact, f) === '4'));
  for (const rice of [
    'rice: {reach: "many", impact: 2, confidence: 80, effort: 4, score: 1}',
    'rice: {reach: 1, impact: 2, confidence: 80, effort: 0, score: 1}',
    'rice: [1, 2]',
    'rice: 7',
    'rice: {reach: 1, impact: 2, confidence: 80, effort: 4, score: "x"}',
  ]) {
    assert.deepEqual(findingsOf('rice-score', withRice(rice)), [], rice);
  }
});

test("id-type-prefix: another type's prefix is named; the fix swaps the prefix only", () => {
  const text = doc(PRD_FM.replace('PRD-1', 'US-4'), PRD_BODY);
  const found = lint(text).filter((f) => covered(text, f) === 'US-4');
  // One finding on the id: the schema's generic pattern error on the same span is dropped.
  assert.deepEqual(
    found.map((f) => f.ruleId),
    ['id-type-prefix'],
  );
  const f = found[0]!;
  assert.equal(f.message, "id 'US-4' has the user-story prefix, but this document is a prd: expected PRD-<number>.");
  assert.equal(where(f), '3:5-3:9');
  assert.equal(f.fixes![0]!.safe, false);
  assert.equal(f.fixes![0]!.title, "Change the id to 'PRD-4'");
  assert.ok(applyEdits(text, f.fixes![0]!.edits).includes('\nid: PRD-4\n'));
});

test('id-type-prefix: wrong case, unknown prefix, quoted ids, release ids', () => {
  const quoted = doc(STORY_FM.replace('id: US-1', 'id: "us-12"'), '# x\n');
  const [a] = findingsOf('id-type-prefix', quoted);
  assert.equal(a!.message, "id 'us-12' has the prefix 'us-' in the wrong case: expected US-<number>.");
  assert.equal(covered(quoted, a!), '"us-12"');
  assert.ok(applyEdits(quoted, a!.fixes![0]!.edits).includes('id: "US-12"'));
  const unknown = doc(STORY_FM.replace('id: US-1', 'id: STORY-12'), '# x\n');
  const [b] = findingsOf('id-type-prefix', unknown);
  assert.equal(b!.message, "id 'STORY-12' does not start with the user-story prefix 'US-': expected US-<number>.");
  assert.ok(applyEdits(unknown, b!.fixes![0]!.edits).includes('id: US-12\n'));
  const rel = doc(REL_FM.replace('id: REL-1.4.0', 'id: PRD-9'), '# x\n');
  assert.deepEqual(
    findingsOf('id-type-prefix', rel).map((f) => f.message),
    ["id 'PRD-9' has the prd prefix, but this document is a release-notes: expected REL-<version>."],
  );
  const epic = doc('type: epic\nid: PRD-5\ntitle: Export\nstatus: draft\nowner: "@jane"', '# x\n');
  assert.deepEqual(
    findingsOf('id-type-prefix', epic).map((f) => f.message),
    ["id 'PRD-5' has the prd prefix, but this document is an epic: expected EPIC-<number>."],
  );
});

test("id-type-prefix: a workspace type's prefix is known too", () => {
  const decision = workspaceType('decision', { idPrefix: 'DEC-', idExample: 'DEC-7', sections: [] });
  const config = configWith(decision);
  const inPrd = doc(PRD_FM.replace('PRD-1', 'DEC-3'), PRD_BODY);
  assert.deepEqual(
    findingsOf('id-type-prefix', inPrd, { config }).map((f) => f.message),
    ["id 'DEC-3' has the decision prefix, but this document is a prd: expected PRD-<number>."],
  );
  const own = doc('type: decision\nid: PRD-3\ntitle: x', '# x\n');
  assert.deepEqual(
    findingsOf('id-type-prefix', own, { config }).map((f) => f.message),
    ["id 'PRD-3' has the prd prefix, but this document is a decision: expected DEC-<number>."],
  );
});

test('release-version-id: version vs the SemVer in the id, related location on the id', () => {
  const text = doc(REL_FM.replace('version: "1.4.0"', 'version: "1.4.1"'), '# x\n');
  const [f, ...rest] = findingsOf('release-version-id', text);
  assert.equal(rest.length, 0);
  assert.equal(
    f!.message,
    "version '1.4.1' does not match the id 'REL-1.4.0': expected '1.4.0' (the version in the id), or change the id.",
  );
  assert.equal(covered(text, f!), '"1.4.1"');
  assert.equal(where(f!), '6:10-6:17');
  assert.equal(text.slice(f!.related![0]!.start, f!.related![0]!.end), 'REL-1.4.0');
  assert.ok(applyEdits(text, f!.fixes![0]!.edits).includes('version: "1.4.0"'));
  assert.equal(f!.fixes![0]!.safe, false);
  // A number (`version: 1.4` read by YAML as 1.4) is the schema's business, not this rule's.
  assert.deepEqual(findingsOf('release-version-id', doc(REL_FM.replace('version: "1.4.0"', 'version: 1.4'), '# x\n')), []);
  // Ids without a SemVer part are not compared with a `version` field.
  assert.deepEqual(findingsOf('release-version-id', doc(`${PRD_FM}\nversion: "2"`, PRD_BODY)), []);
});

test('date-order: updated before created, reported on updated with created as related location', () => {
  const text = doc(`${STORY_FM}\ncreated: 2026-03-02\nupdated: 2026-03-01`, '# x\n');
  const [f] = findingsOf('date-order', text);
  assert.equal(f!.message, 'updated (2026-03-01) is before created (2026-03-02): expected 2026-03-02 or later.');
  assert.equal(where(f!), '7:10-7:20');
  assert.equal(text.slice(f!.related![0]!.start, f!.related![0]!.end), '2026-03-02');
  assert.equal(f!.severity, 'error');
  for (const fm of [
    'created: 2026-03-02\nupdated: 2026-03-02',
    'created: 2026-03-02\nupdated: 2027-01-01',
    'updated: 2020-01-01',
    'created: 2026-03-02\nupdated: 2026-02-30',
    'created: 2026-03-02\nupdated: 20260101',
    'created: "2026-3-2"\nupdated: 2026-01-01',
  ]) {
    assert.deepEqual(findingsOf('date-order', doc(`${STORY_FM}\n${fm}`, '# x\n')), [], fm);
  }
});
