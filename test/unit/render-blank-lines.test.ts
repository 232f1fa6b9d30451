// The preview shortens long whitespace-only lines before micromark parses them (src/core/render/blankLines.ts):
// each open list item scans a blank line to its end, so a list nested to the depth limit followed by
// lines of 1,000 spaces (test/fixtures/fuzz/slow-d33f21f401.md) cost open items × line length per line.
// The tree must be the one the unshortened text gives, positions included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { KEEP, parseWithShortBlankLines } from '../../src/core/render/blankLines.js';
import { parseDoc } from '../../src/core/document/parse.js';
import { renderDocument } from '../../src/core/render/index.js';
import { isComment } from '../../src/core/render/renderDocument.js';

const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
const W = ' '.repeat(40);

/** The parse, and the longest whitespace-only line it was handed. */
function spied(text: string): { root: Root; longest: number } {
  let longest = 0;
  const root = parseWithShortBlankLines(text, (t) => {
    for (const line of t.split(/\r\n|\r|\n/)) if (/^[ \t]*$/.test(line)) longest = Math.max(longest, line.length);
    return gfm.parse(t);
  });
  return { root, longest };
}

test('whitespace-only lines reach the parser at most KEEP characters long', () => {
  const deep = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
  const { longest } = spied(`${deep}\n${`${' '.repeat(1000)}\n`.repeat(50)}`);
  assert.equal(longest, KEEP);
});

test('the tree and every position are those of the unshortened text (LF, CRLF, CR, tabs, lists, quotes, tables)', () => {
  const docs = [
    `- a\n  - b\n${W}\n${W}\n    c\n\n${W}\nd\n`,
    `> q\n>${W}\n> r\n${W}\n\n| a |\n|---|\n| 1 |\n${W}\nx\r\n${W}\r\ny\r${W}\rz`,
    `1. x\n${W}\n   2. y\n${'\t'.repeat(18)}\n   z [l]\n${W}\n[l]: http://a\n${W}`,
  ];
  for (const text of docs) assert.deepEqual(spied(text).root, gfm.parse(text), JSON.stringify(text));
});

test('a code block keeps the first KEEP characters of a blank line; only invisible trailing whitespace is dropped', () => {
  const short = ' '.repeat(KEEP);
  const code = (blank: string) => spied(`\`\`\`\na\n${blank}\nb\n\`\`\`\n`).root.children[0] as { value: string };
  assert.equal(code(short).value, `a\n${short}\nb`);
  assert.equal(code(' '.repeat(300)).value, `a\n${short}\nb`);
});

test('the fuzz reproducer (a list to the depth limit, then 220 lines of 1,000 spaces) renders as before: the list levels the depth guard keeps, the headings', () => {
  const text = readFileSync(join(import.meta.dirname, '../fixtures/fuzz/slow-d33f21f401.md'), 'utf8');
  const { body, headings } = renderDocument({ findings: [], doc: parseDoc(text) }, { allowRemoteImages: false });
  assert.deepEqual(
    headings.map((h) => [h.line, h.text]),
    [
      [17, 'Allocations that add up, with a fraction'],
      [19, 'Hypothesis'],
    ],
  );
  // The depth guard keeps a line while its list levels + half its indentation stay within 100.
  assert.equal(body.match(/<ul>/g)?.length, 79);
});

test('raw HTML that is only comments skips the HTML parser; anything else does not', () => {
  for (const c of ['<!-- pmdocs-disable -->', '<!---->', '<!-->', '<!--->', '<!-- a --!>', '  <!-- a\nb -->\n'])
    assert.equal(isComment(c), true, c);
  for (const c of ['<!-- a --> b', '<!-- a --><b>', '<!--><script>x</script>-->', '<!--->x-->', '<!-- a -->-->', '<b>', '<!-- a'])
    assert.equal(isComment(c), false, c);
  // Long runs of spaces and line breaks inside and around the piece (the fuzzer's 45-second render).
  const spaces = ' '.repeat(1000);
  assert.equal(isComment(`${spaces}\n<!-- a${spaces}\n${spaces}b -->${spaces}\r\n`), true);
  assert.equal(isComment(`<!-- a -->${`${spaces}\n`.repeat(200)}x`), false);
  assert.equal(isComment(`\u00A0<!-- a -->`), false); // HTML's spaces only
});

test('a body whose only raw HTML is a comment renders the page it renders without the comment', () => {
  const text = readFileSync(join(import.meta.dirname, '../fixtures/fuzz/slow-6c30c955dc.md'), 'utf8').slice(0, 3000);
  const withComment = `${text}\n\nA line <!-- expect: req-weak-modal --> with a comment.\n\n<!-- pmdocs-disable -->\n`;
  const without = withComment.replace(/<!--[^>]*-->/g, '');
  const render = (t: string) => renderDocument({ findings: [], doc: parseDoc(t) }, { allowRemoteImages: false });
  // Up to the line breaks between blocks, which the comment's own (dropped) node no longer brings.
  const norm = (html: string) => html.replace(/>\n+</g, '><');
  assert.equal(norm(render(withComment).body), norm(render(without).body));
  assert.deepEqual(render(withComment).headings, render(without).headings);
});
