// Every fixture under test/fixtures/rules is linted; the findings must be exactly the marked lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { markdownFiles as files } from '../helpers/markdownFiles.js';
import { join, relative } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { expectationsIn, key } from '../helpers/expectations.js';

const root = join(import.meta.dirname, '../fixtures/rules');
const engine = createEngine();

for (const file of files(root).sort()) {
  const name = relative(root, file);
  test(`fixture ${name}`, () => {
    const text = readFileSync(file, 'utf8');
    const { findings } = engine.lint(text, { path: file });
    const actual = findings.map((f) => `${key({ line: f.line, ruleId: f.ruleId })} ${f.message}`).sort();
    const expected = expectationsIn(text).map(key).sort();
    assert.deepEqual(
      actual.map((a) => a.split(' ')[0]).sort(),
      expected,
      `findings of ${name}:\n  ${actual.join('\n  ') || '(none)'}`,
    );
  });
}
