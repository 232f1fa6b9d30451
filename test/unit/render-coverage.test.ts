// The header card's trace summary (core/render/coverage.ts) on examples/: a PRD shows its requirement
// coverage, stories, releases and gaps as `pmdocs trace` counts them; an epic its stories and releases;
// without a workspace index, or for a story, there is no summary. Everything in it is escaped text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig } from '../../src/core/config/types.js';
import { renderDocument, type ReferenceContext } from '../../src/core/render/index.js';
import { indexFolder, indexTexts } from '../helpers/workspaceIndex.js';

const engine = createEngine();
const examples = join(import.meta.dirname, '../../examples');
const config = defaultConfig(examples);
const index = indexFolder(examples);
const refs: ReferenceContext = { index, docTypes: engine.registry(config).all(), schemas: config.schemas };

function cardOf(file: string, references: ReferenceContext | null = refs): string {
  const path = join(examples, file);
  const result = engine.lint(readFileSync(path, 'utf8'), { path, config, workspace: index });
  return renderDocument(result, { allowRemoteImages: false, ...(references ? { references } : {}) }).card;
}
const section = (html: string) => /<section class="pmdocs-coverage" aria-label="Trace">(.*?)<\/section>/.exec(html)?.[1];

describe('trace summary in the header card', () => {
  test('a PRD: requirement coverage, delivery, stories, releases and its gap', () => {
    assert.equal(
      section(cardOf('prd/PRD-12-invoice-csv-export.md')),
      '<dl class="pmdocs-facts">' +
        '<div class="pmdocs-fact"><dt>Requirements covered</dt><dd>5/6 (83 %)</dd></div>' +
        '<div class="pmdocs-fact"><dt>Delivered</dt><dd>5/6</dd></div>' +
        '<div class="pmdocs-fact"><dt>Stories</dt><dd>3 · 3 done</dd></div>' +
        '<div class="pmdocs-fact"><dt>In releases</dt><dd>REL-2.4.0</dd></div>' +
        '</dl>' +
        '<ul class="pmdocs-gaps" aria-label="1 gap"><li>PRD-12#FR-6 (could) has no story or epic implementing it</li></ul>',
    );
  });

  test('an epic: its stories and releases, no requirement coverage of its own', () => {
    assert.equal(
      section(cardOf('epics/EPIC-4-accountant-ready-exports.md')),
      '<dl class="pmdocs-facts">' +
        '<div class="pmdocs-fact"><dt>Stories</dt><dd>3 · 3 done</dd></div>' +
        '<div class="pmdocs-fact"><dt>In releases</dt><dd>REL-2.4.0</dd></div>' +
        '</dl>',
    );
  });

  test('no summary without an index, nor for a story', () => {
    assert.equal(section(cardOf('prd/PRD-12-invoice-csv-export.md', null)), undefined);
    assert.match(cardOf('prd/PRD-12-invoice-csv-export.md', null), /pmdocs-card/);
    assert.equal(section(cardOf('stories/US-101-export-invoices-as-csv.md')), undefined);
  });

  test('gap text from other documents is escaped, and past five gaps the rest is counted', () => {
    const fm = (lines: string, body = '# Doc\n') => `---\n${lines.trim()}\n---\n\n${body}`;
    const reqs = Array.from({ length: 7 }, (_, i) => `- FR-${i + 1}: Requirement ${i + 1} (Must)`).join('\n');
    const files = {
      '/ws/PRD-1.md': fm('type: prd\nid: PRD-1\ntitle: One\nstatus: draft', `# One\n\n## Requirements\n\n${reqs}\n`),
      '/ws/US-1.md': fm(
        'type: user-story\nid: US-1\ntitle: "<img src=x onerror=alert(1)>"\nstatus: done\nprd: PRD-1\nimplements: ["PRD-1#FR-<b>9</b>"]',
      ),
    };
    const ws = indexTexts(files);
    const ctx: ReferenceContext = { index: ws, docTypes: engine.registry(defaultConfig('/ws')).all() };
    const result = engine.lint(files['/ws/PRD-1.md'], { path: '/ws/PRD-1.md', config: defaultConfig('/ws'), workspace: ws });
    const html = section(renderDocument(result, { allowRemoteImages: false, references: ctx }).card) ?? '';
    assert.match(html, /<dd>0\/7 \(0 %\)<\/dd>/);
    assert.match(html, /<li>and \d+ more \(pmdocs trace lists them all\)<\/li>/);
    assert.doesNotMatch(html, /<b>|<img/);
  });
});
