// ajv error → YAML node → message, for every keyword the built-in schemas use (found by walking them,
// so a schema that starts using a new keyword fails here until it has a case), plus the awkward
// inputs: escaped keys, sequences, nested maps, CRLF, BOM, empty and comment-only front matter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { builtInDocTypes, sharedSchemas } from '../../src/core/doctypes/builtins.js';
import { docTypeFromSchema } from '../../src/core/doctypes/docType.js';

const engine = createEngine();
const MINE = new Set(['frontmatter-schema', 'frontmatter-unknown-key', 'yaml-coerced-scalar']);

/** Findings of the three schema rules as `line:col-endCol rule message` (`line:col-endLine:endCol` across lines). */
function findings(text: string, options: { path?: string; config?: ResolvedConfig } = {}): string[] {
  return engine
    .lint(text, options)
    .findings.filter((f) => MINE.has(f.ruleId))
    .map((f) => `${f.line}:${f.column}-${f.endLine === f.line ? '' : `${f.endLine}:`}${f.endColumn} ${f.ruleId} ${f.message}`);
}

const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\n# Title\n`;
const PRD = ['type: prd', 'id: PRD-1', 'title: CSV export', 'status: draft', 'owner: "@jane"', 'created: 2026-01-05'];
const STORY = ['type: user-story', 'id: US-1', 'title: Export', 'status: ready'];
const RELEASE = ['type: release-notes', 'id: REL-1.2.0', 'title: Ledgerly 1.2.0', 'status: planned', 'version: "1.2.0"'];

interface Case {
  name: string;
  /** The schema keywords this case exercises. */
  keywords: string[];
  text: string;
  options?: { path?: string; config?: ResolvedConfig };
  expect: string[];
}

const PRD_STATUSES = 'draft, review, approved, building, launched, archived, abandoned';

const cases: Case[] = [
  {
    name: 'enum: a misspelt status gets a did-you-mean',
    keywords: ['enum'],
    text: fm(...PRD.slice(0, 3), 'status: aproved', ...PRD.slice(4)),
    expect: [`5:9-16 frontmatter-schema status 'aproved' is not allowed for a prd. Did you mean 'approved'? Allowed: ${PRD_STATUSES}.`],
  },
  {
    name: 'enum: no close match, no suggestion',
    keywords: ['enum'],
    text: fm(...PRD.slice(0, 3), 'status: shipped', ...PRD.slice(4)),
    expect: [`5:9-16 frontmatter-schema status 'shipped' is not allowed for a prd. Allowed: ${PRD_STATUSES}.`],
  },
  {
    name: 'enum: a quoted number where numbers are allowed',
    keywords: ['enum'],
    text: fm(...STORY, 'estimate: "3"'),
    expect: [
      "6:11-14 frontmatter-schema estimate '3' is not allowed for a user-story. Did you mean 3 (a number, without quotes)? Allowed: 0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100.",
    ],
  },
  {
    name: 'const: type disagrees with the $schema that selected the type',
    keywords: ['const'],
    text: fm('$schema: urn:pmdocs:schema:prd', 'type: epic', ...PRD.slice(1)),
    expect: ["3:7-11 frontmatter-schema type 'epic' must be prd."],
  },
  {
    name: 'pattern + $ref: the id format comes from the shared defs',
    keywords: ['pattern', '$ref'],
    text: fm(PRD[0]!, 'id: PRD-x', ...PRD.slice(2)),
    expect: ["3:5-10 frontmatter-schema id 'PRD-x' does not match the prd id format PRD-<number> (e.g. PRD-12)."],
  },
  {
    name: '$ref inside a schema (#/properties/status) keeps the did-you-mean',
    keywords: ['$ref', 'items', 'properties'],
    text: fm(...PRD, 'status_history:', '  - status: draft', '    date: 2026-01-05', '  - status: reveiw', '    date: 2026-01-09'),
    expect: [
      `11:13-19 frontmatter-schema status_history[1].status 'reveiw' is not allowed. Did you mean 'review'? Allowed: ${PRD_STATUSES}.`,
    ],
  },
  {
    name: 'format: an impossible date',
    keywords: ['format'],
    text: fm(...PRD.slice(0, 5), 'created: 2026-13-01'),
    expect: ["7:10-20 frontmatter-schema created '2026-13-01' is not a valid date: use YYYY-MM-DD."],
  },
  {
    name: 'minLength: an empty title',
    keywords: ['minLength'],
    text: fm(PRD[0]!, PRD[1]!, "title: ''", ...PRD.slice(3)),
    expect: ['4:8-10 frontmatter-schema title must not be empty (the human title, shown in lists and links, e.g. Export invoices as CSV).'],
  },
  {
    name: 'minItems: an empty list lands on the value',
    keywords: ['minItems'],
    text: fm(...PRD, 'success_metrics: []'),
    expect: [
      '8:18-20 frontmatter-schema success_metrics is an empty list: add at least one item (how you will know the problem is solved, e.g. [{"name":"CSV export adoption","baseline":"0%","target":"25%","by":"2026-09-30"}]).',
    ],
  },
  {
    name: 'uniqueItems: the second occurrence is flagged',
    keywords: ['uniqueItems'],
    text: fm(...PRD, 'tags: [billing, q3, billing]'),
    expect: ["8:21-28 frontmatter-schema tags lists 'billing' twice (items 1 and 3): remove one."],
  },
  {
    name: 'type, minimum, exclusiveMinimum, enum inside a nested block mapping',
    keywords: ['type', 'minimum', 'exclusiveMinimum', 'properties'],
    text: fm(...STORY, 'rice:', '  reach: -5', '  impact: 4', '  confidence: lots', '  effort: 0'),
    expect: [
      '7:10-12 frontmatter-schema rice.reach -5 is too small: it must be at least 0.',
      '8:11-12 frontmatter-schema rice.impact 4 is not allowed. Allowed: 3, 2, 1, 0.5, 0.25.',
      "9:15-19 frontmatter-schema rice.confidence 'lots' is not allowed. Allowed: 100, 80, 50.",
      '10:11-12 frontmatter-schema rice.effort 0 is too small: it must be more than 0.',
    ],
  },
  {
    name: 'maxItems: six key results where five at most are allowed',
    keywords: ['maxItems'],
    text: fm(
      'type: okr',
      'id: OKR-1',
      'title: T',
      'status: draft',
      'owner: "@x"',
      'created: 2026-05-04',
      'period: 2026-Q3',
      'objective: O',
      'key_results: [{name: a, baseline: 1, target: 2, unit: u}, {name: b, baseline: 1, target: 2, unit: u}, {name: c, baseline: 1, target: 2, unit: u}, {name: d, baseline: 1, target: 2, unit: u}, {name: e, baseline: 1, target: 2, unit: u}, {name: f, baseline: 1, target: 2, unit: u}]',
    ),
    expect: ['10:14-278 frontmatter-schema key_results has 6 items: at most 5 are allowed.'],
  },
  {
    name: 'maximum: a power above the allowed range',
    keywords: ['maximum'],
    text: fm('type: experiment', 'id: EXP-1', 'title: T', 'status: draft', 'owner: "@x"', 'created: 2026-05-04', 'power: 1.2'),
    expect: ['8:8-11 frontmatter-schema power 1.2 is too large: it must be at most 0.99.'],
  },
  {
    name: 'type: text where a number is wanted, in a flow mapping',
    keywords: ['type'],
    text: fm(...STORY, "rice: {reach: '1200', impact: 2, confidence: 80, effort: many}"),
    expect: [
      "6:15-21 frontmatter-schema rice.reach '1200' is text, expected a number: remove the quotes.",
      "6:58-62 frontmatter-schema rice.effort 'many' is text, expected a number.",
    ],
  },
  {
    name: 'type: a mapping where text is wanted lands on the key',
    keywords: ['type'],
    text: fm(...STORY, 'persona:', '  name: bookkeeper'),
    expect: ['6:1-8 frontmatter-schema persona is a mapping, expected text.'],
  },
  {
    name: 'type: an empty value points at its key',
    keywords: ['type'],
    text: fm(...STORY, 'sprint:'),
    expect: [
      "6:1-7 frontmatter-schema sprint is empty: expected text (the iteration the story is planned in, in your team's naming, e.g. 2026-S14).",
    ],
  },
  {
    name: 'items: flow sequence item and block sequence item',
    keywords: ['items', 'pattern'],
    text: fm(...PRD, 'tags: [billing, Q3]', 'epics:', '  - EPIC-4', '  - epic 5'),
    expect: [
      "8:17-19 frontmatter-schema tags[1] 'Q3' does not match the tag format: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. billing).",
      "11:5-11 frontmatter-schema epics[1] 'epic 5' does not match the epic id format EPIC-<number> (e.g. EPIC-4).",
    ],
  },
  {
    name: 'anyOf: none of the types fits (one message); one type fits (its own error)',
    keywords: ['anyOf', 'items'],
    text: fm(...PRD, 'success_metrics:', '  - name: adoption', '    baseline: [1]', '    target: ""'),
    expect: [
      '10:15-18 frontmatter-schema success_metrics[0].baseline is a list, expected a number or text.',
      '11:13-15 frontmatter-schema success_metrics[0].target must not be empty.',
    ],
  },
  {
    name: "required: at the root, on the opening fence, with the key's title and example",
    keywords: ['required'],
    text: fm(...PRD.slice(0, 4), PRD[5]!),
    expect: ['1:1-4 frontmatter-schema Missing required key \'owner\' (the one person or team accountable for this PRD, e.g. "@jane").'],
  },
  {
    name: "required: in a nested mapping, on its key; in a list item, on the item's first line",
    keywords: ['required'],
    text: fm(
      ...PRD,
      'rice:',
      '  reach: 10',
      '  confidence: 80',
      '  effort: 1',
      'success_metrics:',
      '  - name: adoption',
      '    baseline: 0',
    ),
    expect: [
      "8:1-5 frontmatter-schema rice is missing required key 'impact' (how much it moves the needle for each person reached, e.g. 2).",
      "13:5-19 frontmatter-schema success_metrics[0] is missing required key 'target' (the value that means success, e.g. 25).",
    ],
  },
  {
    name: 'allOf + if/then: a conditional requirement says when it applies (no "then" noise)',
    keywords: ['allOf', 'if', 'then', 'required'],
    text: fm(...RELEASE.slice(0, 3), 'status: yanked', RELEASE[4]!, 'date: 2026-05-01'),
    expect: [
      "1:1-4 frontmatter-schema Missing required key 'yanked_reason' (why the release was pulled, e.g. CSV export dropped rows with non-ASCII names): it is required when status is 'yanked'.",
    ],
  },
  {
    name: 'additionalProperties: unknown key in a nested mapping, with did-you-mean',
    keywords: ['additionalProperties'],
    text: fm(...STORY, 'rice: {reach: 10, impact: 2, confidence: 80, effort: 1, scroe: 20}'),
    expect: ["6:57-62 frontmatter-unknown-key Unknown key 'scroe' in rice. Did you mean 'score'?"],
  },
  {
    name: 'unevaluatedProperties: unknown key at the root, hit and miss',
    keywords: ['unevaluatedProperties'],
    text: fm(...STORY, 'ownr: "@kim"', 'jira: LED-1'),
    expect: [
      "6:1-5 frontmatter-unknown-key Unknown key 'ownr'. Did you mean 'owner'?",
      "7:1-5 frontmatter-unknown-key Unknown key 'jira': a user-story does not use it. Check the spelling, or name your own keys with an 'x-' prefix (x-jira).",
    ],
  },
  {
    name: 'patternProperties: x- keys are accepted, whatever their value',
    keywords: ['patternProperties'],
    text: fm(...STORY, 'x-jira: LED-1', 'x-team: {name: billing}'),
    expect: [],
  },
];

/** Keywords that only describe (no error can come from them). */
const ANNOTATIONS = new Set(['$defs', '$id', '$schema', 'default', 'description', 'examples', 'title', 'x-pmdocs']);

function keywordsOf(schemas: readonly unknown[]): Set<string> {
  const found = new Set<string>();
  const maps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
  const single = new Set([
    'items',
    'not',
    'if',
    'then',
    'else',
    'additionalProperties',
    'unevaluatedProperties',
    'contains',
    'propertyNames',
    'unevaluatedItems',
  ]);
  const lists = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
  const walk = (s: unknown): void => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return;
    for (const [k, v] of Object.entries(s)) {
      found.add(k);
      if (maps.has(k)) Object.values(v as object).forEach(walk);
      else if (single.has(k)) walk(v);
      else if (lists.has(k)) (v as unknown[]).forEach(walk);
    }
  };
  schemas.forEach(walk);
  return found;
}

test('every keyword of the built-in schemas has a mapping case', () => {
  const used = keywordsOf([...sharedSchemas, ...builtInDocTypes.map((t) => t.schema)]);
  const covered = new Set(cases.flatMap((c) => c.keywords));
  const missing = [...used].filter((k) => !ANNOTATIONS.has(k) && !covered.has(k)).sort();
  assert.deepEqual(missing, [], `keywords without a case in schema-mapping.test.ts: ${missing.join(', ')}`);
});

for (const c of cases) {
  test(`mapping: ${c.name}`, () => {
    assert.deepEqual(findings(c.text, c.options), c.expect);
  });
}

test('CRLF line breaks and a BOM keep offsets right', () => {
  const text = `\ufeff${fm(...PRD.slice(0, 3), 'status: aproved', ...PRD.slice(4), 'tags: [billing, Q3]').replace(/\n/g, '\r\n')}`;
  const result = engine.lint(text);
  const mine = result.findings.filter((f) => MINE.has(f.ruleId));
  assert.deepEqual(
    mine.map((f) => [f.line, f.column, f.endColumn, text.slice(f.start, f.end)]),
    [
      [5, 9, 16, 'aproved'],
      [8, 17, 19, 'Q3'],
    ],
  );
  const fix = mine[0]!.fixes![0]!;
  assert.equal(text.slice(fix.edits[0]!.start, fix.edits[0]!.end), 'aproved');
});

const associated = { ...defaultConfig(''), associations: [{ glob: 'prd/**', type: 'prd' }] };
// The association settles the type, so 'type' itself is not asked for.
const ALL_PRD_REQUIRED = [
  "Missing required key 'id' (stable id other documents use to point at this one, e.g. PRD-12).",
  "Missing required key 'title' (the human title, shown in lists and links, e.g. Export invoices as CSV).",
  "Missing required key 'status' (where the document is in its lifecycle, e.g. review).",
  'Missing required key \'owner\' (the one person or team accountable for this PRD, e.g. "@jane").',
  "Missing required key 'created' (the date the PRD was first written, e.g. 2026-03-02).",
];

test('empty front matter typed by a path association: required keys on the opening fence', () => {
  assert.deepEqual(
    findings('---\n---\n# Notes\n', { path: 'prd/notes.md', config: associated }),
    ALL_PRD_REQUIRED.map((m) => `1:1-4 frontmatter-schema ${m}`),
  );
});

test('front matter holding only a comment counts as empty', () => {
  assert.deepEqual(
    findings('---\n# to do\n---\n# Notes\n', { path: 'prd/notes.md', config: associated }),
    ALL_PRD_REQUIRED.map((m) => `1:1-4 frontmatter-schema ${m}`),
  );
});

test('no front matter at all, typed by association: required keys on line 1', () => {
  assert.deepEqual(
    findings('# Notes\n\nText.\n', { path: 'prd/notes.md', config: associated }),
    ALL_PRD_REQUIRED.map((m) => `1:1-8 frontmatter-schema ${m}`),
  );
});

test('no front matter and a first line past 10,000 characters: the whole line, where the rules anchor too', () => {
  const long = `# ${'x'.repeat(12_000)}`;
  assert.deepEqual(
    findings(`${long}\n\nText.\n`, { path: 'prd/notes.md', config: associated }),
    ALL_PRD_REQUIRED.map((m) => `1:1-${long.length + 1} frontmatter-schema ${m}`),
  );
});

test('unreadable front matter is left to frontmatter-syntax', () => {
  assert.deepEqual(findings(fm(...STORY, 'owner: @kim')), []);
});

// A workspace type, to reach what the built-in schemas do not use: keys with '/' and '~', nested
// unevaluatedProperties through allOf.
const adrSchema = {
  $id: 'urn:test:adr',
  type: 'object',
  properties: {
    type: { const: 'adr' },
    links: { type: 'object', additionalProperties: { type: 'string', pattern: '^ADR-\\d+$' } },
    decision: {
      type: 'object',
      title: 'Decision',
      properties: { outcome: { type: 'string' } },
      allOf: [{ properties: { date: { type: 'string', format: 'date' } } }],
      unevaluatedProperties: false,
    },
  },
  unevaluatedProperties: false,
};
const adrConfig: ResolvedConfig = { ...defaultConfig(''), docTypes: [docTypeFromSchema(adrSchema, { builtIn: false, name: 'adr' })] };

test('escaped keys (a/b, x~y) are unescaped before the YAML lookup', () => {
  const text = fm('type: adr', 'links:', '  docs/api: ADR-1', '  a~b: nope', '  "c/d~e": ADR-x');
  assert.deepEqual(findings(text, { config: adrConfig }), [
    "5:8-12 frontmatter-schema links.a~b 'nope' does not match the expected format ADR-<number>.",
    "6:12-17 frontmatter-schema links.c/d~e 'ADR-x' does not match the expected format ADR-<number>.",
  ]);
});

test('unevaluatedProperties at a nested level knows the keys an allOf adds', () => {
  const text = fm('type: adr', 'decision:', '  outcome: accepted', '  dat: 2026-01-05', '  votes: 3');
  assert.deepEqual(findings(text, { config: adrConfig }), [
    "5:3-6 frontmatter-unknown-key Unknown key 'dat' in decision. Did you mean 'date'?",
    "6:3-8 frontmatter-unknown-key Unknown key 'votes' in decision. Known keys: outcome, date.",
  ]);
});
