// Completion in the front matter at given positions (`|` marks the cursor): what is offered, what it
// inserts and which range it replaces.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { completeFrontMatter, type AssistCompletion, type CompletionInput, type KnownDoc } from '../../src/core/assist/completion.js';
import { cursorContext } from '../../src/core/assist/yamlCursor.js';
import { parseDoc } from '../../src/core/document/parse.js';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { docTypeFromSchema } from '../../src/core/doctypes/docType.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';

const BUILT_IN_TYPES = builtInDocTypes.map((t) => t.type);

const engine = createEngine();
const KNOWN: KnownDoc[] = [
  { id: 'PRD-12', type: 'prd', title: 'Export invoices as CSV' },
  { id: 'PRD-13', type: 'prd', title: 'Payment reminders' },
  { id: 'EPIC-4', type: 'epic', title: 'Accountant-ready exports' },
  { id: 'US-101', type: 'user-story', title: 'Export invoices as CSV' },
  { id: 'US-102', type: 'user-story', title: 'Choose CSV columns' },
];

function complete(
  src: string,
  options: { config?: ResolvedConfig; known?: KnownDoc[] } = {},
): { items: AssistCompletion[]; offset: number; text: string } {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  const config = options.config ?? defaultConfig('/ws');
  const result = engine.lint(text, { path: '/ws/docs/doc.md', config });
  const input: CompletionInput = {
    doc: result.doc,
    offset,
    docType: result.docType,
    docTypes: engine.registry(config).all(),
    extraSchemas: config.schemas,
    knownDocs: options.known ?? KNOWN,
    today: '2026-07-14',
  };
  return { items: completeFrontMatter(input), offset, text };
}

const labels = (items: AssistCompletion[]) => items.map((i) => i.label);
const item = (items: AssistCompletion[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no completion '${label}' among ${labels(items).join(', ')}`);
  return found;
};

describe('keys', () => {
  test('the keys not yet present, required first, with the schema title as detail and docs', () => {
    const { items, offset } = complete('---\ntype: prd\nid: PRD-14\nsta|\ntitle: Reminders\n---\n# Reminders\n');
    assert.ok(
      !labels(items).includes('type') && !labels(items).includes('id') && !labels(items).includes('title'),
      'present keys, before and after the cursor, are not offered',
    );
    const status = item(items, 'status');
    assert.deepEqual(status.replace, { start: offset - 3, end: offset });
    assert.equal(status.insertText, 'status: ${1|draft,review,approved,building,launched,archived,abandoned|}');
    assert.equal(status.snippet, true);
    assert.equal(status.detail, 'Status (required)');
    assert.match(status.documentation!, /^\*\*Status\*\* \(`status`, required\)\n\nWhere the document is in its lifecycle\./);
    assert.match(status.documentation!, /Allowed: `draft`, `review`, `approved`/);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 3), ['status', 'owner', 'created']);
  });

  test('snippets: a date key gets today, a mapping its required keys, a list of mappings one item', () => {
    const { items } = complete('---\ntype: prd\n|\n---\n');
    assert.equal(item(items, 'created').insertText, 'created: ${1:2026-07-14}');
    assert.equal(
      item(items, 'rice').insertText,
      'rice:\n  reach: $1\n  impact: ${2|3,2,1,0.5,0.25|}\n  confidence: ${3|100,80,50|}\n  effort: $4',
    );
    assert.equal(item(items, 'rice').multiline, true);
    assert.equal(item(items, 'success_metrics').insertText, 'success_metrics:\n  - name: $1\n    baseline: $2\n    target: $3');
    assert.equal(item(items, 'tags').insertText, 'tags:\n  - $1');
    assert.equal(item(items, 'format').insertText, 'format: ${1|standard,one-pager,prfaq|}', 'the default value is the first choice');
  });

  test('keys of a nested mapping and of a list item mapping', () => {
    const rice = complete('---\ntype: prd\nrice:\n  reach: 900\n  |\n---\n').items;
    assert.deepEqual(labels(rice), ['impact', 'confidence', 'effort', 'score']);
    const metric = complete('---\ntype: prd\nsuccess_metrics:\n  - name: Late share\n    |\n---\n').items;
    assert.deepEqual(labels(metric), ['baseline', 'target', 'unit', 'by', 'direction']);
    const firstKey = complete('---\ntype: prd\nsuccess_metrics:\n  - |\n---\n').items;
    assert.equal(labels(firstKey)[0], 'name');
  });

  test('renaming a key that has a value already replaces only the name', () => {
    const { items, text } = complete('---\ntype: prd\nst|atus: draft\n---\n');
    const status = item(items, 'status');
    assert.equal(status.insertText, 'status');
    assert.equal(text.slice(status.replace.start, status.replace.end), 'status');
  });

  test('without a doc type, only `type` is offered, with the known types as choices', () => {
    const { items } = complete('---\n|\n---\n# Notes\n');
    assert.deepEqual(labels(items), ['type']);
    assert.equal(items[0]!.insertText, `type: \${1|${BUILT_IN_TYPES.join(',')}|}`);
  });

  test('nothing in a comment, outside the front matter, or inside a block scalar', () => {
    assert.deepEqual(complete('---\ntype: prd\n# sta|\n---\n').items, []);
    assert.deepEqual(complete('---\ntype: prd\n---\n\nsta|\n').items, []);
    assert.deepEqual(complete('---\ntype: prd\ntitle: |\n  sta|\n---\n').items, []);
  });
});

describe('values', () => {
  test('enum values of the key at the cursor, replacing the value typed so far (comment kept)', () => {
    const { items, text } = complete('---\ntype: prd\nstatus: apr|ved  # todo\n---\n');
    assert.deepEqual(labels(items), ['draft', 'review', 'approved', 'building', 'launched', 'archived', 'abandoned']);
    const approved = item(items, 'approved');
    assert.equal(text.slice(approved.replace.start, approved.replace.end), 'aprved');
    assert.equal(item(items, 'draft').preselect, true, 'the default is preselected');
  });

  test('right after the colon, values come with a leading space', () => {
    const { items } = complete('---\ntype: user-story\nestimate:|\n---\n');
    assert.deepEqual(labels(items), ['0', '0.5', '1', '2', '3', '5', '8', '13', '20', '40', '100']);
    assert.equal(item(items, '5').insertText, ' 5');
  });

  test('booleans and today for dates', () => {
    assert.deepEqual(labels(complete('---\ntype: release-notes\nbreaking: |\n---\n').items), ['true', 'false']);
    const date = complete('---\ntype: release-notes\ndate: |\n---\n').items;
    assert.deepEqual(
      date.map((i) => [i.label, i.detail]),
      [['2026-07-14', 'today']],
    );
  });

  test('reference fields offer the ids of existing documents of the right type', () => {
    const prd = complete('---\ntype: user-story\nid: US-103\nprd: |\n---\n').items;
    assert.deepEqual(
      prd.map((i) => [i.label, i.detail]),
      [
        ['PRD-12', 'Export invoices as CSV'],
        ['PRD-13', 'Payment reminders'],
      ],
    );
    assert.deepEqual(labels(complete('---\ntype: user-story\nid: US-103\nepic: |\n---\n').items), ['EPIC-4']);
  });

  test('list references: items already listed are not offered again (block and flow lists)', () => {
    assert.deepEqual(labels(complete('---\ntype: release-notes\nstories:\n  - US-101\n  - |\n---\n').items), ['US-102']);
    assert.deepEqual(labels(complete('---\ntype: release-notes\nstories: [US-102, |]\n---\n').items), ['US-101']);
    const inline = complete('---\ntype: release-notes\nstories: |\n---\n').items;
    assert.deepEqual(
      inline.map((i) => i.insertText),
      ['[US-101]', '[US-102]'],
    );
  });

  test('`id` offers the next free id of the type', () => {
    assert.deepEqual(labels(complete('---\ntype: prd\nid: |\n---\n').items), ['PRD-14']);
    assert.deepEqual(labels(complete('---\ntype: release-notes\nversion: "2.5.0"\nid: |\n---\n').items), ['REL-2.5.0']);
  });

  test('`type:` offers the known doc types, and each again with its required keys', () => {
    const { items } = complete('---\ntype: |\n---\n');
    // A type whose schema requires no key (changelog) is offered once.
    assert.deepEqual(
      labels(items),
      BUILT_IN_TYPES.flatMap((t) => (t === 'changelog' ? [t] : [t, `${t} + required keys`])),
    );
    assert.deepEqual(BUILT_IN_TYPES.slice(0, 4), ['prd', 'epic', 'user-story', 'release-notes']);
    const story = item(items, 'user-story + required keys');
    assert.equal(
      story.insertText,
      'user-story\nid: ${1:US-103}\ntitle: $2\nstatus: ${3|draft,ready,in-progress,in-review,done,blocked,wont-do|}',
    );
    assert.equal(story.snippet, true);
    assert.equal(story.filterText, 'user-story');
    assert.equal(
      item(items, 'prd + required keys').insertText,
      'prd\nid: ${1:PRD-14}\ntitle: $2\nstatus: ${3|draft,review,approved,building,launched,archived,abandoned|}\nowner: $4\ncreated: ${5:2026-07-14}',
    );
  });
});

describe('the cursor context', () => {
  const ctx = (src: string) => {
    const offset = src.indexOf('|');
    return cursorContext(parseDoc(src.replace('|', '')), offset);
  };

  test('path of nested mappings and list items, present keys after the cursor too', () => {
    const src = '---\na: 1\nlinks:\n  depends_on:\n    - US-1\n    - |\nb: 2\n---\n';
    const at = src.indexOf('|');
    assert.deepEqual(ctx(src), {
      kind: 'value',
      path: ['links', 'depends_on', 1],
      key: 1,
      needsSpace: false,
      siblings: ['US-1'],
      typed: '',
      replace: { start: at, end: at },
      extraIndent: '  ',
    });
    const k = ctx('---\na: 1\n|\nb: 2\nc:\n  d: 3\n---\n');
    assert.equal(k?.kind, 'key');
    assert.deepEqual(k?.kind === 'key' && k.present, ['a', 'b', 'c']);
  });

  test('a list at the same indentation as its key (valid YAML) and CRLF lines', () => {
    const v = ctx('---\r\ntags:\r\n- a\r\n- |\r\nx: 1\r\n---\r\n');
    assert.equal(v?.kind, 'value');
    assert.deepEqual(v?.path, ['tags', 1]);
  });
});

describe('workspace doc types', () => {
  test('get the same completion from their own schema, with $refs into another workspace schema', () => {
    const schema = {
      $id: 'https://example.com/adr.schema.json',
      type: 'object',
      properties: {
        type: { const: 'adr' },
        id: { type: 'string', pattern: '^ADR-\\d+$' },
        status: { title: 'Decision status', description: 'Where the decision stands.', enum: ['proposed', 'accepted', 'superseded'] },
        supersedes: { type: 'array', items: { $ref: 'ids.schema.json#/$defs/adrId' } },
      },
      required: ['type', 'id', 'status'],
      'x-pmdocs': { type: 'adr', idPrefix: 'ADR-', idExample: 'ADR-1', sections: [] },
    };
    const ids = { $id: 'https://example.com/ids.schema.json', $defs: { adrId: { type: 'string', pattern: '^ADR-\\d+$' } } };
    const config: ResolvedConfig = { ...defaultConfig('/ws'), docTypes: [docTypeFromSchema(schema, { builtIn: false })], schemas: [ids] };
    const known = [...KNOWN, { id: 'ADR-1', type: 'adr', title: 'Use Postgres' }];
    const keys = complete('---\ntype: adr\n|\n---\n', { config, known }).items;
    assert.deepEqual(labels(keys), ['id', 'status', 'supersedes']);
    assert.equal(item(keys, 'status').detail, 'Decision status (required)');
    assert.deepEqual(labels(complete('---\ntype: adr\nstatus: |\n---\n', { config, known }).items), ['proposed', 'accepted', 'superseded']);
    assert.deepEqual(labels(complete('---\ntype: adr\nid: ADR-2\nsupersedes:\n  - |\n---\n', { config, known }).items), ['ADR-1']);
    assert.deepEqual(labels(complete('---\ntype: adr\nid: |\n---\n', { config, known }).items), ['ADR-2']);
    assert.ok(labels(complete('---\ntype: |\n---\n', { config, known }).items).includes('adr'));
  });
});
