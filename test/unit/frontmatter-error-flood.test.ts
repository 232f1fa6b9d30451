// Broken front matter of many lines (found by the fuzzer: 1,800 lines of nested flow mappings and
// repeated keys made 84,000 findings and kept 100 MB with the lint result): the first 20 YAML errors are
// reported, then one finding says how many more there are, and the parsed document keeps only those.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';

test('a front matter with thousands of YAML errors gets the first 20 and one finding counting the rest', () => {
  const lines = Array.from({ length: 300 }, () => 'id: REL-1\ntitle: R: {a: {a: {a: 1}}}}}').join('\n');
  const text = `---\ntype: release-notes\n${lines}\n---\n\n# Release\n`;
  const result = createEngine().lint(text, { path: 'docs/rel.md' });
  const syntax = result.findings.filter((f) => f.ruleId === 'frontmatter-syntax');
  assert.equal(syntax.length, 21);
  const last = syntax[20]!;
  const counted =
    /^YAML syntax error: (\d+) more YAML errors from here on are not listed\. Fix the ones above first: one mistake often causes many of the rest\.$/.exec(
      last.message,
    );
  assert.ok(counted, last.message);
  assert.ok(Number(counted[1]) > 1000, last.message);
  // It sits where the 21st error is, after the 20th.
  assert.ok(last.line >= syntax[19]!.line && last.line > 2);
  assert.equal(result.doc.frontMatter?.yaml?.errors.length, 21);
});

test('a front matter with 20 errors or fewer lists each, with no counting finding', () => {
  const lines = Array.from({ length: 5 }, (_, i) => `k${i}: [unclosed`).join('\n');
  const result = createEngine().lint(`---\ntype: prd\n${lines}\n---\n`, { path: 'docs/p.md' });
  const syntax = result.findings.filter((f) => f.ruleId === 'frontmatter-syntax');
  assert.ok(syntax.length >= 1 && syntax.length <= 20);
  assert.ok(syntax.every((f) => !/more YAML errors/.test(f.message)));
});
