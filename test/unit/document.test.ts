// The document model on awkward input: CRLF, BOM, empty, no front matter, not a mapping, YAML errors,
// refused languages. Nothing here may throw.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDoc } from '../../src/core/document/parse.js';
import { findFrontMatterBlock } from '../../src/core/document/frontMatterBlock.js';
import { yamlSpan } from '../../src/core/document/yamlSpans.js';
import { normalizeHeading, outline } from '../../src/core/document/sections.js';
import { createEngine } from '../../src/core/engine.js';

const slice = (text: string, span: { start: number; end: number } | undefined) => (span ? text.slice(span.start, span.end) : undefined);

test('plain front matter: data, ranges into the whole text, body offsets unchanged', () => {
  const text = '---\ntype: prd\ntitle: "CSV export"\n---\n# CSV export\n\n## Problem\n';
  const doc = parseDoc(text);
  assert.deepEqual(doc.frontMatter?.data, { type: 'prd', title: 'CSV export' });
  assert.equal(slice(text, yamlSpan(doc.frontMatter!, ['title'])), '"CSV export"');
  assert.equal(slice(text, yamlSpan(doc.frontMatter!, ['title'], 'key')), 'title');
  const h1 = doc.root.children[0]!;
  assert.equal(h1.type, 'heading');
  assert.equal(h1.position?.start.line, 5);
  assert.equal(text.slice(h1.position!.start.offset!, h1.position!.end.offset!), '# CSV export');
});

test('CRLF line endings keep lines and offsets right', () => {
  const text = '---\r\ntype: prd\r\nstatus: draft\r\n---\r\n\r\n## Goals\r\n';
  const doc = parseDoc(text);
  assert.deepEqual(doc.frontMatter?.data, { type: 'prd', status: 'draft' });
  const span = yamlSpan(doc.frontMatter!, ['status'])!;
  assert.equal(slice(text, span), 'draft');
  assert.deepEqual(doc.lines.pointAt(span.start), { line: 3, column: 9 });
  const h2 = doc.root.children.find((n) => n.type === 'heading')!;
  assert.deepEqual(doc.lines.pointAt(h2.position!.start.offset!), { line: 6, column: 1 });
});

test('a UTF-8 BOM before the fence is accepted and not part of any node', () => {
  const text = '\uFEFF---\ntype: prd\n---\n## Goals\n';
  const doc = parseDoc(text);
  assert.deepEqual(doc.frontMatter?.data, { type: 'prd' });
  assert.equal(doc.frontMatter?.block.openFence.start, 1);
  assert.equal(slice(text, yamlSpan(doc.frontMatter!, ['type'])), 'prd');
  assert.equal(doc.root.children[0]?.type, 'heading');
});

test('empty file and a file without front matter', () => {
  assert.equal(parseDoc('').frontMatter, undefined);
  assert.equal(parseDoc('').root.children.length, 0);
  const readme = parseDoc('# Read me\n\n---\n\ntext\n');
  assert.equal(readme.frontMatter, undefined);
  assert.equal(readme.root.children[0]?.type, 'heading');
});

test('a lone thematic break at the top is not an unclosed front matter', () => {
  assert.equal(findFrontMatterBlock('---\n\nSome text\n'), undefined);
});

test('an unclosed front matter is reported on the opening fence', () => {
  const doc = parseDoc('---\ntype: prd\ntitle: x\n\n## Goals\n');
  assert.equal(doc.frontMatter?.problems[0]?.kind, 'unclosed');
  assert.deepEqual(doc.frontMatter?.problems[0] && { start: doc.frontMatter.problems[0].start, end: doc.frontMatter.problems[0].end }, {
    start: 0,
    end: 3,
  });
});

test('front matter that is not a mapping', () => {
  const text = '---\n- a\n- b\n---\n';
  const p = parseDoc(text).frontMatter!.problems;
  assert.equal(p.length, 1);
  assert.equal(p[0]!.kind, 'not-mapping');
  assert.match(p[0]!.message, /must be a mapping.*a list/);
  assert.equal(slice(text, p[0]), '- a\n- b\n');
  const scalar = parseDoc('---\njust text\n---\n').frontMatter!.problems;
  assert.match(scalar[0]!.message, /a single string/);
});

test('YAML syntax errors carry the position the parser reports', () => {
  const text = '---\ntype: prd\ntitle: [unclosed\nstatus: draft\n---\n';
  const doc = parseDoc(text);
  const p = doc.frontMatter!.problems.filter((x) => x.kind === 'syntax');
  assert.ok(p.length >= 1);
  assert.match(p[0]!.message, /^YAML syntax error: /);
  const pos = doc.lines.pointAt(p[0]!.start);
  assert.ok(pos.line >= 3 && pos.line <= 5, `line ${pos.line}`);
});

test('duplicate keys are a syntax problem, not a silent overwrite', () => {
  const doc = parseDoc('---\nstatus: draft\nstatus: review\n---\n');
  assert.equal(doc.frontMatter!.problems[0]?.kind, 'syntax');
  assert.equal(doc.lines.pointAt(doc.frontMatter!.problems[0]!.start).line, 3);
});

test('---js and TOML front matter are refused and never evaluated', () => {
  (globalThis as Record<string, unknown>).__pmdocsEvaluated = false;
  for (const text of [
    '---js\n{ title: (globalThis.__pmdocsEvaluated = true, "x") }\n---\n# T\n',
    '---javascript\nmodule.exports = (globalThis.__pmdocsEvaluated = true)\n---\n',
    '+++\ntitle = "x"\n+++\n',
  ]) {
    const doc = parseDoc(text);
    assert.equal(doc.frontMatter?.problems[0]?.kind, 'language', text);
    assert.equal(doc.frontMatter?.data, undefined);
    assert.equal(doc.frontMatter?.yaml, undefined);
    // The refused block is not read as Markdown either.
    assert.ok(!doc.root.children.some((n) => n.type === 'paragraph' && text.includes('exports') && JSON.stringify(n).includes('exports')));
  }
  assert.equal((globalThis as Record<string, unknown>).__pmdocsEvaluated, false);
});

test('hostile YAML: alias bombs and custom tags become problems or strings, not hangs or code', () => {
  const bomb = [
    '---',
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    '---',
    '',
  ].join('\n');
  const doc = parseDoc(bomb);
  assert.equal(doc.frontMatter!.problems[0]?.kind, 'syntax');
  const tagged = parseDoc('---\ntitle: !!js/function "function(){ globalThis.x = 1 }"\n---\n');
  assert.equal(typeof tagged.frontMatter?.data?.title, 'string');
});

test('a closing fence of "..." is accepted (YAML document end marker)', () => {
  assert.deepEqual(parseDoc('---\ntype: prd\n...\n# T\n').frontMatter?.data, { type: 'prd' });
});

test('heading normalisation ignores case, numbering, emoji and "(optional)"', () => {
  assert.equal(normalizeHeading('3. Non-Goals'), 'non goals');
  assert.equal(normalizeHeading('🎯 Goals & Metrics'), 'goals and metrics');
  assert.equal(normalizeHeading('Background (optional)'), 'background');
  assert.equal(normalizeHeading('2.1 Success metrics'), 'success metrics');
  assert.equal(normalizeHeading('Won’t have'), 'wont have');
});

test('outline: a single leading H1 is the title, H2s are the sections with their content', () => {
  const text = '# Title\n\n## Problem\n\nText\n\n### Detail\n\nMore\n\n## Goals\n';
  const o = outline(parseDoc(text).root, text.length);
  assert.equal(o.titleHeading?.depth, 1);
  assert.deepEqual(
    o.sections.map((s) => [s.title, s.key, s.content.length]),
    [
      ['Problem', 'problem', 3],
      ['Goals', 'goals', 0],
    ],
  );
  assert.equal(text.slice(o.sections[0]!.start, o.sections[0]!.end), '## Problem\n\nText\n\n### Detail\n\nMore\n\n');
});

test('a path association implies the type: no "missing type" for a document typed by its folder', async () => {
  const { createEngine } = await import('../../src/core/engine.js');
  const { defaultConfig } = await import('../../src/core/config/types.js');
  const config = { ...defaultConfig('/ws'), associations: [{ glob: 'stories/**', type: 'user-story' }] };
  const text =
    '---\nid: US-1\ntitle: Export\nstatus: draft\n---\n## Story\n\nAs a billing admin, I want a CSV so that I can reconcile.\n\n## Acceptance criteria\n\n- [ ] The file downloads\n';
  const r = createEngine().lint(text, { path: '/ws/stories/US-1.md', config });
  assert.equal(r.docType?.type, 'user-story');
  assert.equal(r.detectedBy, 'association');
  assert.deepEqual(
    r.findings.map((f) => `${f.ruleId}: ${f.message}`),
    [],
  );
  // The same document outside the associated folder is not a pmdocs document at all.
  assert.equal(createEngine().lint(text, { path: '/ws/notes/US-1.md', config }).docType, undefined);
});

test('an unclosed front matter is the only finding: the body it swallowed is not checked', () => {
  const findings = createEngine().lint('---\ntype: prd\nid: PRD-1\ntitle: x\n\n## Goals\n', { path: '/ws/prd/PRD-1.md' }).findings;
  assert.deepEqual(
    findings.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`),
    ["1:1 frontmatter-syntax: Front matter opened with '---' is never closed: add a line '---' after the last key."],
  );
});
