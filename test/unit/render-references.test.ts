// The header card's reference chips (core/render/references.ts + headerCard.ts): with a workspace index a
// chip that names a document is a button carrying only the id and a tooltip with the document's title
// and status; one that names nothing is struck through and says "not found"; without an index the chips
// are the plain text they always were. Also the host's own lookup (referenceTarget), which decides what
// an `openReference` message may open, and the page side: the sanitiser lets no body HTML pose as a chip.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig } from '../../src/core/config/types.js';
import { docTypeFromSchema } from '../../src/core/doctypes/docType.js';
import { chipsSignature, referenceTarget, renderDocument, type ReferenceContext } from '../../src/core/render/index.js';
import { createWorkspaceIndex } from '../../src/core/workspace/index.js';
import { indexTexts } from '../helpers/workspaceIndex.js';

const engine = createEngine();
const CONFIG = defaultConfig('/ws');
const fm = (lines: string) => `---\n${lines.trim()}\n---\n\n# Doc\n`;

const WORKSPACE = {
  '/ws/prd/PRD-1-saved-searches.md': fm('type: prd\nid: PRD-1\ntitle: Saved searches\nstatus: approved'),
  '/ws/prd/PRD-30-broken.md': fm('type: prd\nid: PRD_30\ntitle: Broken id\nstatus: draft'),
  '/ws/epics/EPIC-4.md': fm('type: epic\nid: EPIC-4\ntitle: Exports\nstatus: active'),
  '/ws/stories/US-2.md': fm('type: user-story\nid: US-2\nstatus: draft'),
};
const index = indexTexts(WORKSPACE);
const refs: ReferenceContext = { index, docTypes: engine.registry(CONFIG).all(), schemas: CONFIG.schemas };

const STORY = fm(`
type: user-story
id: US-7
title: Export a search
status: draft
prd: PRD-1
epic: EPIC-9
release: REL-2.4.0
links:
  depends_on: [US-2, US-404]
  relates_to: [PRD-30]
`);

const lint = (text: string, config = CONFIG) => engine.lint(text, { path: '/ws/stories/US-7.md', config, workspace: index });
const card = (text: string, references?: ReferenceContext, config = CONFIG) =>
  renderDocument(lint(text, config), { allowRemoteImages: false, ...(references ? { references } : {}) }).card;
/** The chips list of a card. */
const chips = (html: string) => /<ul class="pmdocs-chips pmdocs-links" aria-label="Linked documents">(.*?)<\/ul>/.exec(html)?.[1] ?? '';

describe('reference chips', () => {
  test('a reference the index resolves: a button with the id in data-ref and the title and status as tooltip', () => {
    const html = chips(card(STORY, refs));
    assert.ok(
      html.startsWith(
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-chip"><button type="button" class="pmdocs-ref" data-ref="PRD-1" title="Saved searches · status: approved"><span class="pmdocs-chip-label">PRD</span> PRD-1</button></li>',
      ),
      html,
    );
    // No title in the target: its id; a document whose own id is broken but is named after the id: it is the one meant.
    assert.ok(
      html.includes(
        '<button type="button" class="pmdocs-ref" data-ref="US-2" title="US-2 · status: draft"><span class="pmdocs-chip-label">Depends on</span> US-2</button>',
      ),
      html,
    );
    assert.ok(
      html.includes(
        '<button type="button" class="pmdocs-ref" data-ref="PRD-30" title="Broken id · status: draft"><span class="pmdocs-chip-label">Relates to</span> PRD-30</button>',
      ),
      html,
    );
  });

  test('a reference that names nothing: struck through, "not found" in words, no button and no data-ref', () => {
    const html = chips(card(STORY, refs));
    assert.ok(
      html.includes(
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-broken" title="EPIC-9: not found in this workspace"><span class="pmdocs-chip-label">Epic</span> <s>EPIC-9</s><span class="sr-only"> (not found)</span></li>',
      ),
      html,
    );
    assert.ok(
      html.includes(
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-broken" title="US-404: not found in this workspace"><span class="pmdocs-chip-label">Depends on</span> <s>US-404</s><span class="sr-only"> (not found)</span></li>',
      ),
      html,
    );
    assert.ok(
      html.includes('title="REL-2.4.0: not found in this workspace"><span class="pmdocs-chip-label">Release</span> <s>REL-2.4.0</s>'),
      html,
    );
    assert.equal(html.match(/<button/g)?.length, 3, 'PRD-1, US-2 and PRD-30 only');
  });

  test('an id of the wrong type is broken too, and the tooltip says what it names', () => {
    const html = chips(card(STORY.replace('epic: EPIC-9', 'epic: PRD-1'), refs));
    assert.ok(
      html.includes(
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-broken" title="PRD-1 names a prd, not an epic"><span class="pmdocs-chip-label">Epic</span> <s>PRD-1</s><span class="sr-only"> (not found)</span></li>',
      ),
      html,
    );
  });

  test('a version where a release id is also allowed is no reference: plain, even with an index', () => {
    const prd = fm('type: prd\nid: PRD-5\ntitle: T\nstatus: draft\ntarget_release: "2.4.0"\nepics: [EPIC-4]');
    const html = chips(card(prd, refs));
    assert.equal(
      html,
      '<li class="pmdocs-chip pmdocs-link pmdocs-ref-chip"><button type="button" class="pmdocs-ref" data-ref="EPIC-4" title="Exports · status: active"><span class="pmdocs-chip-label">Epics</span> EPIC-4</button></li>' +
        '<li class="pmdocs-chip pmdocs-link" data-ref="2.4.0"><span class="pmdocs-chip-label">Target release</span> 2.4.0</li>',
    );
  });

  test('no index: every chip is plain text, as before', () => {
    assert.equal(
      chips(card(STORY)),
      '<li class="pmdocs-chip pmdocs-link" data-ref="PRD-1"><span class="pmdocs-chip-label">PRD</span> PRD-1</li>' +
        '<li class="pmdocs-chip pmdocs-link" data-ref="EPIC-9"><span class="pmdocs-chip-label">Epic</span> EPIC-9</li>' +
        '<li class="pmdocs-chip pmdocs-link" data-ref="REL-2.4.0"><span class="pmdocs-chip-label">Release</span> REL-2.4.0</li>' +
        '<li class="pmdocs-chip pmdocs-link" data-ref="US-2"><span class="pmdocs-chip-label">Depends on</span> US-2</li>' +
        '<li class="pmdocs-chip pmdocs-link" data-ref="US-404"><span class="pmdocs-chip-label">Depends on</span> US-404</li>' +
        '<li class="pmdocs-chip pmdocs-link" data-ref="PRD-30"><span class="pmdocs-chip-label">Relates to</span> PRD-30</li>',
    );
  });

  test('an anchor stays in the chip text; the button carries the id alone', () => {
    const html = chips(card(STORY.replace('prd: PRD-1', 'prd: "PRD-1#requirements"'), refs));
    assert.ok(
      html.includes(
        '<button type="button" class="pmdocs-ref" data-ref="PRD-1" title="Saved searches · status: approved"><span class="pmdocs-chip-label">PRD</span> PRD-1#requirements</button>',
      ),
      html,
    );
  });

  test('a reference field of a workspace type is a chip too, labelled by its schema title', () => {
    const adr = docTypeFromSchema(
      {
        $id: 'urn:test:adr',
        type: 'object',
        properties: {
          type: { const: 'adr' },
          id: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'string' },
          decides: { title: 'Decides', type: 'string', 'x-pmdocs': { references: ['prd', 'epic'] } },
          see: { type: 'array', items: { type: 'string', 'x-pmdocs': { references: '*' } } },
        },
        'x-pmdocs': { type: 'adr', idPrefix: 'ADR-' },
      },
      { builtIn: false, name: 'adr' },
    );
    const config = { ...defaultConfig('/ws'), docTypes: [adr] };
    const ctx: ReferenceContext = { index, docTypes: engine.registry(config).all(), schemas: config.schemas };
    const text = fm('type: adr\nid: ADR-1\ntitle: Use CSV\nstatus: accepted\ndecides: EPIC-4\nsee: [US-404]');
    assert.equal(
      chips(card(text, ctx, config)),
      '<li class="pmdocs-chip pmdocs-link pmdocs-ref-chip"><button type="button" class="pmdocs-ref" data-ref="EPIC-4" title="Exports · status: active"><span class="pmdocs-chip-label">Decides</span> EPIC-4</button></li>' +
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-broken" title="US-404: not found in this workspace"><span class="pmdocs-chip-label">see</span> <s>US-404</s><span class="sr-only"> (not found)</span></li>',
    );
    assert.equal(
      chips(card(text, undefined, config)),
      '<li class="pmdocs-chip pmdocs-link" data-ref="EPIC-4"><span class="pmdocs-chip-label">Decides</span> EPIC-4</li><li class="pmdocs-chip pmdocs-link" data-ref="US-404"><span class="pmdocs-chip-label">see</span> US-404</li>',
    );
  });

  test('front-matter values and target titles reach the card as text, in attributes escaped', () => {
    const evil = createWorkspaceIndex({
      root: '/ws',
      docs: [
        {
          path: '/ws/prd/PRD-2.md',
          type: 'prd',
          id: 'PRD-2',
          idOk: true,
          title: '"><img src=x onerror=alert(1)>',
          status: '<script>x()</script>',
        },
      ],
    });
    const ctx = { ...refs, index: evil };
    const html = chips(
      card(STORY.replace('prd: PRD-1', 'prd: PRD-2').replace('epic: EPIC-9', `epic: 'EPIC-9"><img src=x onerror=alert(2)>'`), ctx),
    );
    assert.ok(
      html.includes(
        '<button type="button" class="pmdocs-ref" data-ref="PRD-2" title="&#x22;><img src=x onerror=alert(1)> · status: <script>x()</script>">',
      ),
      html,
    );
    assert.ok(
      html.includes(
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-broken" title="EPIC-9&#x22;><img src=x onerror=alert(2)>: not found in this workspace"><span class="pmdocs-chip-label">Epic</span> <s>EPIC-9">&#x3C;img src=x onerror=alert(2)></s>',
      ),
      html,
    );
    // Outside attribute values (where < is harmless) no tag but the card's own.
    assert.deepEqual([...new Set(html.replace(/"[^"]*"/g, '""').match(/<\w+/g))].sort(), ['<button', '<li', '<s', '<span']);
  });
});

describe('what the host opens', () => {
  const result = lint(STORY);

  test('an id this document references and the index resolves: that document', () => {
    assert.equal(referenceTarget(result, refs, 'PRD-1')?.path, '/ws/prd/PRD-1-saved-searches.md');
    assert.equal(referenceTarget(result, refs, 'PRD-30')?.path, '/ws/prd/PRD-30-broken.md');
  });

  test('nothing for an id the document does not reference, one that resolves to nothing, or a near miss', () => {
    for (const id of ['EPIC-4', 'EPIC-9', 'US-404', 'prd-1', 'PRD-1#requirements', ' PRD-1', '/ws/prd/PRD-1-saved-searches.md', '']) {
      assert.equal(referenceTarget(result, refs, id), undefined, id);
    }
    assert.equal(referenceTarget(engine.lint('# Not a pmdocs document\n'), refs, 'PRD-1'), undefined);
  });

  test('the chips signature changes exactly when what the chips show changes', () => {
    const same = createWorkspaceIndex({ root: '/ws', docs: [...index.docs] });
    assert.equal(chipsSignature(result, { ...refs, index: same }), chipsSignature(result, refs));
    const renamed = createWorkspaceIndex({
      root: '/ws',
      docs: index.docs.map((d) => (d.id === 'PRD-1' ? { ...d, title: 'Saved views' } : d)),
    });
    assert.notEqual(chipsSignature(result, { ...refs, index: renamed }), chipsSignature(result, refs));
    assert.notEqual(chipsSignature(result, undefined), chipsSignature(result, refs));
  });
});

test('the sanitiser keeps the document body from posing as a chip: no button, no data-ref, no chip classes', () => {
  const body = renderDocument(
    engine.lint(
      '# T\n\n<button type="button" class="pmdocs-ref" data-ref="PRD-1">open</button>\n\n<p><span class="pmdocs-ref" data-ref="PRD-1">x</span></p>\n',
    ),
    { allowRemoteImages: false },
  ).body;
  assert.equal(body, '<h1 id="user-content-t" data-line="1">T</h1>\n<p>open</p>\n<p><span>x</span></p>');
});
