// The preview's render module on whole documents: header card, findings summary, missing-section
// placeholders, GFM body, heading anchors and lines, the big-table guard.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { parseDoc } from '../../src/core/document/parse.js';
import { renderDocument, type RenderOptions } from '../../src/core/render/index.js';
import type { LintResult } from '../../src/core/engine.js';
import { defaultConfig } from '../../src/core/config/types.js';

const engine = createEngine();
const options: RenderOptions = { allowRemoteImages: false };
const render = (text: string, opts: RenderOptions = options) => renderDocument(engine.lint(text, { path: 'docs/doc.md' }), opts);
/** A result for a document with no findings (the render module needs no engine). */
const plain = (text: string): LintResult => ({ findings: [], doc: parseDoc(text) });

const PRD = `---
type: prd
id: PRD-12
title: Bulk export
status: building
owner: "@jane"
created: 2026-01-05
updated: 2026-02-01
priority: must
tags: [billing, export]
epics: [EPIC-3, EPIC-4]
target_release: 2.4.0
rice: {reach: 500, impact: 2, confidence: 80, effort: 2}
links:
  depends_on: [US-7]
---

# Bulk export

## Problem

Users can't export.

## Requirements

| ID | Requirement |
|:---|---:|
| R-1 | Export ~~CSV~~ XLSX, see https://example.com |

- [x] designed
- [ ] built

\`\`\`ts
const a = 1;
\`\`\`
`;

test('header card: type, id, title, status badge by stage, facts, RICE, tags and link chips', () => {
  const { card } = render(PRD);
  assert.match(card, /<span class="pmdocs-type">Product requirements document<\/span>/);
  assert.match(card, /<span class="pmdocs-id">PRD-12<\/span>/);
  assert.match(card, /<p class="pmdocs-card-title">Bulk export<\/p>/);
  assert.match(card, /<span class="pmdocs-status pmdocs-stage-active" title="Lifecycle stage: in progress">building<\/span>/);
  for (const [label, value] of [
    ['Owner', '@jane'],
    ['Created', '2026-01-05'],
    ['Updated', '2026-02-01'],
    ['Priority', 'must'],
  ]) {
    assert.ok(card.includes(`<dt>${label}</dt><dd>${value}</dd>`), `${label}: ${value}`);
  }
  assert.ok(card.includes('<dt>RICE score</dt><dd title="reach 500 × impact 2 × confidence 80% ÷ effort 2">400</dd>'));
  assert.ok(card.includes('<li class="pmdocs-chip pmdocs-tag">billing</li><li class="pmdocs-chip pmdocs-tag">export</li>'));
  for (const [label, ref] of [
    ['Epics', 'EPIC-3'],
    ['Epics', 'EPIC-4'],
    ['Target release', '2.4.0'],
    ['Depends on', 'US-7'],
  ]) {
    assert.ok(card.includes(`data-ref="${ref}"><span class="pmdocs-chip-label">${label}</span> ${ref}</li>`), `${label} ${ref}`);
  }
});

test('status stages across the built-in types', () => {
  const stageOfStatus = (type: string, status: string) =>
    /pmdocs-stage-(\w+)/.exec(renderDocument(plain(`---\ntype: ${type}\nstatus: ${status}\n---\n`), options).card)?.[1];
  assert.equal(stageOfStatus('prd', 'review'), 'planning');
  assert.equal(stageOfStatus('prd', 'launched'), 'done');
  assert.equal(stageOfStatus('prd', 'abandoned'), 'stopped');
  assert.equal(stageOfStatus('epic', 'proposed'), 'planning');
  assert.equal(stageOfStatus('user-story', 'in-progress'), 'active');
  assert.equal(stageOfStatus('user-story', 'wont-do'), 'stopped');
  assert.equal(stageOfStatus('release-notes', 'released'), 'done');
  assert.equal(stageOfStatus('release-notes', 'yanked'), 'stopped');
  assert.equal(stageOfStatus('prd', 'someday'), 'other');
});

test('front-matter values carrying HTML are shown as text, never as markup', () => {
  const text = `---
type: prd
id: "<img src=x onerror=alert(1)>"
title: "<script>alert(1)</script> & <b>bold</b>"
status: "<i>draft</i>"
owner: "\\"><svg onload=alert(1)>"
tags: ["<a href='javascript:alert(1)'>x</a>"]
epics: ["EPIC-1\\" onmouseover=\\"alert(1)"]
---
`;
  const { card } = renderDocument(plain(text), options);
  assert.ok(!/<(img|script|b|i|svg|a)[\s>]/.test(card), card);
  assert.ok(card.includes('&#x3C;script>alert(1)&#x3C;/script> &#x26; &#x3C;b>bold&#x3C;/b>'));
  // The quote stays inside the attribute value: the element has exactly the attributes we gave it.
  assert.ok(card.includes('<li class="pmdocs-chip pmdocs-link" data-ref="EPIC-1&#x22; onmouseover=&#x22;alert(1)"><span'), card);
});

test('findings summary: counts per severity and one button per finding carrying its line', () => {
  const { findings } = render(PRD);
  assert.match(
    findings,
    /<span class="pmdocs-count pmdocs-sev-error">3 errors<\/span><span class="pmdocs-count pmdocs-sev-warning">\d+ warnings?<\/span>/,
  );
  const buttons = [...findings.matchAll(/<button type="button" class="pmdocs-finding pmdocs-sev-(\w+)" data-line="(\d+)"/g)];
  const required = [...findings.matchAll(/data-line="(\d+)"[^>]*>.{0,200}?Missing required section '([^']+)'/g)].map(
    (m) => `${m[2]}@${m[1]}`,
  );
  assert.deepEqual(required, ['Goals@20', 'Non-goals@20', 'Success metrics@24']);
  assert.ok(buttons.length >= 3);
  assert.match(renderDocument(plain('# Notes\n'), options).findings, /Not a pmdocs document: no checks ran\./);
});

test('missing required sections appear as placeholders where the quick fix would insert them', () => {
  const { body } = render(PRD);
  const order = [...body.matchAll(/<h2[^>]*>([^<]+)/g)].map((m) => m[1]!.trim());
  assert.deepEqual(order, ['Problem', 'Goals', 'Non-goals', 'Requirements', 'Success metrics']);
  assert.match(
    body,
    /<section class="pmdocs-missing" data-line="24" aria-label="Missing section: Goals"><h2 class="pmdocs-missing-heading">Goals <span class="pmdocs-missing-badge">missing<\/span><\/h2><p class="pmdocs-missing-hint">What must be true once this ships\?/,
  );
  // A placeholder is a placeholder, not a heading of the document.
  assert.deepEqual(
    render(PRD).headings.map((h) => h.text),
    ['Bulk export', 'Problem', 'Requirements'],
  );
});

test('no placeholder for a required section whose heading is there, misspelt or one level too deep', () => {
  const body = (headings: string) => `---\ntype: user-story\nid: US-1\ntitle: Export\nstatus: draft\n---\n\n# Export\n\n${headings}`;
  const story = '## Story\n\nAs a finance admin, I want to export invoices as CSV, so that I can reconcile them.\n\n';
  for (const text of [
    body(`${story}## Acceptence criteria\n\n- [ ] One row.\n`),
    body(`${story}### Acceptance criteria\n\n- [ ] One row.\n`),
  ]) {
    const result = engine.lint(text, { path: 'docs/doc.md' });
    assert.equal(result.findings.filter((f) => f.ruleId === 'required-section').length, 1);
    assert.ok(!renderDocument(result, options).body.includes('pmdocs-missing'), text);
  }
  assert.ok(render(body(story)).body.includes('aria-label="Missing section: Acceptance criteria"'));
});

test('no placeholders when the required-section rule is turned off in the config', () => {
  const config = { ...defaultConfig(), rules: { 'required-section': 'off' as const } };
  const result = engine.lint(PRD, { path: 'docs/doc.md', config });
  assert.ok(!renderDocument(result, options).body.includes('pmdocs-missing'));
});

test('GFM: table with alignment, task list, strikethrough, autolink literal, fenced code class', () => {
  const { body } = render(PRD);
  assert.ok(body.includes('<th align="left">ID</th>\n<th align="right">Requirement</th>'));
  assert.ok(body.includes('<td align="right">Export <del>CSV</del> XLSX, see <a href="https://example.com">https://example.com</a></td>'));
  assert.ok(
    body.includes(
      '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled> designed</li>\n<li class="task-list-item"><input type="checkbox" disabled> built</li>',
    ),
  );
  assert.ok(body.includes('<pre><code class="language-ts">const a = 1;\n</code></pre>'));
});

test('the front matter is not rendered and body lines match the source', () => {
  const { body, headings } = render(PRD);
  assert.ok(!body.includes('PRD-12') && !body.includes('type: prd') && !body.includes('<hr>'));
  assert.deepEqual(headings, [
    { id: 'user-content-bulk-export', line: 18, depth: 1, text: 'Bulk export' },
    { id: 'user-content-problem', line: 20, depth: 2, text: 'Problem' },
    { id: 'user-content-requirements', line: 24, depth: 2, text: 'Requirements' },
  ]);
  assert.ok(body.includes('<h2 id="user-content-problem" data-line="20">Problem</h2>'));
});

test('heading anchors: GitHub slugs, unique, prefixed against DOM clobbering', () => {
  const { headings } = renderDocument(
    plain('# Risks & Mitigations\n\n## Risks & Mitigations\n\n## location\n\n## Über `code` ✨\n'),
    options,
  );
  assert.deepEqual(
    headings.map((h) => h.id),
    ['user-content-risks--mitigations', 'user-content-risks--mitigations-1', 'user-content-location', 'user-content-über-code-'],
  );
});

test('images: relative through the resolver, remote only when allowed and https, never data: or //host', () => {
  const text =
    '![a](img/a.png) ![b](https://cdn.test/b.png) ![c](http://cdn.test/c.png) ![d](data:image/png;base64,AAAA) ![e](//evil.test/e.png) ![f](../outside.png)';
  const resolveImage = (src: string) => (src.startsWith('..') ? undefined : `https://webview.test/${src}`);
  const off = renderDocument(plain(text), { allowRemoteImages: false, resolveImage }).body;
  assert.ok(off.includes('<img src="https://webview.test/img/a.png" alt="a">'));
  assert.equal((off.match(/<img /g) ?? []).length, 1, off);
  for (const alt of ['b', 'c', 'd', 'e', 'f']) assert.ok(off.includes(`[image: ${alt}]`), alt);
  const on = renderDocument(plain(text), { allowRemoteImages: true, resolveImage }).body;
  assert.ok(on.includes('<img src="https://cdn.test/b.png" alt="b">'));
  assert.equal((on.match(/<img /g) ?? []).length, 2, on);
});

test('raw HTML in Markdown: safe tags kept (GitHub-like), the rest removed', () => {
  const { body } = renderDocument(
    plain(
      'a<br>b <kbd>K</kbd> <sub>2</sub>\n\n<details><summary>More</summary>\n\nHidden\n\n</details>\n\n<div style="color:red" onclick="x()">d</div>\n',
    ),
    options,
  );
  assert.ok(body.includes('a<br>b <kbd>K</kbd> <sub>2</sub>'));
  assert.ok(body.includes('<details><summary>More</summary>'));
  assert.ok(body.includes('<div>d</div>'));
});

test('title for the panel: front matter, else the first H1', () => {
  assert.equal(render(PRD).title, 'Bulk export');
  assert.equal(renderDocument(plain('# Only *a* heading\n'), options).title, 'Only a heading');
});
