// The graph rules with exact positions and messages (their fixtures under test/fixtures/rules/<rule>/
// workspace mark the lines): requirement-no-story, ref-inactive-prd, status-consistency,
// semver-underbump, release-order, and story-no-release, which is off until configured.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig } from '../../src/core/config/types.js';
import type { Finding } from '../../src/core/types.js';
import { indexFolder, indexTexts } from '../helpers/workspaceIndex.js';

const engine = createEngine();
const fixtures = join(import.meta.dirname, '../fixtures/rules');
const show = (f: Finding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message}`;

function lintFixture(rule: string, file: string, ruleId = rule): string[] {
  const dir = join(fixtures, rule, 'workspace');
  const path = join(dir, file);
  const { findings } = engine.lint(readFileSync(path, 'utf8'), { path, workspace: indexFolder(dir), config: defaultConfig(dir) });
  return findings.filter((f) => f.ruleId === ruleId).map(show);
}

describe('graph rules on their fixtures', () => {
  test('requirement-no-story: on the requirement id of each Must without an implementing story', () => {
    assert.deepEqual(lintFixture('requirement-no-story', 'PRD-20-export.md'), [
      `64:3-64:7 warning Must requirement FR-2 has no story or epic implementing it: PRD-20 is 'approved', so each Must requirement needs one. Add "PRD-20#FR-2" to the \`implements\` list of the story that delivers it.`,
      `65:3-65:7 warning Must requirement FR-3 has no story or epic implementing it: PRD-20 is 'approved', so each Must requirement needs one. Add "PRD-20#FR-3" to the \`implements\` list of the story that delivers it.`,
    ]);
    assert.deepEqual(lintFixture('requirement-no-story', 'PRD-21-draft.md'), [], 'a draft is not checked');
  });

  test('ref-inactive-prd: on the reference, only for stories and epics still in play', () => {
    assert.deepEqual(lintFixture('ref-inactive-prd', 'US-1.md'), [
      `8:6-8:12 warning prd 'PRD-30' (Export invoices as CSV) is 'abandoned', expected a PRD still in play: this user-story is 'ready' and still delivers it. Point it at the PRD that replaced it, or drop the user-story.`,
    ]);
    assert.deepEqual(lintFixture('ref-inactive-prd', 'US-2.md'), []);
    assert.deepEqual(lintFixture('ref-inactive-prd', 'EPIC-4.md'), []);
  });

  test('status-consistency: a done epic with an open story, a launched PRD with an open Must story', () => {
    assert.deepEqual(lintFixture('status-consistency', 'EPIC-5.md'), [
      `5:9-5:13 warning EPIC-5 is 'done' but one of its stories is not done: US-1 ('in-progress'). Finish or drop it (wont-do), or set EPIC-5 back to a status before 'done'.`,
    ]);
    assert.deepEqual(lintFixture('status-consistency', 'PRD-40-launched.md'), [
      `5:9-5:17 warning PRD-40 is 'launched' but one of its Must stories is not done: US-4 ('in-review'). Finish or drop it (wont-do), or set PRD-40 back to a status before 'launched'.`,
    ]);
    assert.deepEqual(lintFixture('status-consistency', 'EPIC-6.md'), [], 'wont-do stories are settled');
  });

  test('semver-underbump: breaking needs a major bump; a minor bump with only fixes is info', () => {
    assert.deepEqual(lintFixture('semver-underbump', 'REL-2.5.0.md'), [
      '6:10-6:17 warning 2.5.0 is a minor bump over 2.4.0 (REL-2.4.0), but the notes say breaking: true: a breaking change needs 3.0.0.',
    ]);
    assert.deepEqual(lintFixture('semver-underbump', 'REL-2.6.0.md'), [
      "6:10-6:17 info 2.6.0 is a minor bump over 2.5.0 (REL-2.5.0), but the notes only fix ('Fixed'): a patch, 2.5.1, says so.",
    ]);
    assert.deepEqual(lintFixture('semver-underbump', 'REL-3.0.0.md'), []);
  });

  test('semver-underbump without a workspace: the front matter’s previous, and a Breaking changes section counts', () => {
    const text = readFileSync(join(fixtures, 'semver-underbump/workspace/REL-2.5.0.md'), 'utf8')
      .replace('breaking: true', 'breaking: false')
      .replace('created:', 'previous: "2.4.2"\ncreated:');
    const found = engine
      .lint(text, { path: '/ws/REL-2.5.0.md', config: defaultConfig('/ws') })
      .findings.filter((f) => f.ruleId === 'semver-underbump');
    assert.deepEqual(
      found.map((f) => f.message),
      ["2.5.0 is a minor bump over 2.4.2 (`previous`), but the notes have a 'Breaking changes' section: a breaking change needs 3.0.0."],
    );
  });

  test('release-order: both releases of the pair are told; a backport of an older line is not compared', () => {
    assert.deepEqual(lintFixture('release-order', 'REL-2.4.1.md'), [
      '7:7-7:17 warning 2.4.1 is dated 2026-06-10, before REL-2.4.0 (2.4.0, 2026-06-18), a lower version of the same line: expected a date on or after 2026-06-18. One of the two dates or versions is wrong.',
    ]);
    assert.deepEqual(lintFixture('release-order', 'REL-2.3.2.md'), []);
  });
});

describe('story-no-release (off by default)', () => {
  const fm = (lines: string) => `---\n${lines.trim()}\n---\n\n# Doc\n`;
  const files = {
    '/ws/US-1.md': fm('type: user-story\nid: US-1\ntitle: One\nstatus: done\nupdated: 2026-05-29'),
    '/ws/US-2.md': fm('type: user-story\nid: US-2\ntitle: Two\nstatus: done\nupdated: 2026-05-29\nrelease: REL-2.4.0'),
    '/ws/US-3.md': fm('type: user-story\nid: US-3\ntitle: Three\nstatus: done\nupdated: 2026-07-01'),
    '/ws/REL-2.4.0.md': fm('type: release-notes\nid: REL-2.4.0\ntitle: R\nstatus: released\nversion: "2.4.0"\ndate: 2026-06-18'),
  };
  const ws = indexTexts(files);
  const lint = (path: keyof typeof files, on: boolean) => {
    const config = { ...defaultConfig('/ws'), ...(on ? { rules: { 'story-no-release': 'info' as const } } : {}) };
    return engine
      .lint(files[path], { path, workspace: ws, config })
      .findings.filter((f) => f.ruleId === 'story-no-release')
      .map(show);
  };

  test('silent unless configured; then a done story in no release, released after it, is told', () => {
    assert.deepEqual(lint('/ws/US-1.md', false), []);
    assert.deepEqual(lint('/ws/US-1.md', true), [
      "5:9-5:13 info US-1 is 'done' since 2026-05-29, but no release ships it, while REL-2.4.0 was released on 2026-06-18: name the release in `release:` (or list US-1 in its `stories`), or leave it for the next one.",
    ]);
    assert.deepEqual(lint('/ws/US-2.md', true), [], 'in a release');
    assert.deepEqual(lint('/ws/US-3.md', true), [], 'done after the last release');
  });
});
