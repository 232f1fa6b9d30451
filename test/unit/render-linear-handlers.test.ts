// The preview's list-item and table-row handlers (src/core/render/linearHandlers.ts) must turn every list
// and table into the same HTML as mdast-util-to-hast's own, only without looking at every sibling.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toHast } from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { toHtml } from '../../src/core/render/hast.js';
import { linearHandlers } from '../../src/core/render/linearHandlers.js';
import { rng } from '../fuzz/fuzzer.js';

const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
const html = (tree: Root, handlers = {}) => toHtml(toHast(tree, { handlers }) as HastRoot);

test('lists and tables render as the stock handlers render them', () => {
  const random = rng('linear-handlers');
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  let loose = 0;
  let tables = 0;
  for (let n = 0; n < 300; n++) {
    const items = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      pick([
        '- a',
        '- b\n\n  second paragraph',
        '- [ ] task',
        '- [x] done',
        '1. one',
        '- > quote',
        '-',
        '- c\n  - nested\n\n  - loose nested',
        '  - indented',
      ]),
    );
    const gap = () => (random() < 0.15 ? '\n\n' : '\n');
    const rows = Array.from({ length: Math.floor(random() * 5) }, () => pick(['| 1 | 2 |', '| x |', '| a | b | c |', '|  |  |']));
    const table = random() < 0.5 ? ['| h | i |', pick(['|---|---|', '|:--|--:|', '|:-:|---|']), ...rows].join('\n') : '';
    const text = `${items.reduce((all, item) => all + gap() + item)}\n\n${table}\n`;
    const tree = parse(text);
    assert.equal(html(tree, linearHandlers), html(parse(text)), JSON.stringify(text));
    if (/<li>\n<p>/.test(html(tree))) loose++;
    if (table) tables++;
  }
  assert.ok(loose > 30 && tables > 100, `loose lists ${loose}, tables ${tables}`);
});
