// Blocks of prose are written straight to HTML (src/core/render/fastHtml.ts): the HTML must be what
// mdast-util-to-hast, the sanitiser and the serialiser make of the same block, character for character.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toHast } from 'mdast-util-to-hast';
import { sanitize } from 'hast-util-sanitize';
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import { fastBlockHtml } from '../../src/core/render/fastHtml.js';
import { sanitizeSchema } from '../../src/core/render/sanitizeSchema.js';
import { linearHandlers } from '../../src/core/render/linearHandlers.js';
import { toHtml } from '../../src/core/render/hast.js';
import { parseMarkdownTree } from '../../src/core/document/markdownTree.js';
import { rng } from '../fuzz/fuzzer.js';

const gfm = unified().use(remarkParse).use(remarkGfm);
const stepsHtml = (block: RootContent) =>
  toHtml(
    sanitize(
      toHast({ type: 'root', children: [block] } as Root, { clobberPrefix: '', handlers: linearHandlers }) as HastRoot,
      sanitizeSchema,
    ) as HastRoot,
  );

test('blocks of prose are written as the HTML steps write them, and other blocks are left to them', () => {
  const random = rng('fast-html');
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const inline = () =>
    Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
      pick([
        'word ',
        '*em* ',
        '**strong** ',
        '_u_ ',
        '~~del~~ ',
        '`code` ',
        '`a\nb` ',
        'a < b & c > d "q" \'s\' ',
        '&amp; &lt; &#65; ',
        'trailing  \nbreak ',
        'back\\\nslash ',
        '  \n  spaced ',
        '*em  \n  broken* ',
        '\n',
        'é ü 中 ',
        '\\* \\_ ',
        '[link](/x) ',
        '<b>html</b> ',
        '![img](/i.png) ',
      ]),
    ).join('');
  const block = (): string =>
    pick([
      () => inline(),
      () => `> ${inline()}\n> ${inline()}`,
      () => `> - ${inline()}\n>\n> ${inline()}`,
      () => `- ${inline()}\n- ${inline()}`,
      () => `- ${inline()}\n\n- ${inline()}`,
      () => `3. ${inline()}\n4. ${inline()}`,
      () => `1) ${inline()}`,
      () => `- [ ] ${inline()}\n- [x] ${inline()}`,
      () => `- [ ]\n- [x] done`,
      () => `-\n- b`,
      () => `- a\n  - b\n    - ${inline()}`,
      () => `- a\n\n  para ${inline()}\n- c`,
      () => `- ${'- '.repeat(1 + Math.floor(random() * 6))}x`,
      () => '```js title="a&b"\ncode < & "x"\n```',
      () => '```a"b&c\nx\n```',
      () => '```\n\n```',
      () => '    indented <code>',
      () => '***',
      () => '# heading',
      () => '| a |\n|---|\n| 1 |',
    ])();
  let written = 0;
  let left = 0;
  for (let n = 0; n < 600; n++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 3) }, block).join('\n\n');
    for (const tree of [gfm.parse(text) as Root, parseMarkdownTree(text)]) {
      for (const child of tree.children) {
        const fast = fastBlockHtml(child);
        if (fast === undefined) {
          left++;
          continue;
        }
        written++;
        assert.equal(fast, stepsHtml(child), JSON.stringify(text));
      }
    }
  }
  assert.ok(written > 800 && left > 200, `written ${written}, left ${left}`);
});
