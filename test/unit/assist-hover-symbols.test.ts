// Hover on front-matter keys and on findings; the document outline.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { hoverFindings, hoverFrontMatter } from '../../src/core/assist/hover.js';
import { documentSymbols, type AssistSymbol } from '../../src/core/assist/symbols.js';

const repo = join(import.meta.dirname, '../..');
const engine = createEngine();
const prdPath = join(repo, 'examples/prd/PRD-12-invoice-csv-export.md');
const prdText = readFileSync(prdPath, 'utf8');
const prd = engine.lint(prdText, { path: prdPath });

const hoverAt = (needle: string, delta = 1) =>
  hoverFrontMatter({ doc: prd.doc, offset: prdText.indexOf(needle) + delta, docType: prd.docType });

describe('hover on the front matter', () => {
  test('a key: title, description, allowed values, default and example; the range is the key', () => {
    const h = hoverAt('status:');
    assert.ok(h);
    assert.deepEqual(h.range, { start: prdText.indexOf('status:'), end: prdText.indexOf('status:') + 'status'.length });
    assert.equal(
      h.contents,
      '**Status** (`status`, required)\n\n' +
        'Where the document is in its lifecycle. One of: draft (being written), review (out for review), approved (signed off, ready to build), building (in development), launched (live for customers), archived (kept for the record), abandoned (stopped before launch).\n\n' +
        'Allowed: `draft`, `review`, `approved`, `building`, `launched`, `archived`, `abandoned`  \nDefault: `draft`  \nExample: `status: review`',
    );
  });

  test('a scalar value shows its key; nested keys and list items resolve through $refs', () => {
    assert.match(hoverAt('launched')!.contents, /^\*\*Status\*\*/);
    const reach = hoverAt('reach:')!;
    assert.match(reach.contents, /^\*\*Reach\*\* \(`reach`, required\)\n\nHow many people or events this affects per period/);
    assert.match(reach.contents, /Type: number {2}\nExample: `reach: 1200`/);
    assert.match(hoverAt('baseline: 0%')!.contents, /^\*\*Baseline\*\* \(`baseline`, required\)/);
    assert.match(hoverAt('EPIC-4')!.contents, /^\*\*Epic id\*\* \(List item\)\n\nId of an epic/);
  });

  test('a mapping-valued example is shown as a YAML block', () => {
    assert.match(
      hoverAt('rice:')!.contents,
      /Example: \n\n```yaml\nrice:\n {2}reach: 1200\n {2}impact: 2\n {2}confidence: 80\n {2}effort: 3\n {2}score: 640\n```$/,
    );
  });

  test('nothing outside the front matter or without a doc type', () => {
    assert.equal(hoverAt('## Problem'), undefined);
    assert.equal(hoverFrontMatter({ doc: prd.doc, offset: prdText.indexOf('status:') + 1 }), undefined);
  });
});

describe('hover on a finding', () => {
  test("the rule's description and a link to its docs page", () => {
    const path = join(repo, 'examples/broken/PRD-13-payment-reminders.md');
    const text = readFileSync(path, 'utf8');
    const r = engine.lint(text, { path });
    const at = text.indexOf('aproved') + 2;
    const h = hoverFindings(r.findings, at, engine.rules);
    assert.deepEqual(h, {
      contents:
        "**pmdocs** `frontmatter-schema`: Front matter must match the doc type's schema: required keys, allowed values, formats (dates, ids) and value types. — [documentation](https://github.com/pmdocs/pmdocs/blob/main/docs/rules/frontmatter-schema.md)",
      range: { start: text.indexOf('aproved'), end: text.indexOf('aproved') + 'aproved'.length },
    });
    assert.equal(hoverFindings(r.findings, text.indexOf('# Automatic'), engine.rules), undefined);
  });
});

describe('document symbols', () => {
  const show = (s: AssistSymbol, depth = 0): string[] => [
    `${'  '.repeat(depth)}${s.kind} ${s.name}${s.detail ? ` — ${s.detail}` : ''}`,
    ...s.children.flatMap((c) => show(c, depth + 1)),
  ];

  test('the front matter first, named "type id", with its keys; then the headings as a tree', () => {
    const symbols = documentSymbols(prd.doc, prd.docType);
    const outline = symbols.flatMap((s) => show(s));
    assert.deepEqual(outline.slice(0, 4), [
      'document prd PRD-12 — Export invoices as CSV',
      '  key type — prd',
      '  key id — PRD-12',
      '  key title — Export invoices as CSV',
    ]);
    assert.ok(outline.includes('  mapping rice'));
    assert.ok(outline.includes('    key score — 720'));
    assert.ok(outline.includes('    mapping Accounts exporting invoices as CSV each month — [0]'));
    assert.deepEqual(
      outline.filter((l) => l.includes('section')),
      [
        'section Export invoices as CSV',
        '  section Summary',
        '  section Problem',
        '  section Goals',
        '  section Non-goals',
        '  section Requirements',
        '  section Success metrics',
        '  section Risks',
        '  section Open questions',
      ],
    );
  });

  test('ranges: the front matter block, each key with its value, each section up to the next', () => {
    const [fm, title] = documentSymbols(prd.doc, prd.docType);
    assert.deepEqual(fm!.range, { start: 0, end: prdText.indexOf('\n---\n') + 4 });
    assert.deepEqual(fm!.selection, { start: 0, end: 3 });
    const id = fm!.children[1]!;
    assert.equal(prdText.slice(id.range.start, id.range.end), 'id: PRD-12');
    assert.equal(prdText.slice(id.selection.start, id.selection.end), 'id');
    const problem = title!.children.find((s) => s.name === 'Problem')!;
    assert.ok(prdText.slice(problem.range.start, problem.range.end).startsWith('## Problem\n'));
    assert.ok(!/\s$/.test(prdText.slice(problem.range.start, problem.range.end)), 'no trailing blank lines');
    assert.ok(prdText.slice(problem.range.end).trimStart().startsWith('## Goals'));
    for (const s of [fm!, ...fm!.children, title!, ...title!.children]) {
      assert.ok(s.selection.start >= s.range.start && s.selection.end <= s.range.end, `${s.name}: selection inside range`);
    }
  });

  test('a document whose YAML does not parse still gets what the parser recovered, and its sections', () => {
    const text = '---\ntype: epic\nowner: @maria\n---\n\n# Late\n\n## Summary\n\nx\n';
    const r = engine.lint(text);
    assert.deepEqual(
      documentSymbols(r.doc, r.docType).flatMap((s) => show(s)),
      ['document epic', '  key type — epic', '  key owner — @maria', 'section Late', '  section Summary'],
    );
  });
});
