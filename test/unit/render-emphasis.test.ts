// Emphasis that micromark pairs in quadratic time (src/core/render/delimiterRuns.ts, gfmChunks.ts): the
// preview still shows the text, with the same offsets and lines. No timing here; the fuzz run and
// BENCHMARKS.md carry the times.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDoc } from '../../src/core/document/parse.js';
import { renderDocument } from '../../src/core/render/index.js';
import { MAX_LONE_BRACKETS, MAX_RUN, shortenDelimiterRuns } from '../../src/core/render/delimiterRuns.js';

const render = (text: string) => renderDocument({ findings: [], doc: parseDoc(text) }, { allowRemoteImages: false });

test('two long runs of one delimiter keep MAX_RUN characters each; the rest become look-alikes of the same length', () => {
  const text = `${'*'.repeat(40)}x${'*'.repeat(20)} and ${'_'.repeat(30)}\n`;
  const out = shortenDelimiterRuns(text);
  assert.equal(out.length, text.length);
  assert.equal(out, `${'*'.repeat(MAX_RUN)}${'\u2217'.repeat(24)}x${'*'.repeat(MAX_RUN)}${'\u2217'.repeat(4)} and ${'_'.repeat(30)}\n`);
});

test('a run of more than MAX_RUN square brackets is always cut, even alone or on a line of its own', () => {
  const text = `x: ${'['.repeat(20)}a${']'.repeat(18)}\n${'['.repeat(17)}\n[[link]] [x]\n`;
  assert.equal(
    shortenDelimiterRuns(text),
    `x: ${'['.repeat(MAX_RUN)}${'\uFF3B'.repeat(4)}a${']'.repeat(MAX_RUN)}${'\uFF3D'.repeat(2)}\n${'['.repeat(MAX_RUN)}\uFF3B\n[[link]] [x]\n`,
  );
});

test('a table row of 74,000 nested brackets renders its text, and the rows after it', () => {
  const text = `---\ntype: prd\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\nx: ${'['.repeat(74000)}${']'.repeat(74000)}\n| 3 | 4 |\n`;
  const { body } = render(text);
  assert.ok(body.includes('<td>3</td>'));
  assert.ok(body.includes('\uFF3B'.repeat(100)));
});

test('one long run, a thematic break and short runs are left as written', () => {
  const one = `password: ${'*'.repeat(40)}\n`;
  assert.equal(shortenDelimiterRuns(one), one);
  const breaks = `${'*'.repeat(40)}\n\ntext\n\n  ${'*'.repeat(30)}  \n`;
  assert.equal(shortenDelimiterRuns(breaks), breaks);
  const short = '***x*** '.repeat(100);
  assert.equal(shortenDelimiterRuns(short), short);
});

test('a paragraph of thousands of delimiters each side of a letter renders the letter, on its line', () => {
  const text = `---\ntype: prd\n---\n\n# Title\n\n${'*'.repeat(4400)}x${'*'.repeat(4400)} tail\n\n## Next\n`;
  const { body, headings } = render(text);
  assert.ok(body.includes('x'));
  assert.ok(body.includes('tail'));
  assert.deepEqual(
    headings.map((h) => [h.text, h.line]),
    [
      ['Title', 5],
      ['Next', 9],
    ],
  );
});

test('a long paragraph thick with emphasis in a long document is rendered from the CommonMark tree', () => {
  const paragraph = '***x*** '.repeat(8192) + 'https://example.com/a';
  const text = `---\ntype: prd\n---\n\n# Title\n\n${paragraph}\n\n| a | b |\n|---|---|\n| ~~1~~ | 2 |\n\n## Next\n`;
  const { body, headings } = render(text);
  assert.equal(body.split('<em><strong>x</strong></em>').length - 1, 8192);
  // That paragraph loses GFM's autolink literal; the table after it is still GFM.
  assert.ok(body.includes(' https://example.com/a</p>'), body.slice(-600));
  assert.ok(body.includes('<td><del>1</del></td>'));
  assert.deepEqual(
    headings.map((h) => [h.text, h.line]),
    [
      ['Title', 5],
      ['Next', 13],
    ],
  );
});

test('past MAX_LONE_BRACKETS closing brackets with nothing open, the rest show as look-alikes; matched ones stay', () => {
  const lone = '] '.repeat(MAX_LONE_BRACKETS);
  const text = `a [link](x) ${lone}[b] \\] ] ]\r\n\r\n[c\r\nd] ]\n`;
  const out = shortenDelimiterRuns(text);
  assert.equal(out.length, text.length);
  // The two after the limit on the first line and the one after "d]" change; "[b]", the escaped one and "[c … d]" do not.
  assert.equal(out, `a [link](x) ${lone}[b] \\] \uFF3D \uFF3D\r\n\r\n[c\r\nd] \uFF3D\n`);
  const few = `x ${'] '.repeat(MAX_LONE_BRACKETS)}\n`;
  assert.equal(shortenDelimiterRuns(few), few);
});

test('a link nested in thousands of brackets with 18,000 closers renders its text', () => {
  const text = `---\ntype: prd\n---\n\n${'['.repeat(155)}x${'](y)'.repeat(18000)}\n\n## Next\n`;
  const { body, headings } = render(text);
  assert.ok(body.includes('\uFF3D(y)'));
  assert.deepEqual(
    headings.map((h) => [h.text, h.line]),
    [['Next', 7]],
  );
});
