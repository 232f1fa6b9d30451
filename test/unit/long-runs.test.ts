// Long runs of spaces inside one line (hostile input, issue 17): each place that trimmed or matched them
// with a `[…]+$` pattern took quadratic time (a heading line of 40,000 spaces: 9 s to lint). These
// documents hold runs of 100,000 and must read as their short forms do; before the fixes each took minutes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { parseMarkdownTree } from '../../src/core/document/markdownTree.js';
import { classify } from '../../src/core/document/gherkin.js';
import type { Heading } from 'mdast';
import { plainValueLength } from '../../src/core/document/plainValue.js';
import { withoutTrailingComments, withoutTrailingYamlComments } from '../../src/core/document/trim.js';

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

// The patterns plainValueLength replaced, as the reference on short lines.
function referenceLength(before: string, rest: string): number {
  const inFlow = /[[{,]\s*$/.test(before);
  const end = inFlow ? rest.search(/\s*[,\]}]/) : rest.search(/\s+#|\s*$/);
  return end < 0 ? rest.length : end;
}

test('the value to quote ends where the patterns it replaces said, on random lines, and fast on long runs', () => {
  const alphabet = ['a', ' ', '\t', '#', ',', ']', '}', '[', '{', '@', '`', 'x'];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % alphabet.length;
  const word = (n: number) => Array.from({ length: n }, () => alphabet[next()]).join('');
  for (let k = 0; k < 5000; k++) {
    const before = word(k % 6);
    const rest = word(1 + (k % 13));
    assert.equal(plainValueLength(before, rest), referenceLength(before, rest), JSON.stringify([before, rest]));
  }
  assert.equal(plainValueLength('key: ', `@v${RUN}x # note`), 2 + RUN.length + 1);
  assert.equal(plainValueLength('key: [a, ', `@v${RUN}]`), 2);
});

test('a reserved character in front matter with a long run of spaces after it gets its quote-the-value hint', () => {
  const text = `---\ntype: prd\nid: PRD-1\ntitle: @Runs${RUN}x\nstatus: draft\nowner: "@a"\n---\n\n# Runs\n`;
  const yaml = engine.lint(text, { path: '/w/docs/prd/runs.md' }).findings.find((f) => f.line === 4);
  assert.ok(yaml, 'a finding on the title line');
  assert.match(yaml.message, /quote the value/);
});

test('a long front matter line, a long blank line and long indentation are not "nested too deep"', () => {
  const long = 'A long title word '.repeat(15); // 270 characters: blanked, the front matter line is 276 spaces
  const text = `---\ntype: prd\nid: PRD-1\ntitle: ${long}\nstatus: draft\nowner: "@a"\n---\n\n# Runs\n\n${' '.repeat(1000)}\n\n${' '.repeat(1000)}indented text\n`;
  const limits = engine.lint(text, { path: '/w/docs/prd/runs.md' }).findings.filter((f) => f.ruleId === 'input-limit');
  assert.deepEqual(limits, []);
  // A list that does nest that deep still is (one level more on each line).
  const deep = Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
  const found = engine.lint(`${text}\n${deep}\n`, { path: '/w/docs/prd/runs.md' }).findings.filter((f) => f.ruleId === 'input-limit');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^Lists or block quotes nest more than 100 levels deep here/);
});

test('trailing comments are cut where the patterns they replace cut them, on random lines, and fast on long runs', () => {
  const pick = (alphabet: string[], n: number, next: () => number) =>
    Array.from({ length: n }, () => alphabet[next() % alphabet.length]).join('');
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
  const html = ['<!--', '-->', ' ', '\t', 'a', '-', '<', '!', '>'];
  const yaml = ['\n', '\r\n', '#', ' ', '\t', 'a', 'k: v', '  # c'];
  for (let k = 0; k < 5000; k++) {
    const line = pick(html, 1 + (k % 9), next);
    assert.equal(withoutTrailingComments(line), line.replace(/(?:\s*<!--.*?-->)+\s*$/, '').trimEnd(), JSON.stringify(line));
    const text = pick(yaml, 1 + (k % 9), next);
    assert.equal(withoutTrailingYamlComments(text), text.replace(/(?:\r?\n(?:[ \t]*|#[^\n]*))*\s*$/, ''), JSON.stringify(text));
  }
  assert.equal(withoutTrailingComments(`- [ ] a${RUN}b <!-- note -->`), `- [ ] a${RUN}b`);
  assert.equal(withoutTrailingYamlComments(`key: v${RUN}x\n# one\n\n# two\n${RUN}`), `key: v${RUN}x`);
});
