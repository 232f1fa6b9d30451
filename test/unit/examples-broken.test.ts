// The broken examples that carry `expect` markers get exactly the findings they advertise, at the marked
// lines, linted with an index of the whole examples/ workspace (the cross-document rules need one), and
// every good example of the newer doc types lints clean the same way.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { expectationsIn, key } from '../helpers/expectations.js';
import { markdownFiles } from '../helpers/markdownFiles.js';
import { indexFolder } from '../helpers/workspaceIndex.js';
import { localIsoDate } from '../../src/core/localDate.js';

const examples = join(import.meta.dirname, '../../examples');
const engine = createEngine();
const workspace = indexFolder(examples);
// Today, as `pmdocs lint` passes it: the examples' dates are in the past (an overdue risk review stays overdue).
const today = localIsoDate(new Date());
const NEWER_TYPES = /^type: (experiment|launch|okr|risk-register|decision|rfc|roadmap)$/m;

for (const file of markdownFiles(examples).sort()) {
  const text = readFileSync(file, 'utf8');
  const expected = expectationsIn(text);
  const broken = file.includes(`${join('examples', 'broken')}`);
  if (broken ? expected.length === 0 : !NEWER_TYPES.test(text)) continue;
  test(`example ${relative(examples, file)}: ${broken ? 'exactly the marked findings' : 'no findings'}`, () => {
    const { findings } = engine.lint(text, { path: file, workspace, today });
    const actual = findings.map((f) => `${key({ line: f.line, ruleId: f.ruleId })} ${f.message}`).sort();
    assert.deepEqual(
      actual.map((a) => a.split(' ')[0]).sort(),
      expected.map(key).sort(),
      `findings:\n  ${actual.join('\n  ') || '(none)'}`,
    );
  });
}
