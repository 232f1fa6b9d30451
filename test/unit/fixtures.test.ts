// Every fixture under test/fixtures/rules is linted; the findings must be exactly the marked lines.
// A folder named `workspace` is one workspace: its fixtures are linted with an index of all of its
// documents (the cross-document rules need one); every other fixture is linted alone, without an index.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { markdownFiles as files } from '../helpers/markdownFiles.js';
import { join, relative } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { expectationsIn, key } from '../helpers/expectations.js';
import { indexFolder } from '../helpers/workspaceIndex.js';
import type { WorkspaceIndex } from '../../src/core/workspace/index.js';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { rules as allRules } from '../../src/core/rules/index.js';

const root = join(import.meta.dirname, '../fixtures/rules');
// The requirement-language rules (req-*) are tested by their own folders; another rule's fixtures are
// linted with them off, so those fixtures keep testing one thing each.
const languageOff: ResolvedConfig = {
  ...defaultConfig(),
  rules: Object.fromEntries(allRules.filter((r) => r.id.startsWith('req-')).map((r) => [r.id, 'off' as const])),
};
const engine = createEngine();
/** "Today" for fixtures, so that a date in the future stays in the future (changelog-date). */
const TODAY = '2026-12-07';
const indexes = new Map<string, WorkspaceIndex>();

/** The index of the `workspace` folder a fixture is in, if it is in one. */
function workspaceOf(file: string): WorkspaceIndex | undefined {
  const m = /^(.*[\\/]workspace)[\\/]/.exec(file);
  if (!m) return undefined;
  let index = indexes.get(m[1]!);
  if (!index) indexes.set(m[1]!, (index = indexFolder(m[1]!)));
  return index;
}

for (const file of files(root).sort()) {
  const name = relative(root, file);
  test(`fixture ${name}`, () => {
    const text = readFileSync(file, 'utf8');
    const config = name.startsWith('req-') ? undefined : languageOff;
    const { findings } = engine.lint(text, { path: file, workspace: workspaceOf(file), config, today: TODAY });
    const actual = findings.map((f) => `${key({ line: f.line, ruleId: f.ruleId })} ${f.message}`).sort();
    const expected = expectationsIn(text).map(key).sort();
    assert.deepEqual(actual.map((a) => a.split(' ')[0]).sort(), expected, `findings of ${name}:\n  ${actual.join('\n  ') || '(none)'}`);
  });
}
