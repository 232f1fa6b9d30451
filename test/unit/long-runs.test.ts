// Long runs of spaces inside one line (hostile input, issue 17): each place that trimmed or matched them
// with a `[…]+$` pattern took quadratic time (a heading line of 40,000 spaces: 9 s to lint). These
// documents hold runs of 100,000 and must read as their short forms do; before the fixes each took minutes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { parseMarkdownTree } from '../../src/core/document/markdownTree.js';
import { classify } from '../../src/core/document/gherkin.js';
import type { Heading } from 'mdast';

const RUN = ' '.repeat(100_000);
const engine = createEngine();
const prd = (body: string) =>
  `---\ntype: prd\nid: PRD-1\ntitle: Runs\nstatus: draft\nowner: "@a"\n---\n\n# Runs\n\n## Problem\n\nx\n\n${body}\n\n## Non-goals\n\n- y\n\n## Requirements\n\n- z\n\n## Success metrics\n\n- m\n`;
const requiredSection = (text: string) =>
  engine
    .lint(text, { path: '/w/docs/prd/runs.md' })
    .findings.filter((f) => f.ruleId === 'required-section')
    .map((f) => f.message);

test('a heading with a long run of spaces before "(optional)" is still that section', () => {
  assert.deepEqual(requiredSection(prd(`## Goals${RUN}(optional)\n\n- g`)), []);
  assert.deepEqual(requiredSection(prd('## Goals (optional)\n\n- g')), []);
});

test('the rename of a misspelt heading with a long run before "(optional)" replaces the word only', () => {
  const text = prd(`## Gaols${RUN}(optional)\n\n- g`);
  const finding = engine.lint(text, { path: '/w/docs/prd/runs.md' }).findings.find((f) => f.ruleId === 'required-section');
  const edit = finding?.fixes?.[0]?.edits[0];
  assert.ok(edit, 'a rename is offered');
  assert.equal(text.slice(edit.start, edit.end), 'Gaols');
  assert.equal(edit.newText, 'Goals');
});

test('an ATX heading line with a long run of spaces is one heading, with its closing sequence, offsets kept', () => {
  const line = `## Goals${RUN}x ##`;
  const root = parseMarkdownTree(`${line}\n\npara\n`);
  const heading = root.children[0] as Heading;
  assert.equal(heading.type, 'heading');
  assert.equal(heading.position?.end.offset, line.length);
  const words = heading.children.map((c) => ('value' in c ? c.value : '')).join('');
  assert.equal(words.replace(/\s+/g, ' '), 'Goals x');
  assert.equal(root.children[1]?.position?.start.offset, line.length + 2);
});

test('a scenario title with a long run of spaces and emphasis marks around it is trimmed', () => {
  const c = classify({ text: `Scenario: **Checkout**${RUN}`, offset: 0 }, true);
  assert.equal(c.kind, 'header');
  assert.equal(c.kind === 'header' && c.name, 'Checkout');
});
