// Flow nesting in front matter is measured on yaml's lexer before its parser builds a tree (found by the
// fuzzer: a line of 260,000 `[` took the parser 1.7 s and 200 MB before the depth check could run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yamlTooDeepInLine } from '../../src/core/document/depth.js';
import { createEngine } from '../../src/core/engine.js';

test('the first bracket past the limit is found; brackets in quotes, comments and block scalars are text', () => {
  assert.equal(yamlTooDeepInLine('x: [[[[a]]]]\n', 3), 6);
  assert.equal(yamlTooDeepInLine('x: [[[a]]], y: [[[b]]]\n', 3), undefined);
  const text = `a: "${'['.repeat(50)}"\nb: '${'{'.repeat(50)}'\n# ${'['.repeat(50)}\nc: |\n  ${'['.repeat(50)}\nd: [{e: [1]}]\n`;
  assert.equal(yamlTooDeepInLine(text, 4), undefined);
  assert.equal(yamlTooDeepInLine(text, 2), text.indexOf('[1]'));
});

test('compact nesting on one line (`- - - x`, `? ? x`) counts too; items on lines of their own do not', () => {
  assert.equal(yamlTooDeepInLine(`x:\n${'- '.repeat(70)}a\n`, 64), 3 + 64 * 2);
  assert.equal(yamlTooDeepInLine(`${'? '.repeat(70)}a\n`, 64), 64 * 2);
  assert.equal(yamlTooDeepInLine(`x:\n${'- a\n'.repeat(500)}`, 64), undefined);
  assert.equal(yamlTooDeepInLine(`x: "${'- '.repeat(100)}"\n`, 64), undefined);
});

test('a front matter line of 3,000 compact sequence items (it overflowed the YAML parser stack) is an input-limit finding', () => {
  const text = `---\ntype: user-story\ntitle: Deep\n${'- '.repeat(3000)}\nstatus: draft\n---\n\n# Deep\n`;
  const findings = createEngine().lint(text, { path: 'docs/deep.md' }).findings;
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.line, f.column]),
    [['input-limit', 4, 1 + 64 * 2]],
  );
});

test('a front matter line of 260,000 brackets is an input-limit finding on that line, and nothing else is read', () => {
  const text = `---\ntype: prd\ntitle: Deep\nx: ${'['.repeat(260000)}\n---\n\n# Deep\n`;
  const findings = createEngine().lint(text, { path: 'docs/deep.md' }).findings;
  const limit = findings.filter((f) => f.ruleId === 'input-limit');
  assert.equal(limit.length, 1);
  assert.equal(limit[0]!.line, 4);
  assert.equal(limit[0]!.column, 4 + 64);
  assert.match(limit[0]!.message, /^The front matter nests more than 64 levels deep here and was not read\./);
});

// Found by the fuzzer (the bench's 100,000-document run, 2026-12-08): yaml's parser nests one level per
// `key: value: more` line in its error recovery, and closing 4,000 of them overflowed its stack (an
// exception out of the engine).
test('thousands of `key: value: more` lines in a mapping, then a line that closes it, are an input-limit finding', () => {
  const lines = '  notes: rough guess# expect: x\n'.repeat(6000);
  const text = `---\ntype: user-story\ntitle: Nested values\nrice:\n  reach: 1\n${lines}links: {a: [b]}\n---\n\n# Nested values\n`;
  const engine = createEngine();
  for (let run = 0; run < 2; run++) {
    const limit = engine.lint(text, { path: 'docs/deep.md' }).findings.filter((f) => f.ruleId === 'input-limit');
    assert.equal(limit.length, 1, `run ${run}`);
    assert.match(limit[0]!.message, /nests (more than 64 levels deep|too deep for the YAML reader)/);
    assert.ok(limit[0]!.line >= 6 && limit[0]!.line <= 6006, `line ${limit[0]!.line}`);
  }
  // Deep enough that yaml's own parser cannot read it: the overflow is found on the line that closes it.
  const deeper = `---\ntype: user-story\nrice:\n  reach: 1\n${'  notes: a# b: c\n'.repeat(40000)}links: x\n---\n`;
  const overflow = engine.lint(deeper, { path: 'docs/deeper.md' }).findings.filter((f) => f.ruleId === 'input-limit');
  assert.equal(overflow.length, 1);
});
