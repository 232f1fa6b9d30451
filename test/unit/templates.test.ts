// New documents: next free id, file names, and the text rendered from a type's templates.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { nextId, slugify, fileNameFor, renderNewDocument, frontMatterId } from '../../src/core/templates/index.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';

const type = (name: string) => builtInDocTypes.find((t) => t.type === name)!;
const frontMatterOf = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;

test('nextId: one past the highest id with the prefix, ignoring other types and odd ids', () => {
  assert.equal(nextId('PRD-', []), 'PRD-1');
  assert.equal(nextId('PRD-', ['PRD-3', 'PRD-12', 'US-40', 'PRD-x', 'PRD-7']), 'PRD-13');
  assert.equal(nextId('ADR-', ['ADR-0007', 'ADR-0002']), 'ADR-0008');
  assert.equal(nextId('US-', ['US-099']), 'US-100');
});

test('slugify and fileNameFor: readable ASCII names', () => {
  assert.equal(slugify('Export invoices as CSV'), 'export-invoices-as-csv');
  assert.equal(slugify('  Café & crème: v2!  '), 'cafe-and-creme-v2');
  assert.equal(slugify('***'), '');
  assert.ok(slugify('a very long title '.repeat(10)).length <= 60);
  assert.equal(fileNameFor('PRD-4', 'Export invoices as CSV'), 'PRD-4-export-invoices-as-csv.md');
  assert.equal(fileNameFor('REL-1.2.0'), 'REL-1.2.0.md');
});

test('renderNewDocument fills the front matter with values YAML reads back exactly', () => {
  const text = renderNewDocument(type('prd'), { id: 'PRD-4', title: 'Say "hi" \\ bye', owner: '@jane', date: '2026-05-01' });
  assert.ok(text.startsWith('---\ntype: prd\nid: PRD-4\n'));
  assert.deepEqual(frontMatterOf(text), {
    type: 'prd',
    id: 'PRD-4',
    title: 'Say "hi" \\ bye',
    status: 'draft',
    owner: '@jane',
    created: '2026-05-01',
  });
  assert.match(text, /\n---\n\n# Say "hi" \\ bye\n\n## Problem\n/);
  assert.equal(frontMatterId(text), 'PRD-4');
});

test('renderNewDocument drops a line whose value is missing (no owner given)', () => {
  const text = renderNewDocument(type('user-story'), { id: 'US-9', title: 'Export', date: '2026-05-01' });
  assert.deepEqual(Object.keys(frontMatterOf(text)), ['type', 'id', 'title', 'status', 'created']);
});

test('release notes: the version stays a string', () => {
  const text = renderNewDocument(type('release-notes'), {
    id: 'REL-1.10.0',
    title: 'Release 1.10.0',
    version: '1.10.0',
    date: '2026-05-01',
  });
  assert.equal(frontMatterOf(text)['version'], '1.10.0');
  assert.equal(frontMatterId(text), 'REL-1.10.0');
});

test('frontMatterId: none without front matter or with a non-string id', () => {
  assert.equal(frontMatterId('# README\n'), undefined);
  assert.equal(frontMatterId('---\nid: 12\n---\n'), undefined);
});
