// PRD sections required by a front-matter flag: personal_data: true → Privacy, user_facing: true →
// Accessibility. The quick fix inserts each from the PRD template; the inserted text then counts as
// template text until it is written over.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { applyFixes } from '../../src/core/fixes/applyFixes.js';

const engine = createEngine();
const path = '/ws/PRD-5.md';
const text = readFileSync(join(import.meta.dirname, '../fixtures/rules/required-section/prd-personal-data-user-facing.md'), 'utf8');

test('both flags: two findings pointing at the flag that requires each section', () => {
  const found = engine.lint(text, { path }).findings.filter((f) => f.ruleId === 'required-section');
  assert.deepEqual(
    found.map((f) => [f.line, f.related?.map((r) => `${text.slice(r.start, r.end)}: ${r.message}`)]),
    [
      [30, ["true: 'personal_data' makes 'Privacy' required"]],
      [30, ["true: 'user_facing' makes 'Accessibility' required"]],
    ],
  );
});

test('the quick fixes insert the sections from the template; what is left is template text to replace', () => {
  // Both fixes insert at the same place, so one at a time (as a person would).
  let out = { text };
  for (let i = 0; i < 2; i++) {
    const next = engine.lint(out.text, { path }).findings.find((f) => f.ruleId === 'required-section');
    assert.ok(next?.fixes?.length);
    out = applyFixes(out.text, next.fixes.slice(0, 1));
  }
  assert.match(
    out.text,
    /\n## Privacy\n\n- \*\*Data collected:\*\* .*\n- \*\*Purpose:\*\* .*\n- \*\*Retention:\*\* .*\n- \*\*Lawful basis:\*\* .*\n/,
  );
  assert.match(out.text, /\n## Accessibility\n\n- \*\*Target:\*\* WCAG 2\.2 level AA\.\n- \*\*Verified by:\*\* .*\n/);
  const after = engine.lint(out.text, { path }).findings;
  assert.deepEqual(
    after.map((f) => `${f.ruleId}: ${f.message}`),
    [
      "empty-section: Required section 'Privacy' still holds the template text (a reminder while the status is 'draft'): expected your own content in its place.",
      "empty-section: Required section 'Accessibility' still holds the template text (a reminder while the status is 'draft'): expected your own content in its place.",
    ],
  );
});

test('flags false or absent: neither section is required', () => {
  for (const flags of ['personal_data: false\nuser_facing: false', '']) {
    const t = text.replace('personal_data: true\nuser_facing: true', flags);
    assert.deepEqual(
      engine.lint(t, { path }).findings.map((f) => f.ruleId),
      [],
    );
  }
});
