// The big-table guard: tables past a size are parsed in pieces (see src/core/render/gfmParse.ts). The
// pieces must give exactly what one parse gives, and a huge table must render completely.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDoc } from '../../src/core/document/parse.js';
import { renderDocument, type TableGuard } from '../../src/core/render/index.js';

const NEVER: TableGuard = { maxRows: Number.MAX_SAFE_INTEGER, chunkRows: 1 };
const TINY: TableGuard = { maxRows: 10, chunkRows: 7 };
const render = (text: string, tableGuard?: TableGuard) =>
  renderDocument({ findings: [], doc: parseDoc(text) }, { allowRemoteImages: false, tableGuard });

const CELLS = [
  'plain text',
  'a [reference][ref] and a footnote[^note]',
  '`code with \\| pipe` and \\| escaped',
  '~~gone~~ **bold** https://example.com/x',
  '<br> raw <b>html</b>',
];

function tableDoc(rows: number, eol = '\n'): string {
  const lines = [
    '---',
    'type: prd',
    'title: Big',
    '---',
    '',
    '# Big',
    '',
    '## Requirements',
    '',
    '| ID | Text | Priority |',
    '|:---|---|--:|',
  ];
  for (let i = 0; i < rows; i++)
    lines.push(i % 9 === 4 ? `| R-${i} | ${CELLS[i % CELLS.length]}` : `| R-${i} | ${CELLS[i % CELLS.length]} | Must |`);
  lines.push('', '## After the table', '', 'Text.', '', '[ref]: https://ref.example', '[^note]: A note.', '');
  return lines.join(eol);
}

test('a table parsed in pieces renders exactly like one parse (references, footnotes, pipes, raw HTML)', () => {
  const text = tableDoc(120);
  const whole = render(text, NEVER);
  const pieces = render(text, TINY);
  assert.equal((whole.body.match(/<tr>/g) ?? []).length, 121);
  assert.ok(whole.body.includes('<a href="https://ref.example">reference</a>'));
  assert.ok(whole.body.includes('<code>code with | pipe</code>'));
  assert.equal(pieces.body, whole.body);
  assert.deepEqual(pieces.headings, whole.headings);
});

test('the same with CRLF line breaks', () => {
  const text = tableDoc(60, '\r\n');
  assert.equal(render(text, TINY).body, render(text, NEVER).body);
  assert.equal(render(text, TINY).headings.at(-1)?.line, 73);
});

test('tables that are not plain pipe rows, or sit in lists and quotes, are left to the normal parse', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `| ${i} | x |`);
  const loose = ['| a | b |', '|---|---|', ...rows.slice(0, 15), 'lazy row | y', ...rows.slice(15)].join('\n');
  const quoted = ['> | a | b |', '> |---|---|', ...rows.map((r) => `> ${r}`)].join('\n');
  const listed = ['- item', '', '  | a | b |', '  |---|---|', ...rows.map((r) => `  ${r}`)].join('\n');
  const fenced = ['```', '| a | b |', '|---|---|', ...rows, '```'].join('\n');
  for (const text of [loose, quoted, listed, fenced]) {
    assert.equal(render(text, TINY).body, render(text, NEVER).body, text.slice(0, 40));
  }
});

/** Rows like a real requirements table (what the benchmark corpus's big PRDs hold). */
function requirementsDoc(rows: number): string {
  const lines = [
    '---',
    'type: prd',
    'title: Big',
    '---',
    '',
    '# Big',
    '',
    '## Requirements',
    '',
    '| ID | Requirement | Priority | Notes |',
    '| --- | --- | --- | --- |',
  ];
  const texts = [
    'Admins can export invoices in bulk.',
    'The API exposes `GET /v2/invoices` with the same permissions as the UI.',
    'Invoices load in under 300 ms at p95.',
  ];
  const notes = ['—', 'See [US-1042](../stories/)', '_Legal review_'];
  for (let i = 0; i < rows; i++) lines.push(`| R-${i} | ${texts[i % 3]} | Must | ${notes[i % 3]} |`);
  lines.push('', '## After the table', '', 'Text.', '');
  return lines.join('\n');
}

test('an 8,700-row table renders completely, and the lines after it stay right', () => {
  const text = requirementsDoc(8700);
  const { body, headings } = render(text);
  assert.equal((body.match(/<tr>/g) ?? []).length, 8701);
  assert.ok(body.includes('<td>R-8699</td>'));
  assert.deepEqual(headings.at(-1), { id: 'user-content-after-the-table', line: 8713, depth: 2, text: 'After the table' });
});
