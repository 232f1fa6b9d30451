// The lint tree (commonmark.js turned into mdast) must give the rules what micromark's mdast gave them:
// the same nodes at the same offsets. Checked against micromark itself on every Markdown file of the
// repository's examples and fixtures, and on hand-picked cases where positions are easy to get wrong.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Nodes } from 'mdast';
import { parseMarkdownTree } from '../../src/core/document/markdownTree.js';
import { blankOut, findFrontMatterBlock } from '../../src/core/document/frontMatterBlock.js';
import { markdownFiles } from '../helpers/markdownFiles.js';

const repo = join(import.meta.dirname, '../..');

const micromarkTree = (text: string) =>
  fromMarkdown(text, { extensions: [gfmTaskListItem()], mdastExtensions: [gfmTaskListItemFromMarkdown()] });

/**
 * One line per node: type, offsets and what rules read. Known, deliberate differences are normalised:
 * values keep CRLF in micromark but not in commonmark.js; reference links resolve to plain links, and
 * definitions are not in the lint tree. Left out of the cases below, since no rule reads them: micromark
 * ends a list inside a quote after a following blank `>` line, and an unclosed fence after the last line
 * ending.
 */
function outline(node: Nodes, depth = 0, out: string[] = []): string[] {
  if (node.type === 'definition') return out;
  const type = node.type === 'linkReference' ? 'link' : node.type;
  let line = `${' '.repeat(depth)}${type} ${node.position?.start.offset}-${node.position?.end.offset}`;
  if (node.type === 'heading') line += ` h${node.depth}`;
  if (node.type === 'listItem') line += ` checked=${node.checked}`;
  if (node.type === 'code') line += ` lang=${node.lang} meta=${node.meta}`;
  if ('value' in node) line += ` ${JSON.stringify(node.value.replace(/\r\n?/g, '\n'))}`;
  out.push(line);
  if ('children' in node) for (const c of node.children as Nodes[]) outline(c, depth + 1, out);
  return out;
}

const both = (text: string) => ({ expected: outline(micromarkTree(text)), actual: outline(parseMarkdownTree(text)) });

test('the same tree as micromark on every example and fixture document', () => {
  // test/fixtures/fuzz holds hostile nesting that only the depth-guarded parse (parse.ts) may see.
  const files = [
    ...markdownFiles(join(repo, 'examples')),
    ...markdownFiles(join(repo, 'test/fixtures')).filter((f) => !f.includes(join('test', 'fixtures', 'fuzz'))),
  ];
  assert.ok(files.length > 50, `only ${files.length} files found`);
  for (const file of files) {
    const raw = readFileSync(file, 'utf8');
    const { expected, actual } = both(blankOut(raw, findFrontMatterBlock(raw)));
    assert.deepEqual(actual, expected, file);
  }
});

const cases: [string, string][] = [
  ['emphasis, strong, code and escapes', '# A *b* **c** `d` \\*e\\* ``f`g``\n\nText with \\\\ and *nested **strong** emph*.\n'],
  ['entities', 'Fish &amp; chips &copy; 2026 &#35;1 &unknown; &\n'],
  ['escapes and entities at the edges of text nodes', '#### &amp;\n\n![i](a.png) \\\\\n`c` \\\\  \nx *y* &amp;\n'],
  [
    'links, images, autolinks and references',
    'See [docs](https://x.y/a_(b) "T (1)"), ![logo](l.png), <https://x.y/z> and [ref][r].\n\n[r]: https://r.example "R"\n',
  ],
  ['soft and hard breaks', 'one\ntwo  \nthree\\\nfour\n   five\n'],
  [
    'task items and non-task brackets',
    '- [ ] open\n- [x] done\n- [X] Done too\n- [ ]\n- [a] not a task\n  - [ ] nested\n1. [ ] ordered task\n',
  ],
  ['a task box followed by markup', '- [ ] *emphasised* start\n- [x] `code` start\n'],
  [
    'a task box with its text on the next line (soft and hard break), or no space after it',
    '- [x]\n  soft\n\n- [ ] \n  soft after a space\n\n- [x]   \n  hard\n\n- [x]no space\n\n- [ ]\ttab\n',
  ],
  ['block quotes with lazy lines and nested lists', '> quote\nlazy line\n> - item\n>   more\n\n> > deeper *emph*\n'],
  ['headings: setext, closed ATX, trailing spaces, empty', 'Title\n=====\n\n## Closed ##\n\n### Spaces   \n\n#\n\nSub\n---\n'],
  ['fenced and indented code, HTML', '```gherkin title\nGiven a\n```\n\n    indented\n\n<div>\n<b>x</b>\n</div>\n\n~~~\nnot closed'],
  ['CRLF line endings', '# Title\r\n\r\nPara *one*\r\nline two\r\n\r\n- [ ] task\r\n- item\r\n\r\n```\r\ncode\r\n```\r\n'],
  ['a setext heading right after link definitions', '[a]: /a\n[b]: /b "B"\nHeading text\n===\n'],
  ['tabs and emoji', '-\tTab item 🎉\n\n## 🚀 Launch plan\n\n\tcode with tab\n'],
];

for (const [name, text] of cases) {
  test(`the same tree as micromark: ${name}`, () => {
    const { expected, actual } = both(text);
    assert.deepEqual(actual, expected);
  });
}

test('inline positions point at the source characters (what exact ranges are built on)', () => {
  const text = 'As a **PM**, I want `ids` so that [links](x) work &amp; scale.\n';
  const para = parseMarkdownTree(text).children[0]!;
  assert.equal(para.type, 'paragraph');
  const spans = (para.type === 'paragraph' ? para.children : []).map((n) => text.slice(n.position!.start.offset, n.position!.end.offset));
  assert.deepEqual(spans, ['As a ', '**PM**', ', I want ', '`ids`', ' so that ', '[links](x)', ' work &amp; scale.']);
});

test('bad input never throws: NUL bytes, a lone CR, a BOM, unbalanced markup', () => {
  for (const text of ['\0\0# x\0', 'a\rb\r\r# c', '\uFEFF# Title\n', '*a **b [c](d `e', '[x]: <', '>'.repeat(500), '- '.repeat(500)]) {
    const root = parseMarkdownTree(text);
    assert.equal(root.type, 'root');
    assert.equal(root.position?.end.offset, text.length);
  }
});
