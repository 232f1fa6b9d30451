// Big documents are parsed for the preview in runs of top-level blocks (src/core/render/gfmChunks.ts).
// The runs must render exactly what one parse renders: same HTML, same heading lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDoc } from '../../src/core/document/parse.js';
import { renderDocument, type TableGuard } from '../../src/core/render/index.js';
import { linkDefinitions, parseMarkdownTree } from '../../src/core/document/markdownTree.js';
import { writtenDefinitions } from '../../src/core/render/linkDefinitions.js';
import { paragraphPieces } from '../../src/core/render/paragraphCuts.js';
import { rng } from '../fuzz/fuzzer.js';
import { configureLimits } from '../../src/core/limits.js';

/** The fuzzer's seeded generator, and a pick from a list with it: random documents, the same every run. */
function seeded(seed: string) {
  const random = rng(seed);
  return { random, pick: <T>(list: T[]): T => list[Math.floor(random() * list.length)]! };
}

const WHOLE: TableGuard = { maxRows: 200, chunkRows: 64, chunkChars: Number.MAX_SAFE_INTEGER };
const RUNS: TableGuard = { maxRows: 200, chunkRows: 64, chunkChars: 40 };
const render = (text: string, tableGuard: TableGuard) =>
  renderDocument({ findings: [], doc: parseDoc(text) }, { allowRemoteImages: false, tableGuard });

// Runs without GFM come from commonmark.js, which ends code lines with LF where micromark keeps CRLF:
// the same page, since HTML parsing turns every CRLF into LF before anything else.
const lf = (html: string) => html.replace(/\r\n/g, '\n');

function assertSame(text: string, label: string): void {
  const whole = render(text, WHOLE);
  const runs = render(text, RUNS);
  assert.equal(lf(runs.body), lf(whole.body), label);
  assert.deepEqual(runs.headings, whole.headings, label);
}

const DOC = [
  '---',
  'type: prd',
  'title: Runs',
  '---',
  '',
  'Setext heading',
  '==============',
  '',
  'A [reference][later] and a footnote[^n] and [Collapsed   Label][].',
  '',
  '- a list',
  '',
  '  with a second paragraph',
  '- and an item',
  '',
  '[^n]: The note,',
  '',
  '    continued on an indented line.',
  '',
  '```',
  'code',
  '',
  'still code',
  '```',
  '',
  '<div>',
  '',
  '*raw* HTML across a blank line',
  '',
  '</div>',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  'Another setext',
  '---',
  '',
  '> quote',
  '',
  'Mail jane.doe@example.com, or ask @maria.',
  '',
  'See www.example.com.',
  '',
  'And https://example.com/x.',
  '',
  'Struck ~~gone~~.',
  '',
  '- [ ] open task',
  '- [x] done task',
  '',
  '1. [X] ordered, upper case',
  '2. [ ]\ttab after the box',
  '3. [x]no space: not a task',
  '4. [ ]',
  '5. [x]   ',
  '   continued',
  '',
  '- > [ ] quoted box: not a task',
  '-  [x] two spaces before the box',
  '-',
  '  [x] on the next line',
  '',
  '* [x] *emphasis* right after the box',
  '    - [ ] nested task',
  '',
  'A plain paragraph with *emphasis*, `code`, <span>inline HTML</span> and &amp; an entity.',
  '',
  '[later]: /docs/later',
  '[collapsed label]: /docs/c',
  '',
];

test('a document parsed in runs renders like one parse (references, footnotes, setext, code, HTML, tables)', () => {
  const text = DOC.join('\n');
  assertSame(text, 'LF');
  assertSame(DOC.join('\r\n'), 'CRLF');
  const runs = render(text, RUNS).body;
  assert.ok(runs.includes('<a href="/docs/later">reference</a>'));
  assert.ok(runs.includes('<a href="/docs/c">Collapsed   Label</a>'));
  assert.ok(runs.includes('continued on an indented line.'));
  assert.ok(runs.includes('<a href="mailto:jane.doe@example.com">jane.doe@example.com</a>, or ask @maria.'));
  assert.ok(runs.includes('<a href="http://www.example.com">www.example.com</a>'));
  assert.ok(runs.includes('<a href="https://example.com/x">https://example.com/x</a>'));
  assert.ok(runs.includes('<del>gone</del>'));
  assert.ok(runs.includes('<input type="checkbox" disabled> open task'), runs);
});

test('every example, test document and fixture renders the same in runs', () => {
  const repo = join(import.meta.dirname, '../..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) files.push(p);
    }
  };
  walk(join(repo, 'examples'));
  walk(join(repo, 'test/workspace'));
  walk(join(repo, 'test/fixtures'));
  assert.ok(files.length > 200);
  for (const f of files) assertSame(readFileSync(f, 'utf8'), f);
});

test('a long document of setext headings (the fuzzer found one parse quadratic) renders every heading, on its line', () => {
  const block = 'Title\n---\n\nText under it.\n\n';
  const text = block.repeat(2000);
  const { headings } = render(text, { maxRows: 200, chunkRows: 64 });
  assert.equal(headings.length, 2000);
  assert.equal(headings.at(-1)?.line, 1999 * 5 + 1);
});

// Tables of plain cells are built from their lines (simpleTable.ts), not parsed by micromark: random
// tables, ragged rows, alignments, padding, line endings and a line after the table, held to one parse.
test('tables of plain cells built from their lines render like one parse', () => {
  const { random, pick } = seeded('17');
  const cell = () =>
    pick([
      '',
      ' ',
      'a',
      ' b ',
      'two words',
      '1.5',
      '-',
      '---',
      ':',
      '#',
      '> q',
      '+',
      '1.',
      '=',
      '  x\t',
      'é',
      'x  y',
      '\t',
      'x:y',
      '\u00a0',
      'a|b',
      '1 | 2',
      '<!-- expect: a-rule -->',
      '<!--x-->',
      '<!-- a -- b -->',
      '<!--->',
      '<!-- x --> y',
      'y <!-- x -->',
      '<!-- | -->',
      '<b',
      'x>',
      '<!-- open',
      '<b>bold</b>',
      'a < b',
      'a > b',
      '<https://a.example>',
      '<x@y.example',
    ]);
  const pad = () => pick([' ', '', '  ', '\t']);
  let tables = 0;
  let comments = 0;
  for (let n = 0; n < 400; n++) {
    const columns = 1 + Math.floor(random() * 3);
    const row = (cells: number) =>
      pick(['', ' ', '   ']) +
      '|' +
      Array.from({ length: cells }, () => pad() + cell() + pad()).join('|') +
      pick(['|', '', '| ', '|\t', '||']);
    const delimiter =
      (random() < 0.8 ? '|' : '') +
      Array.from({ length: columns }, () => pad() + pick(['-', '---', ':-', '-:', ':-:']) + pad()).join('|') +
      pick(['|', '', '| ']);
    const lines = [row(columns), delimiter];
    for (let b = Math.floor(random() * 4); b > 0; b--) lines.push(row(Math.max(0, columns + Math.floor(random() * 3) - 1)));
    if (random() < 0.3) lines.push(pick(['---', 'foo', '> q', '- item', '# h', '===', '    code', '|', ' | x', '1. x', '***']));
    const text = ['# T', '', 'para', '', ...lines, '', 'after', ''].join(pick(['\n', '\r\n']));
    assertSame(text, JSON.stringify(text));
    if (render(text, RUNS).body.includes('<table>')) tables++;
    if (/\| *<!-- expect: a-rule --> *(\||$)/m.test(text)) comments++;
  }
  assert.ok(tables > 200, `only ${tables} of the 400 documents held a table`);
  assert.ok(comments > 20, `only ${comments} tables had a comment for a cell`);
});

test('a table whose cells hold Markdown is still parsed by micromark, with its inline syntax', () => {
  const text = '# T\n\n| a | b |\n|---|:-:|\n| `x\\|y` | **bold** ~~gone~~ www.example.com |\n| <b>h</b> | &amp; [l](/x) |\n';
  assertSame(text, 'inline syntax in cells');
  const body = render(text, RUNS).body;
  assert.ok(body.includes('<td><code>x|y</code></td>'), body);
  assert.ok(body.includes('<strong>bold</strong> <del>gone</del> <a href="http://www.example.com">www.example.com</a>'), body);
});

// Blocks whose only GFM-looking text is runs of brackets are parsed alone by commonmark.js, runs shortened
// (the fuzzer: a 70 KB list of them took micromark 1.4 s).
test('blocks with runs of square brackets, parsed alone, render like one parse', () => {
  const open = '['.repeat(40);
  const close = ']'.repeat(30);
  const blocks = [
    `# Heading ${open}x${close}`,
    `A paragraph ${open} with *emphasis* and a [link](/to) ${close} and \`code\`.`,
    `- item\n  - nested ${open}\n    - deeper\n${close}\n  - back`,
    `> quoted ${open}\n> ${close} lazy\ncontinued`,
    `   1. indented ordered ${open}\n\n        second paragraph ${close}`,
    `![image ${open}](/i.png) ${close}`,
    `Setext ${open}\n---`,
  ];
  for (const eol of ['\n', '\r\n']) {
    const text = ['---', 'type: prd', 'title: Brackets', '---', '', ...blocks.flatMap((b) => [b.replace(/\n/g, eol), ''])].join(eol);
    assertSame(text, `brackets (${JSON.stringify(eol)})`);
    const body = render(text, RUNS).body;
    assert.ok(body.includes('['.repeat(16) + '\uFF3B'.repeat(24)), 'a run past 16 shows as look-alikes');
    assert.ok(body.includes('<a href="/to">link</a>'), body);
  }
});

// A paragraph whose URLs all sit in link destinations, autolinks or images is taken from the CommonMark
// tree: GFM reads no autolink literal there.
test('URLs in link destinations, autolinks and images render like one parse', () => {
  const { random, pick } = seeded('5');
  const parts = [
    '[link](https://l.example/a_b)',
    '<https://auto.example/x>',
    '![image](http://i.example/x.png)',
    '[www](www.w.example)',
    '[mail](mailto:j@k.example)',
    '[spaced](<https://s.example/a b>)',
    '[titled](https://t.example "a title")',
    '[*emphasis*](https://e.example)',
    '[](https://empty.example)',
    ' ',
    ' ',
    'word',
    '(',
    ')',
    '[',
    ']',
    '*',
    '_',
    '`code`',
    '\\',
    '!',
    '.',
    '@maria',
    '\n',
  ];
  let taken = 0;
  for (let n = 0; n < 300; n++) {
    let paragraph = 'Text ';
    for (let i = 1 + Math.floor(random() * 8); i > 0; i--) paragraph += pick(parts);
    const text = ['# T', '', paragraph.trim(), '', 'after', ''].join('\n');
    assertSame(text, JSON.stringify(text));
    if (/:\/\/|www\./.test(paragraph)) taken++;
  }
  assert.ok(taken > 200);
  // A URL in a link's text, or a bare one next to a link, is GFM's: micromark links it.
  const text = '# T\n\n[see https://a.example](https://b.example) and https://c.example next to [x](https://d.example).\n';
  assertSame(text, 'bare URLs');
  assert.ok(render(text, RUNS).body.includes('<a href="https://c.example">https://c.example</a>'));
});

// Blocks whose only GFM is inline keep the CommonMark blocks; their paragraphs' inline content is parsed
// by micromark in one batch (inlineGfm.ts).
test('strikethrough and bare URLs in lists, quotes and paragraphs render like one parse', () => {
  const { random, pick } = seeded('11');
  const inline = () =>
    Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
      pick([
        'word ',
        '~~struck~~ ',
        '~one~ ',
        'x~~~three~~~ ',
        '~~open ',
        'close~~ ',
        'https://a.example/x. ',
        'www.b.example ',
        'j@c.example ',
        '*em* ',
        '`~~code~~` ',
        '[l](/x) ',
        '  \n',
        '\n',
        '\\~~ ',
      ]),
    ).join('');
  const block = () =>
    pick([
      () => inline(),
      () => `- ${inline()}\n- [ ] task ${inline()}\n  ${inline()}`,
      () => `1. ${inline()}\n\n   ${inline()}`,
      () => `> ${inline()}\n> ${inline()}`,
      () => `- > ${inline()}\n  > more`,
      () => `- item\n\n      code ~~not struck~~\n- ${inline()}`,
      () => `* ${inline()}\n  * nested ${inline()}`,
    ])()
      .replace(/\n+$/, '')
      .replace(/\n\n+/g, '\n\n');
  let struck = 0;
  for (let n = 0; n < 300; n++) {
    const blocks = Array.from({ length: 1 + Math.floor(random() * 4) }, block);
    const text = ['# T', '', ...blocks.flatMap((b) => [b, '']), 'after', ''].join('\n');
    assertSame(text, JSON.stringify(text));
    if (render(text, RUNS).body.includes('<del>')) struck++;
  }
  assert.ok(struck > 100, `only ${struck} documents had struck text`);
});

// Pipes are text to GFM unless some line of the block could be a delimiter row: such blocks are taken
// from the CommonMark tree; the rest (tables in lists and quotes, tables after a paragraph line) are not.
test('pipes in prose, lists and quotes, with and without a table, render like one parse', () => {
  const { random, pick } = seeded('23');
  const line = () =>
    pick([
      'a | b',
      '| a | b |',
      'x|y',
      '|',
      'text',
      '| - |',
      '--|--',
      ':-:|',
      '---',
      '| -- | :-: |',
      '- | a |',
      '> | a |',
      '> | - |',
      '  | - |',
      '* x | y',
    ]);
  let tables = 0;
  let prose = 0;
  for (let n = 0; n < 400; n++) {
    const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, line);
    const text = ['# T', '', pick(['', '- ', '> ', '1. ']) + lines.join('\n' + pick(['', '  ', '> ', '   '])), '', 'after', ''].join('\n');
    assertSame(text, JSON.stringify(text));
    if (render(text, RUNS).body.includes('<table>')) tables++;
    else if (text.includes('|')) prose++;
  }
  assert.ok(tables > 10 && prose > 100, `${tables} with a table, ${prose} with pipes in prose`);
});

// Link definitions are consumed by the engine's parse; every piece micromark or commonmark.js parses alone
// gets the ones it names written back (linkDefinitions.ts), so its references resolve as in one parse.
test('references resolve in runs, batches and blocks parsed alone as in one parse', () => {
  const open = '['.repeat(20);
  const definitions = [
    '[plain]: /docs/plain',
    '[Titled]: https://t.example/a?b=1&c=2 "A \\"quoted\\" title & more \\\\ end"',
    "[spaced]: </docs/a b> 'single'",
    '[ÜBER Straße]: /docs/%C3%BC (paren title)',
    '[entity]: /docs/&amp;x "&amp; &copy;"',
    '[dup]: /first',
    '[dup]: /second',
  ];
  const uses = [
    'See [plain], [the title][titled], [SPACED][] and [über  strasse].',
    'Struck ~~[plain]~~ and https://bare.example with [entity] and [dup].',
    `- a list with ~~struck~~ [plain]\n- and [Titled] www.example.com`,
    `> quoted ~one~ [spaced]`,
    `${open} [plain] and [dup] ${']'.repeat(20)}`,
    'A footnote[^n] and [plain].',
    '[^n]: The note names [titled].',
    'A plain paragraph.',
    '[^m]: Note',
    'It names the note[^m].',
    '| a | b |\n|---|---|\n| [plain] | [dup] |',
  ];
  for (const eol of ['\n', '\r\n']) {
    for (const where of ['before', 'after']) {
      const parts = where === 'before' ? [...definitions, '', ...uses] : [...uses, '', ...definitions];
      const text = ['---', 'type: prd', 'title: Refs', '---', '', '# Refs', '', ...parts.flatMap((p) => [p, ''])]
        .join('\n')
        .replace(/\n/g, eol);
      assertSame(text, `definitions ${where} (${JSON.stringify(eol)})`);
      const body = render(text, RUNS).body;
      assert.ok(body.includes('<a href="/docs/plain">plain</a>'), body);
      assert.ok(body.includes('<a href="/first">dup</a>'), body);
      assert.ok(
        body.includes('title="A &#x22;quoted&#x22; title &#x26; more \\ end"') ||
          body.includes('title="A &quot;quoted&quot; title &amp; more \\ end"'),
        body,
      );
    }
  }
});

test('the first definition of a label wins when a later one sits where micromark parses', () => {
  const text = '# T\n\n[x]: /first\n\nPlain text.\n\nA footnote[^n] and [x].\n\n[^n]: The note.\n\n[x]: /second\n';
  assertSame(text, 'duplicate label');
  assert.ok(render(text, RUNS).body.includes('<a href="/first">x</a>'));
});

test('link definitions written back read as the same definitions', () => {
  const source = [
    '[a]: /plain',
    '[B]: https://t.example/a?b=1&c=2 "A \\"quoted\\" title & more \\\\ end"',
    '[c]: </docs/a b> \'single "inner"\'',
    '[ÜBER  Straße]: /docs/%C3%BC (paren title)',
    '[e]: /docs/&amp;x "&amp; &copy; \\&amp;"',
    '[f]: <>',
    '[g\\]h]: /escaped-label',
  ].join('\n');
  const original = linkDefinitions(parseMarkdownTree(`${source}\n`))!;
  assert.equal(original.size, 7);
  const labels = [...original.keys()].map((key) => key.toLowerCase());
  const again = linkDefinitions(parseMarkdownTree(`${writtenDefinitions(labels, original).join('\n')}\n`))!;
  assert.deepEqual([...again], [...original]);
});

// A paragraph over 4 KB in the inline batch is parsed in pieces cut at line breaks nothing inline spans
// (paragraphCuts.ts): code spans, links, tags with attributes over several lines, emphasis and hard breaks.
test('long paragraphs parsed in pieces render like one parse', () => {
  const { pick } = seeded('31');
  const parts = [
    'plain words ',
    'https://a.example/x ',
    'www.b.example ',
    '`code ',
    'span` ',
    '``two ` ticks`` ',
    '[link ',
    'text](/to) ',
    '[ref] ',
    '<span title="a\nb > c">tag</span> ',
    '<a\nhref="/x">a</a> ',
    '<htid not a tag; ',
    '<https://auto.example> ',
    '*em ',
    'phrase* ',
    'snake_case ',
    '_under_ ',
    '~~struck~~ ',
    '(paren ',
    'close) ',
    '\\[escaped ',
    '&amp; ',
    '  \n',
    '\\\n',
    '\n',
    '\n2. not a list ',
    '\n[ref]: /x ',
    '\n<div> ',
    '\nNext line ',
    '\nÉcole ',
    '\n[ref] starts a line ',
    '\n[1.HEAD [ref] ',
    '\n[ref]: /looks/like/a/definition ',
    '[x](/u "ti)\ntle") ',
    '[unclosed ',
  ];
  // Half of the paragraphs are made of parts that close what they open, so they can be cut.
  const balanced = [
    'plain words ',
    'https://a.example/x ',
    '`code span` ',
    '``two ` ticks`` ',
    '[link text](/to) ',
    '[ref] ',
    '<span title="a\nb > c">tag</span> ',
    '<a\nhref="/x">a</a> ',
    '<htid not a tag; ',
    '<https://auto.example> ',
    'snake_case ',
    '(paren close) ',
    '&amp; ',
    '  \n',
    '\\\n',
    '\n',
    '\n2. not a list ',
    '\n[ref]: /x ',
    '\n<div> ',
    '\nNext line ',
    '\nÉcole ',
    '\n[ref] starts a line ',
    '\n[1.HEAD [ref] ',
    '\n[ref]: /looks/like/a/definition ',
    '\n3 items ',
    '\n3. not a list ',
    '[x](/u "ti)\ntle") ',
    '[y](/u (paren\ntitle)) ',
    '(prose paren ',
  ];
  let cut = 0;
  for (let n = 0; n < 12; n++) {
    const from = n % 2 ? parts : balanced;
    let paragraph = 'Start ';
    while (paragraph.length < 9000) paragraph += pick(from);
    paragraph = paragraph.trim();
    const text = ['# T', '', paragraph, '', '[ref]: /docs/ref', ''].join('\n');
    assertSame(text, `long paragraph ${n}`);
    if (paragraphPieces(text, 5, 5 + paragraph.length, 4096, (label) => label.toLowerCase() === 'ref').length > 1) cut++;
  }
  assert.ok(cut >= 4, `only ${cut} of the paragraphs were cut`);
});

test('long paragraphs of prose and URLs are cut into pieces', () => {
  const line = 'See https://a.example/x and the [tracker](https://t.example) with `code`; <b>bold</b> text.';
  const text = Array.from({ length: 200 }, () => line).join('\n');
  const pieces = paragraphPieces(text, 0, text.length, 4096);
  assert.ok(pieces.length >= 4, `${pieces.length} pieces`);
  for (const [start, end] of pieces) assert.ok(text.slice(start, end).startsWith('See') && text.slice(start, end).endsWith('text.'));
  // An emphasis delimiter may pair across lines: no cut after one.
  const emphasised = `*${text}*`;
  assert.equal(paragraphPieces(emphasised, 0, emphasised.length, 4096).length, 1);
});

test('a GFM block glued to the plain blocks before it renders like one parse', () => {
  const plain = Array.from({ length: 300 }, (_, i) => `## Section ${i}\n\nText of section ${i}.\n`).join('\n');
  // No blank line before the table or the struck list item: the run cannot be cut right before them.
  const text = `# T\n\n${plain}\nLast paragraph\n| a | b |\n|---|---|\n| ~~x~~ | y |\n\nMore text\n- ~~struck~~ item\n`;
  assertSame(text, 'glued GFM block');
  const body = render(text, RUNS).body;
  assert.ok(body.includes('<del>struck</del>') && body.includes('<td><del>x</del></td>'), body.slice(-400));
});

// The depth limit cuts the engine's tree where inline content nests too deep; the blocks it did not reach
// are still taken from that tree, the cut one is parsed again alone (or by micromark when it holds GFM).
test('a document with one paragraph nested past the depth limit renders like one parse', () => {
  // Two runs of 2,400 asterisks around a letter (found by the fuzzer) nest emphasis past the limit.
  const deep = `${'*'.repeat(2400)}x${'*'.repeat(2400)}owner`;
  const plain = Array.from(
    { length: 20 },
    (_, i) => `## Part ${i}\n\nText ${i} with *emphasis*.\n\n| a | b |\n|---|---|\n| ${i} | x |\n`,
  ).join('\n');
  const text = `# T\n\n${plain}\n${deep}\n\nAfter the list, ~~struck~~ and www.example.com.\n\n${plain}`;
  const doc = parseDoc(text);
  assert.equal(doc.rootCut, true, 'the paragraph is cut in the engine tree');
  assertSame(text, 'deep paragraph');
  const body = render(text, RUNS).body;
  assert.ok(body.includes('<del>struck</del>') && body.includes('<td>19</td>'), body.slice(0, 300));
});

// A long list with a line nested past the depth limit (the fuzzer: a list 46 levels deep, then 2,700
// lines of alternating indentation, and in it two runs of 2,588 asterisks around a letter) is one cut
// top-level block: parsed again alone, it shows what one parse shows, GFM in it or not.
test('a long list with emphasis nested past the depth limit renders like one parse, with or without GFM in it', () => {
  const { random } = seeded('deep-list');
  for (const gfm of ['', ' ~~struck~~', ' www.example.com', ' [link][ref] **strong**', ' a | b']) {
    const levels = 20 + Math.floor(random() * 30);
    const nested = Array.from({ length: levels }, (_, i) => `${' '.repeat(2 * i)}- item ${i}${i === 10 ? gfm : ''}`);
    const indent = (i: number) => ' '.repeat(i % 2 ? 2 * levels - 9 : 2 * levels);
    const alternating = Array.from(
      { length: 200 },
      (_, i) => `${indent(i)}- item${i === 100 ? ` ${'*'.repeat(2400)}x${'*'.repeat(2400)}` : ''}`,
    );
    const text = `# T\n\nIntro.\n\n${[...nested, ...alternating].join('\n')}\n\n## After\n\nText [ref].\n\n[ref]: https://example.com/r\n`;
    assert.equal(parseDoc(text).rootCut, true, `the list is cut in the engine tree (${gfm || 'plain'})`);
    assertSame(text, `deep list${gfm}`);
    const body = render(text, RUNS).body;
    assert.ok(body.includes('item 19') && body.includes('\u2217x') && body.includes('<h2'), body.slice(0, 300));
  }
});

// The inline batch parses pieces of the same text once and puts a copy of the result at each place.
test('repeated paragraphs and long paragraphs of repeated lines render like one parse', () => {
  const { random, pick } = seeded('repeats');
  const phrases = ['word ', '~~struck~~ ', 'https://a.example/x. ', 'www.b.example ', 'j@c.example ', '*em* ', '`code` ', '[ref] ', '  \n'];
  const inline = () =>
    Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(phrases))
      .join('')
      .trim();
  for (let n = 0; n < 40; n++) {
    // Three texts, each used many times: alone, in list items (their lines indented) and one-line quotes.
    const texts = [inline(), inline(), `${inline()}\n${inline()}`];
    const blocks = Array.from({ length: 30 }, () => {
      const t = pick(texts);
      return pick([t, `- ${t.replace(/\n/g, '\n  ')}`, `> ${t.replace(/\n/g, ' ')}`, `1. x\n\n   ${t.replace(/\n/g, '\n   ')}`]);
    });
    // A paragraph of a few lines repeated past the piece size (the fuzzer: 250 KB of `[1.2.0]: https://…`).
    const lines = [`[${n}.2.0]: https://example.com/compare/v1...v2`, `[${n}.HEAD ${inline().replace(/\n/g, ' ')}`, 'plain line'];
    const long = Array.from({ length: 150 + Math.floor(random() * 60) }, (_, i) => lines[i % 3]).join('\n');
    const text = ['# T', '', ...blocks.flatMap((b) => [b, '']), long, '', '[ref]: /docs/ref', ''].join('\n');
    assertSame(text, `repeats ${n}`);
  }
});

// Runs for micromark of the same text are parsed once and copied (the fuzzer: a 165-character run of
// definitions and a footnote-like label, pasted 1,349 times, was 1,349 parses).
test('runs of the same text, pasted again and again, render like one parse', () => {
  const { random, pick } = seeded('repeated-runs');
  const blocks = [
    '| a | b |\n|---|---|\n| ~~x~~ | [ref] |',
    'Some ~~struck~~ text and www.example.com and a note[^n].',
    '[^n]: The note, [ref].',
    '- item ~one~\n- [ ] task https://example.com/x',
    '> quote | with pipe\n> |---|',
    'Plain words only.',
    '## Heading ~~x~~',
    '[other]: /elsewhere\n\nUses [other].',
  ];
  for (let n = 0; n < 20; n++) {
    const chosen = [pick(blocks), pick(blocks), pick(blocks)];
    const body = Array.from({ length: 20 + Math.floor(random() * 40) }, () => pick(chosen)).join('\n\n');
    const text = `# T\n\n${body}\n\n[ref]: https://example.com/ref\n`;
    assertSame(text, `repeated runs ${n}: ${JSON.stringify(chosen)}`);
  }
});

// Cells with inline Markdown are read by commonmark.js, and body rows may lack their leading pipe
// (simpleTable.ts): random tables of such cells and rows, held to one parse.
test('tables of cells with inline Markdown, and rows without a leading pipe, render like one parse', () => {
  const { random, pick } = seeded('inline-cells');
  const cell = () =>
    pick([
      'plain',
      '*em*',
      '**strong** word',
      '`code`',
      '`a | b`',
      '``two ` ticks``',
      '[l](/x)',
      '[l](/x "title")',
      '[ref]',
      '[ref][]',
      '[missing]',
      '<b>h</b>',
      '<span title="x">s</span>',
      '&amp; &copy; &#65;',
      '\\*escaped\\*',
      '_under_',
      'snake_case_name',
      '# not a heading',
      '- not a list',
      '1. not a list',
      '> not a quote',
      '![img](/i.png)',
      '*open',
      'close*',
      'x<y',
      '[',
      ']',
      'a\\',
      '***',
      '\u00a0*x*',
      ' _a_ ',
      '~~struck~~',
      'www.example.com',
      'note[^n]',
      'a \\| b',
      'c \\\\| d',
      '*e \\| f*',
      '`x\\|y`',
      'end \\|',
      '[zz]: http://a',
      '[ref]: /x',
      '[zz]: plain',
      '',
    ]);
  const bodyLine = () =>
    pick([
      () => `| ${cell()} | ${cell()} |`,
      () => `${cell()} | ${cell()}`,
      () => pick(['foo', 'x: [[[ y', '!!js | c |', '2. x', '- x', '    code', '> q', '* x', '<div>', '`x` | y', 'a \\| b']),
    ])();
  let tables = 0;
  for (let n = 0; n < 400; n++) {
    const lines = [`| ${cell()} | ${cell()} |`, pick(['|---|---|', '|:--|--:|', '| :-: | --- |'])];
    for (let b = Math.floor(random() * 5); b > 0; b--) lines.push(bodyLine());
    const text = ['# T', '', 'para', '', ...lines, '', 'after', '', '[ref]: https://example.com/ref', '', '[^n]: A note.', ''].join('\n');
    assertSame(text, JSON.stringify(text));
    if (render(text, RUNS).body.includes('<table>')) tables++;
  }
  assert.ok(tables > 300, `only ${tables} of the 400 documents held a table`);
});

// What micromark reads in one render is budgeted (limits: previewGfmChars): past it, blocks that need it
// are shown as CommonMark reads them, and the page says from which line.
test('past the GFM budget, blocks that need micromark are shown as CommonMark reads them, with a note', () => {
  const blocks = Array.from(
    { length: 12 },
    (_, i) => `Paragraph ${i}.\n\n- item ${i} with ~~struck ${i}~~ text\n\n  | a | b |\n  |---|---|\n  | ${i} | x |`,
  );
  const text = `# T\n\nIntro.\n\n${blocks.join('\n\n')}\n`;
  const lineOf = (i: number) => text.slice(0, text.indexOf(`- item ${i} `)).split('\n').length;
  // Each list costs its characters up to the next paragraph: room for four and a half of them.
  const size = text.indexOf('Paragraph 1.') - text.indexOf('- item 0 ');
  const budget = Math.floor(4.5 * size);
  try {
    configureLimits({ previewGfmChars: budget });
    const { body } = render(text, RUNS);
    const struck = [...body.matchAll(/<del>struck (\d+)<\/del>/g)].map((m) => Number(m[1]));
    assert.deepEqual(struck, [0, 1, 2, 3]);
    assert.ok(body.includes('~~struck 4~~') && body.includes('~~struck 11~~'), body.slice(0, 400));
    assert.equal((body.match(/<table>/g) ?? []).length, 4);
    assert.ok(
      body.startsWith(
        `<p class="pmdocs-limit-note" data-line="${lineOf(4)}">This document is long: from line ${lineOf(4)} on, blocks that only GFM reads (tables in lists or quotes, strikethrough, bare links, footnotes) are shown as plain Markdown. The preview reads up to ${budget} characters so; the user setting pmdocs.limits.previewGfmChars raises it.</p>`,
      ),
      body.slice(0, 400),
    );
  } finally {
    configureLimits({});
  }
  const { body } = render(text, RUNS);
  assert.equal((body.match(/<del>/g) ?? []).length, 12);
  assert.ok(!body.includes('pmdocs-limit-note'));
  assertSame(text, 'within the budget');
});
