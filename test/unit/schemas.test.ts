// The shipped schemas (schemas/) and the examples workspace (examples/): every schema compiles under
// ajv 2020 strict, its x-pmdocs body data is consistent, every key a user can hover has a title,
// description and example, the good examples are valid, and typical mistakes give the ajv error the
// engine turns into a finding (keyword + instancePath).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { normalizeHeading, outline, plainText } from '../../src/core/document/sections.js';
import { parseDoc } from '../../src/core/document/parse.js';
import { SECTION_ROLES } from '../../src/core/doctypes/docType.js';

type Json = Record<string, any>;

const root = fileURLToPath(new URL('../../', import.meta.url));
const schemasDir = join(root, 'schemas');
const examplesDir = join(root, 'examples');
const loadSchema = (name: string): Json => JSON.parse(readFileSync(join(schemasDir, `${name}.schema.json`), 'utf8'));

const DOC_TYPES = [
  'prd',
  'epic',
  'user-story',
  'release-notes',
  'experiment',
  'launch',
  'okr',
  'risk-register',
  'decision',
  'rfc',
  'roadmap',
] as const;
type DocTypeName = (typeof DOC_TYPES)[number];
const RULE_IDS = [
  'requirement-no-story',
  'ref-inactive-prd',
  'status-consistency',
  'semver-underbump',
  'release-order',
  'story-no-release',
  'frontmatter-syntax',
  'frontmatter-language',
  'frontmatter-schema',
  'frontmatter-unknown-key',
  'yaml-coerced-scalar',
  'required-section',
  'section-order',
  'empty-section',
  'user-story-statement',
  'acceptance-criteria',
  'gherkin-malformed',
  'release-change-type',
  'breaking-changes-section',
  'rice-score',
  'id-type-prefix',
  'release-version-id',
  'date-order',
  'ref-unresolved',
  'duplicate-id',
  'release-story-not-done',
  'input-limit',
  'unresolved-at-approval',
  'moscow-must-overload',
  'story-readiness',
  'goal-unmeasurable',
  'experiment-sample-size',
  'experiment-allocation',
  'roadmap-horizon-status',
  'supersession-reciprocal',
  'ears-malformed',
  'req-subjective',
  'req-vague-adverb',
  'req-loophole',
  'req-comparative',
  'req-superlative',
  'req-negative',
  'req-vague-pronoun',
  'req-weak-modal',
  'req-passive-voice',
  'req-unmeasured-quality',
  'changelog-structure',
  'changelog-heading-format',
  'changelog-change-type',
  'changelog-version',
  'changelog-date',
  'changelog-empty',
  'changelog-vague-entry',
  'changelog-links',
  'changelog-bump',
  'changelog-release-notes',
  'launch-readiness',
  'launch-checklist',
  'launch-rollback-criteria',
  'okr-key-results',
  'risk-ids',
  'risk-score',
  'risk-treatment',
  'risk-review-overdue',
  'section-unexpected',
  'frontmatter-key-order',
  'file-name-pattern',
];

/** The ajv set-up the engine uses: 2020-12, strict, all errors, formats, x-pmdocs checked by its metaSchema. */
function makeAjv(options: { strictTuples?: boolean; allowUnionTypes?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, ...options });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-pmdocs', metaSchema: loadSchema('x-pmdocs') });
  ajv.addSchema(loadSchema('defs'));
  return ajv;
}

const ajv = makeAjv();
const validators = Object.fromEntries(DOC_TYPES.map((t) => [t, ajv.compile(loadSchema(t))])) as Record<
  DocTypeName,
  ReturnType<Ajv2020['compile']>
>;
// A rule setting's list form is an open tuple, [severity] or [severity, options]; a `when` value is a
// scalar or a list: strict but for these two.
const validateConfig = new Ajv2020({ strict: true, strictTuples: false, allowUnionTypes: true, allErrors: true }).compile(
  loadSchema('pmdocs-config'),
);

function errorsOf(type: DocTypeName, data: unknown): ErrorObject[] {
  const v = validators[type];
  return v(data) ? [] : [...(v.errors ?? [])];
}

/** The front matter of a Markdown file, parsed as the engine does (yaml package, core schema). */
function frontMatterOf(text: string): { data: unknown; errors: string[] } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return undefined;
  const doc = parseDocument(m[1]!);
  return { data: doc.errors.length ? undefined : doc.toJS(), errors: doc.errors.map((e) => e.code) };
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

const xOf = (type: DocTypeName): Json => loadSchema(type)['x-pmdocs'];

// ---------------------------------------------------------------------------------------------------
// Compilation

test('every schema file compiles with ajv 2020 in strict mode with formats and the x-pmdocs keyword', () => {
  const names = readdirSync(schemasDir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.replace(/\.schema\.json$/, ''))
    .sort();
  assert.deepEqual(names, [...DOC_TYPES, 'changelog', 'defs', 'x-pmdocs', 'pmdocs-config'].sort());
  for (const name of names) {
    // A rule setting's list form is an open tuple, [severity] or [severity, options]; a `when` value is
    // a scalar or a list.
    const fresh = makeAjv(name === 'pmdocs-config' ? { strictTuples: false, allowUnionTypes: true } : {});
    const schema = loadSchema(name);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
    assert.equal(schema.$id, `urn:pmdocs:schema:${name}`, name);
    if (name === 'defs' || name === 'x-pmdocs') assert.ok(fresh.getSchema(schema.$id), `${name} is registered`);
    else assert.equal(typeof fresh.compile(schema), 'function', name);
  }
});

test('the x-pmdocs keyword is checked by its metaSchema: a malformed block stops compilation', () => {
  const bad = { ...loadSchema('prd'), $id: 'urn:pmdocs:schema:bad', 'x-pmdocs': { type: 'bad', sections: [{ title: 'Problem' }] } };
  assert.throws(() => makeAjv().compile(bad), /x-pmdocs/);
});

// ---------------------------------------------------------------------------------------------------
// Hover text: title, description and examples everywhere a user can point

/** Every subschema that describes a front-matter key (or a key inside one), with a readable path. */
function keySchemas(schema: Json, path: string, out: [string, Json][] = []): [string, Json][] {
  for (const [key, sub] of Object.entries<Json>(schema.properties ?? {})) {
    if (typeof sub !== 'object') continue; // `true` in if/then branches only names a key
    out.push([`${path}/${key}`, sub]);
    keySchemas(sub, `${path}/${key}`, out);
    if (sub.items) keySchemas(sub.items, `${path}/${key}[]`, out);
  }
  for (const [key, sub] of Object.entries<Json>(schema.patternProperties ?? {})) out.push([`${path}/${key}`, sub]);
  return out;
}

test('every property and every $defs entry has a title and a description; every property an example', () => {
  for (const name of [...DOC_TYPES, 'defs', 'x-pmdocs', 'pmdocs-config']) {
    const schema = loadSchema(name);
    assert.ok(schema.title && schema.description, `${name}: schema title/description`);
    const entries = keySchemas(schema, name);
    for (const [defName, def] of Object.entries<Json>(schema.$defs ?? {})) {
      entries.push([`${name}#/$defs/${defName}`, def], ...keySchemas(def, `${name}#/$defs/${defName}`));
    }
    for (const [where, sub] of entries) {
      assert.equal(typeof sub.title, 'string', `${where}: title`);
      assert.ok(typeof sub.description === 'string' && sub.description.length >= 20, `${where}: description`);
      const isKey = !where.includes('^x-') && !/#\/\$defs\/[^/]+$/.test(where);
      if (isKey) assert.ok(Array.isArray(sub.examples) && sub.examples.length > 0, `${where}: examples`);
    }
  }
});

test('every doc type accepts a $schema key and x- extension keys, and rejects other unknown keys', () => {
  const base = { type: 'user-story', id: 'US-1', title: 'Story', status: 'draft' };
  assert.deepEqual(
    errorsOf('user-story', { ...base, $schema: 'urn:pmdocs:schema:user-story', 'x-jira': 'PAY-12', 'x-team': { squad: 'billing' } }),
    [],
  );
  for (const type of DOC_TYPES) {
    const schema = loadSchema(type);
    assert.equal(schema.unevaluatedProperties, false, type);
    assert.deepEqual(Object.keys(schema.patternProperties), ['^x-'], type);
    assert.ok(schema.properties.$schema, type);
  }
});

// ---------------------------------------------------------------------------------------------------
// The v1 contract

test('required keys per type follow the v1 contract', () => {
  const required = Object.fromEntries(DOC_TYPES.map((t) => [t, [...loadSchema(t).required].sort()]));
  assert.deepEqual(required, {
    prd: ['created', 'id', 'owner', 'status', 'title', 'type'],
    epic: ['id', 'owner', 'status', 'title', 'type'],
    'user-story': ['id', 'status', 'title', 'type'],
    'release-notes': ['id', 'status', 'title', 'type', 'version'],
    experiment: ['created', 'id', 'owner', 'status', 'title', 'type'],
    launch: ['created', 'id', 'owner', 'rollback_criteria', 'status', 'title', 'type'],
    okr: ['created', 'id', 'key_results', 'objective', 'owner', 'period', 'status', 'title', 'type'],
    'risk-register': ['created', 'id', 'owner', 'risks', 'status', 'title', 'type'],
    decision: ['date', 'id', 'status', 'title', 'type'],
    rfc: ['created', 'id', 'owner', 'status', 'title', 'type'],
    roadmap: ['id', 'owner', 'status', 'title', 'type'],
  });
});

test('status values per type follow the v1 contract', () => {
  const statuses = Object.fromEntries(DOC_TYPES.map((t) => [t, loadSchema(t).properties.status.enum]));
  assert.deepEqual(statuses, {
    prd: ['draft', 'review', 'approved', 'building', 'launched', 'archived', 'abandoned'],
    epic: ['proposed', 'active', 'done', 'cancelled'],
    'user-story': ['draft', 'ready', 'in-progress', 'in-review', 'done', 'blocked', 'wont-do'],
    'release-notes': ['planned', 'in-progress', 'released', 'yanked'],
    experiment: ['draft', 'approved', 'running', 'analyzing', 'concluded', 'aborted'],
    launch: ['planning', 'readiness-review', 'go', 'no-go', 'launched', 'closed'],
    okr: ['draft', 'committed', 'in-progress', 'graded', 'cancelled'],
    'risk-register': ['draft', 'active', 'closed'],
    decision: ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'],
    rfc: ['draft', 'discussion', 'accepted', 'rejected', 'withdrawn', 'deferred', 'implemented', 'superseded'],
    roadmap: ['draft', 'published', 'archived'],
  });
});

const minimal: Record<DocTypeName, Json> = {
  prd: { type: 'prd', id: 'PRD-12', title: 'Export invoices as CSV', status: 'draft', owner: '@maria', created: '2026-03-02' },
  epic: { type: 'epic', id: 'EPIC-4', title: 'Exports', status: 'proposed', owner: 'group:billing' },
  'user-story': { type: 'user-story', id: 'US-101', title: 'Export as CSV', status: 'draft' },
  'release-notes': { type: 'release-notes', id: 'REL-2.4.0', title: 'Ledgerly 2.4.0', status: 'planned', version: '2.4.0' },
  experiment: { type: 'experiment', id: 'EXP-42', title: 'One-page checkout', status: 'draft', owner: '@jane', created: '2026-05-04' },
  launch: {
    type: 'launch',
    id: 'LAUNCH-3',
    title: 'CSV export GA',
    status: 'planning',
    owner: '@jane',
    created: '2026-06-01',
    rollback_criteria: ['errors above 2 %'],
  },
  okr: {
    type: 'okr',
    id: 'OKR-7',
    title: 'Effortless invoicing',
    status: 'draft',
    owner: '@jane',
    created: '2026-06-01',
    period: '2026-Q3',
    objective: 'Effortless invoicing',
    key_results: [
      { name: 'a', target: 1 },
      { name: 'b', target: 2 },
    ],
  },
  'risk-register': {
    type: 'risk-register',
    id: 'RISK-2',
    title: 'Export risks',
    status: 'draft',
    owner: '@jane',
    created: '2026-06-01',
    risks: [
      {
        id: 'R-1',
        title: 'Tax API changes',
        category: 'vendor',
        likelihood: 2,
        impact: 3,
        response: 'mitigate',
        owner: '@ops',
        status: 'open',
      },
    ],
  },
  decision: { type: 'decision', id: 'ADR-0007', title: 'Use PostgreSQL', status: 'proposed', date: '2026-03-02' },
  rfc: { type: 'rfc', id: 'RFC-31', title: 'Billing events', status: 'draft', owner: '@jane', created: '2026-03-02' },
  roadmap: { type: 'roadmap', id: 'RM-2026-H2', title: 'Billing roadmap', status: 'draft', owner: 'group:billing' },
};

test("minimal valid front matter passes for every type, as do the contract's value sets", () => {
  for (const type of DOC_TYPES) assert.deepEqual(errorsOf(type, minimal[type]), [], type);
  for (const estimate of [0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100])
    assert.deepEqual(errorsOf('user-story', { ...minimal['user-story'], estimate }), []);
  for (const priority of ['must', 'should', 'could', 'wont'])
    assert.deepEqual(errorsOf('user-story', { ...minimal['user-story'], priority }), []);
  for (const impact of [3, 2, 1, 0.5, 0.25]) {
    for (const confidence of [100, 80, 50])
      assert.deepEqual(errorsOf('prd', { ...minimal.prd, rice: { reach: 0, impact, confidence, effort: 0.5 } }), []);
  }
  for (const id of ['REL-1.0.0', 'REL-2.0.0-rc.1', 'REL-1.0.0-alpha+001', 'REL-10.20.30']) {
    assert.deepEqual(errorsOf('release-notes', { ...minimal['release-notes'], id, version: id.slice(4) }), [], id);
  }
  assert.deepEqual(
    errorsOf('release-notes', {
      ...minimal['release-notes'],
      status: 'released',
      date: '2026-06-18',
      stories: ['US-1', 'US-22'],
      breaking: true,
    }),
    [],
  );
  assert.deepEqual(errorsOf('user-story', { ...minimal['user-story'], prd: 'PRD-1', epic: 'EPIC-2' }), []);
  for (const owner of ['@jane', 'jane.doe', 'user:jane', 'group:payments', 'jane.doe@example.com']) {
    assert.deepEqual(errorsOf('prd', { ...minimal.prd, owner }), [], owner);
  }
});

interface Case {
  name: string;
  type: DocTypeName;
  data: Json;
  keyword: string;
  instancePath: string;
  params?: Json;
}

const invalid: Case[] = [
  { name: 'misspelt status', type: 'prd', data: { ...minimal.prd, status: 'aproved' }, keyword: 'enum', instancePath: '/status' },
  {
    name: 'unknown key',
    type: 'prd',
    data: { ...minimal.prd, ownr: '@maria' },
    keyword: 'unevaluatedProperties',
    instancePath: '',
    params: { unevaluatedProperty: 'ownr' },
  },
  {
    name: 'released without a date',
    type: 'release-notes',
    data: { ...minimal['release-notes'], status: 'released' },
    keyword: 'required',
    instancePath: '',
    params: { missingProperty: 'date' },
  },
  {
    name: 'yanked without a reason',
    type: 'release-notes',
    data: { ...minimal['release-notes'], status: 'yanked', date: '2026-06-18' },
    keyword: 'required',
    instancePath: '',
    params: { missingProperty: 'yanked_reason' },
  },
  {
    name: 'estimate not in the set',
    type: 'user-story',
    data: { ...minimal['user-story'], estimate: 4 },
    keyword: 'enum',
    instancePath: '/estimate',
  },
  {
    name: 'estimate as a string',
    type: 'user-story',
    data: { ...minimal['user-story'], estimate: '5' },
    keyword: 'enum',
    instancePath: '/estimate',
  },
  {
    name: 'RICE impact 4',
    type: 'prd',
    data: { ...minimal.prd, rice: { reach: 100, impact: 4, confidence: 80, effort: 1 } },
    keyword: 'enum',
    instancePath: '/rice/impact',
  },
  {
    name: 'RICE confidence 90',
    type: 'epic',
    data: { ...minimal.epic, rice: { reach: 100, impact: 1, confidence: 90, effort: 1 } },
    keyword: 'enum',
    instancePath: '/rice/confidence',
  },
  {
    name: 'RICE effort 0',
    type: 'prd',
    data: { ...minimal.prd, rice: { reach: 100, impact: 1, confidence: 80, effort: 0 } },
    keyword: 'exclusiveMinimum',
    instancePath: '/rice/effort',
  },
  {
    name: 'RICE without reach',
    type: 'user-story',
    data: { ...minimal['user-story'], rice: { impact: 1, confidence: 80, effort: 1 } },
    keyword: 'required',
    instancePath: '/rice',
    params: { missingProperty: 'reach' },
  },
  { name: 'id without a number', type: 'prd', data: { ...minimal.prd, id: 'PRD-x' }, keyword: 'pattern', instancePath: '/id' },
  { name: 'story id in a PRD', type: 'prd', data: { ...minimal.prd, id: 'US-3' }, keyword: 'pattern', instancePath: '/id' },
  {
    name: 'release id with a v',
    type: 'release-notes',
    data: { ...minimal['release-notes'], id: 'REL-v2.4.0' },
    keyword: 'pattern',
    instancePath: '/id',
  },
  { name: 'month 13', type: 'prd', data: { ...minimal.prd, created: '2026-13-01' }, keyword: 'format', instancePath: '/created' },
  {
    name: 'a day that does not exist',
    type: 'epic',
    data: { ...minimal.epic, updated: '2026-02-30' },
    keyword: 'format',
    instancePath: '/updated',
  },
  {
    name: 'unquoted 1.10 read as a number',
    type: 'release-notes',
    data: { ...minimal['release-notes'], version: 1.1 },
    keyword: 'type',
    instancePath: '/version',
  },
  {
    name: 'version with a v',
    type: 'release-notes',
    data: { ...minimal['release-notes'], version: 'v2.4.0' },
    keyword: 'pattern',
    instancePath: '/version',
  },
  {
    name: 'release without version',
    type: 'release-notes',
    data: { type: 'release-notes', id: 'REL-1.0.0', title: 'x', status: 'planned' },
    keyword: 'required',
    instancePath: '',
    params: { missingProperty: 'version' },
  },
  {
    name: 'PRD without owner',
    type: 'prd',
    data: { ...minimal.prd, owner: undefined },
    keyword: 'required',
    instancePath: '',
    params: { missingProperty: 'owner' },
  },
  {
    name: 'PRD without created',
    type: 'prd',
    data: { ...minimal.prd, created: undefined },
    keyword: 'required',
    instancePath: '',
    params: { missingProperty: 'created' },
  },
  {
    name: 'epic without owner',
    type: 'epic',
    data: { ...minimal.epic, owner: undefined },
    keyword: 'required',
    instancePath: '',
    params: { missingProperty: 'owner' },
  },
  { name: 'empty title', type: 'user-story', data: { ...minimal['user-story'], title: '' }, keyword: 'minLength', instancePath: '/title' },
  { name: 'wrong type value', type: 'prd', data: { ...minimal.prd, type: 'epic' }, keyword: 'const', instancePath: '/type' },
  {
    name: 'a PRD id where the story wants an epic',
    type: 'user-story',
    data: { ...minimal['user-story'], epic: 'PRD-3' },
    keyword: 'pattern',
    instancePath: '/epic',
  },
  {
    name: 'MoSCoW spelt out',
    type: 'user-story',
    data: { ...minimal['user-story'], priority: 'Must have' },
    keyword: 'enum',
    instancePath: '/priority',
  },
  {
    name: 'a PRD listed as a shipped story',
    type: 'release-notes',
    data: { ...minimal['release-notes'], stories: ['US-1', 'PRD-2'] },
    keyword: 'pattern',
    instancePath: '/stories/1',
  },
  {
    name: 'breaking as a word',
    type: 'release-notes',
    data: { ...minimal['release-notes'], breaking: 'yes' },
    keyword: 'type',
    instancePath: '/breaking',
  },
  { name: 'tags as one string', type: 'prd', data: { ...minimal.prd, tags: 'billing, q3' }, keyword: 'type', instancePath: '/tags' },
  { name: 'a tag with capitals', type: 'prd', data: { ...minimal.prd, tags: ['Billing'] }, keyword: 'pattern', instancePath: '/tags/0' },
  { name: 'owner with a space', type: 'prd', data: { ...minimal.prd, owner: 'Maria Lopez' }, keyword: 'pattern', instancePath: '/owner' },
  {
    name: 'metric without target',
    type: 'prd',
    data: { ...minimal.prd, success_metrics: [{ name: 'adoption', baseline: 0 }] },
    keyword: 'required',
    instancePath: '/success_metrics/0',
    params: { missingProperty: 'target' },
  },
  {
    name: 'unknown key inside rice',
    type: 'prd',
    data: { ...minimal.prd, rice: { reach: 1, impact: 1, confidence: 80, effort: 1, scor: 0.8 } },
    keyword: 'additionalProperties',
    instancePath: '/rice',
    params: { additionalProperty: 'scor' },
  },
  {
    name: 'unknown link type',
    type: 'epic',
    data: { ...minimal.epic, links: { depends: ['US-1'] } },
    keyword: 'additionalProperties',
    instancePath: '/links',
    params: { additionalProperty: 'depends' },
  },
  {
    name: 'status history with a status of another type',
    type: 'epic',
    data: { ...minimal.epic, status_history: [{ status: 'draft', date: '2026-01-02' }] },
    keyword: 'enum',
    instancePath: '/status_history/0/status',
  },
];

for (const c of invalid) {
  test(`invalid front matter: ${c.name} → ${c.keyword} at '${c.instancePath}'`, () => {
    const data = JSON.parse(JSON.stringify(c.data)); // drops the keys set to undefined
    const errors = errorsOf(c.type, data);
    const hit = errors.find((e) => e.keyword === c.keyword && e.instancePath === c.instancePath);
    assert.ok(hit, `expected ${c.keyword} at '${c.instancePath}', got ${JSON.stringify(errors.map((e) => [e.keyword, e.instancePath]))}`);
    if (c.params) assert.deepEqual({ ...hit.params }, { ...hit.params, ...c.params });
    // Nothing else is wrong with these documents: besides the expected error, only the `if` wrapper
    // ajv adds around a failed then-branch may appear.
    const others = errors.filter((e) => e !== hit && e.keyword !== 'if');
    assert.deepEqual(
      others.map((e) => [e.keyword, e.instancePath]),
      [],
    );
  });
}

test('a date stays a string with the yaml package, so format: date works on what users write', () => {
  const data = parseDocument('type: prd\nid: PRD-12\ntitle: T\nstatus: draft\nowner: "@maria"\ncreated: 2026-03-02\n').toJS();
  assert.equal(data.created, '2026-03-02');
  assert.deepEqual(errorsOf('prd', data), []);
});

// ---------------------------------------------------------------------------------------------------
// x-pmdocs body structure

test('every built-in x-pmdocs block is valid against schemas/x-pmdocs.schema.json', () => {
  const validate = ajv.getSchema('urn:pmdocs:schema:x-pmdocs')!;
  for (const type of DOC_TYPES) assert.ok(validate(xOf(type)), `${type}: ${JSON.stringify(validate.errors)}`);
});

test('x-pmdocs data agrees with its schema: type, id prefix and example, order, groups, satisfiedBy, requiredWhen', () => {
  for (const type of DOC_TYPES) {
    const schema = loadSchema(type);
    const x = xOf(type);
    const names = x.sections.map((s: Json) => s.name);
    assert.equal(x.type, type);
    assert.equal(schema.properties.type.const, type);
    assert.ok(x.idExample.startsWith(x.idPrefix), type);
    assert.deepEqual(
      errorsOf(type, { ...minimal[type], id: x.idExample, ...(type === 'release-notes' ? { version: x.idExample.slice(4) } : {}) }),
      [],
      `${type} idExample`,
    );
    assert.deepEqual(
      errorsOf(type, { ...minimal[type], id: `${x.idPrefix}1.0` })
        .map((e) => e.keyword)
        .includes('pattern'),
      true,
      `${type} rejects a malformed id`,
    );
    for (const n of x.order ?? []) assert.ok(names.includes(n), `${type}: order names unknown section ${n}`);
    for (const s of x.sections) {
      if (s.group) assert.ok(x.groups?.[s.group], `${type}: ${s.name} in unknown group ${s.group}`);
      if (s.satisfiedBy) assert.ok(schema.properties[s.satisfiedBy], `${type}: satisfiedBy ${s.satisfiedBy}`);
      for (const key of Object.keys(s.requiredWhen ?? {})) assert.ok(schema.properties[key], `${type}: requiredWhen ${key}`);
      assert.ok(typeof s.template === 'string' && s.template.length > 0, `${type}: ${s.name} template`);
    }
  }
});

test('section names and synonyms never collide once headings are normalised', () => {
  for (const type of DOC_TYPES) {
    const seen = new Map<string, string>();
    for (const s of xOf(type).sections) {
      for (const heading of [s.name, ...(s.synonyms ?? [])]) {
        const key = normalizeHeading(heading);
        assert.ok(key.length > 0, `${type}: "${heading}" normalises to nothing`);
        assert.equal(seen.get(key) ?? s.name, s.name, `${type}: "${heading}" (${s.name}) collides with ${seen.get(key)}`);
        seen.set(key, s.name);
      }
    }
  }
});

test('the sections the contract requires, with their roles', () => {
  const summary = (type: DocTypeName) =>
    xOf(type)
      .sections.filter((s: Json) => s.required || s.requiredWhen || s.group || s.role)
      .map((s: Json) => [
        s.name,
        s.required ? 'required' : s.requiredWhen ? `when ${JSON.stringify(s.requiredWhen)}` : s.group ? `group ${s.group}` : 'optional',
        s.role ?? '-',
        s.satisfiedBy ?? '-',
      ]);
  assert.deepEqual(summary('prd'), [
    ['Problem', 'required', '-', '-'],
    ['Goals', 'required', 'goals', '-'],
    ['Non-goals', 'required', '-', '-'],
    ['Requirements', 'required', 'requirements', '-'],
    ['Success metrics', 'required', 'success-metrics', 'success_metrics'],
    ['Open questions', 'optional', 'open-questions', '-'],
    ['Privacy', 'when {"personal_data":true}', '-', '-'],
    ['Accessibility', 'when {"user_facing":true}', '-', '-'],
    ['Press release', 'when {"format":"prfaq"}', '-', '-'],
    ['FAQ', 'when {"format":"prfaq"}', '-', '-'],
  ]);
  assert.deepEqual(summary('user-story'), [
    ['Story', 'required', 'story', '-'],
    ['Acceptance criteria', 'required', 'acceptance-criteria', '-'],
    ['Open questions', 'optional', 'open-questions', '-'],
  ]);
  assert.deepEqual(summary('epic'), [['Summary', 'required', '-', '-']]);
  assert.deepEqual(summary('release-notes'), [
    ['Highlights', 'required', 'highlights', '-'],
    ['Breaking changes', 'when {"breaking":true}', 'breaking-changes', '-'],
    ...['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].map((n) => [n, 'group change-type', 'change-type', '-']),
  ]);
  assert.deepEqual(summary('decision'), [
    ['Context and Problem Statement', 'required', '-', '-'],
    ['Considered Options', 'required', '-', '-'],
    ['Decision Outcome', 'required', '-', '-'],
  ]);
  assert.deepEqual(summary('rfc'), [
    ['Summary', 'required', '-', '-'],
    ['Motivation', 'required', '-', '-'],
    ['Detailed design', 'required', '-', '-'],
    ['Alternatives', 'required', '-', '-'],
    ['Unresolved questions', 'required', 'unresolved-questions', '-'],
  ]);
  assert.deepEqual(summary('roadmap'), [['Vision', 'required', '-', '-']]);
  assert.deepEqual(xOf('release-notes').groups, {
    'change-type': { min: 1, label: 'a change-type section (Added, Changed, Deprecated, Removed, Fixed or Security)' },
  });
  assert.deepEqual(xOf('prd').order, ['Problem', 'Goals', 'Non-goals', 'Requirements']);
});

test('settled statuses are statuses of the type, in lifecycle order, and the reopen status is an earlier, unsettled one', () => {
  const settled = Object.fromEntries(DOC_TYPES.map((t) => [t, [xOf(t).settledStatuses, xOf(t).reopenStatus ?? null]]));
  assert.deepEqual(settled, {
    prd: [['approved', 'building', 'launched'], 'review'],
    epic: [['active', 'done'], 'proposed'],
    'user-story': [['ready', 'in-progress', 'in-review', 'done'], 'draft'],
    'release-notes': [['released'], null],
    experiment: [['approved', 'running', 'analyzing', 'concluded'], 'draft'],
    launch: [['go', 'launched', 'closed'], 'readiness-review'],
    okr: [['committed', 'in-progress', 'graded'], 'draft'],
    'risk-register': [['active'], 'draft'],
    decision: [['accepted'], 'proposed'],
    rfc: [['accepted', 'implemented'], 'discussion'],
    roadmap: [['published'], 'draft'],
  });
  for (const type of DOC_TYPES) {
    const statuses: string[] = loadSchema(type).properties.status.enum;
    const x = xOf(type);
    const at = x.settledStatuses.map((s: string) => statuses.indexOf(s));
    assert.ok(
      at.every((i: number, k: number) => i >= 0 && (k === 0 || i > at[k - 1])),
      `${type}: settledStatuses ${x.settledStatuses}`,
    );
    if (x.reopenStatus)
      assert.ok(statuses.indexOf(x.reopenStatus) >= 0 && statuses.indexOf(x.reopenStatus) < at[0], `${type}: reopenStatus`);
  }
});

/** What `pmdocs new` would write, with the placeholders filled. */
function fillTemplate(template: string, id: string): string {
  return template
    .replaceAll('{{id}}', id)
    .replaceAll('{{title}}', 'Export: invoices as CSV')
    .replaceAll('{{date}}', '2026-11-25')
    .replaceAll('{{owner}}', '@maria')
    .replaceAll('{{version}}', id.replace(/^REL-/, ''))
    .replaceAll('{{period}}', '2026-Q4');
}

test('templates: `pmdocs new` front matter is valid and the body has every always-required section, in order', () => {
  for (const type of DOC_TYPES) {
    const x = xOf(type);
    const fm = parseDocument(fillTemplate(x.frontMatterTemplate, x.idExample));
    assert.deepEqual(fm.errors, [], type);
    assert.deepEqual(errorsOf(type, fm.toJS()), [], `${type} front-matter template`);
    const body: string = fillTemplate(x.template, x.idExample);
    assert.ok(body.startsWith('# Export: invoices as CSV\n'), type);
    const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const required = x.sections.filter((s: Json) => s.required).map((s: Json) => s.name);
    for (const name of required) assert.ok(headings.includes(name), `${type} template lacks ${name}`);
    const ordered = headings.filter((h) => (x.order ?? []).includes(h));
    assert.deepEqual(
      ordered,
      (x.order ?? []).filter((n: string) => ordered.includes(n)),
      `${type} template order`,
    );
    if (x.groups)
      for (const g of Object.keys(x.groups))
        assert.ok(
          x.sections.some((s: Json) => s.group === g && headings.includes(s.name)),
          `${type} template has a ${g} section`,
        );
  }
});

// ---------------------------------------------------------------------------------------------------
// Config file schema

test('config schema: every known rule id is listed with a description, and its section data matches x-pmdocs', () => {
  const config = loadSchema('pmdocs-config');
  // `*` is every rule at once (its own entry, first); the rest are exactly the rule ids.
  assert.deepEqual(Object.keys(config.properties.rules.properties)[0], '*');
  assert.deepEqual(Object.keys(config.properties.rules.properties).slice(1).sort(), [...RULE_IDS].sort());
  const x = loadSchema('x-pmdocs');
  assert.deepEqual(config.$defs.section, x.$defs.section);
  assert.deepEqual(config.$defs.group, x.$defs.group);
  const overridable = Object.keys(config.$defs.docType.properties).filter((k) => k !== 'schema');
  // `references` and `requireDone` annotate one front-matter value's schema, not the doc type: no override.
  const valueLevel = ['references', 'requireDone'];
  assert.deepEqual(
    overridable,
    Object.keys(x.properties).filter((k) => k !== 'type' && !valueLevel.includes(k)),
  );
});

test('the examples workspace config is valid against the config schema', () => {
  const text = readFileSync(join(examplesDir, '.pmdocs.json'), 'utf8');
  const errors: ParseError[] = [];
  const config = parseJsonc(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, []);
  assert.equal(config.$schema, '../schemas/pmdocs-config.schema.json');
  assert.ok(Object.keys(config.associations).length > 0);
  assert.ok(validateConfig(config), JSON.stringify(validateConfig.errors));
});

const configCases: { name: string; data: Json; keyword: string; instancePath: string }[] = [
  { name: 'unknown top-level key', data: { rule: {} }, keyword: 'additionalProperties', instancePath: '' },
  { name: 'severity "warn"', data: { rules: { 'section-order': 'warn' } }, keyword: 'enum', instancePath: '/rules/section-order' },
  { name: 'severity as a number', data: { rules: { 'rice-score': 2 } }, keyword: 'type', instancePath: '/rules/rice-score' },
  {
    name: 'a rule id pmdocs does not list, bad severity',
    data: { rules: { 'my-rule': 'loud' } },
    keyword: 'enum',
    instancePath: '/rules/my-rule',
  },
  { name: 'include as one string', data: { include: 'docs/**/*.md' }, keyword: 'type', instancePath: '/include' },
  {
    name: 'association to a bad type name',
    data: { associations: { 'docs/**': 'User Story' } },
    keyword: 'pattern',
    instancePath: '/associations/docs~1**',
  },
  { name: 'doc type without schema', data: { docTypes: { adr: { label: 'ADR' } } }, keyword: 'required', instancePath: '/docTypes/adr' },
  {
    name: 'doc type with a misspelt override',
    data: { docTypes: { adr: { schema: './adr.json', section: [] } } },
    keyword: 'additionalProperties',
    instancePath: '/docTypes/adr',
  },
  {
    name: 'section without a name',
    data: { docTypes: { adr: { schema: './adr.json', sections: [{ required: true }] } } },
    keyword: 'required',
    instancePath: '/docTypes/adr/sections/0',
  },
  {
    name: 'unknown section role',
    data: { docTypes: { adr: { schema: './adr.json', sections: [{ name: 'Decision', role: 'decision' }] } } },
    keyword: 'enum',
    instancePath: '/docTypes/adr/sections/0/role',
  },
];

for (const c of configCases) {
  test(`invalid config: ${c.name} → ${c.keyword} at '${c.instancePath}'`, () => {
    assert.equal(validateConfig(c.data), false);
    const got = (validateConfig.errors ?? []).map((e) => [e.keyword, e.instancePath]);
    assert.ok(
      got.some(([k, p]) => k === c.keyword && p === c.instancePath),
      JSON.stringify(got),
    );
  });
}

test('a full config with workspace doc types and every rule set is valid', () => {
  const data = {
    $schema: './node_modules/pmdocs/schemas/pmdocs-config.schema.json',
    include: ['docs/**/*.md'],
    exclude: ['docs/archive/**'],
    rules: { ...Object.fromEntries(RULE_IDS.map((id) => [id, 'warning'])), 'team-rule': 'off' },
    associations: { 'docs/prd/**/*.md': 'prd', 'stories/**': 'user-story' },
    docTypes: {
      adr: {
        schema: './schemas/adr.schema.yaml',
        label: 'Decision record',
        idPrefix: 'ADR-',
        idExample: 'ADR-0007',
        sections: [
          { name: 'Context', synonyms: ['Background'], required: true, template: 'What forces are at play?' },
          { name: 'Decision', required: true },
        ],
        groups: { outcome: { min: 1 } },
        order: ['Context', 'Decision'],
        template: '# {{title}}\n\n## Context\n',
        frontMatterTemplate: 'type: adr\nid: {{id}}\n',
      },
    },
  };
  assert.ok(validateConfig(data), JSON.stringify(validateConfig.errors));
});

// ---------------------------------------------------------------------------------------------------
// The examples workspace

// rfcs/rfc-<n>.md is a workspace type of the example team's own (team-rfc: its own schema, file names and sections).
const goodExamples = markdownFiles(examplesDir).filter(
  (f) => !f.includes('/broken/') && !/\/rfcs\/rfc-\d+\.md$/.test(f) && !f.endsWith('README.md'),
);

test('the examples workspace holds a document of every built-in type (three stories)', () => {
  const types = goodExamples.map((f) => (frontMatterOf(readFileSync(f, 'utf8'))?.data as Json)?.type).sort();
  assert.deepEqual(types, [...DOC_TYPES, 'user-story', 'user-story'].sort());
});

for (const file of goodExamples) {
  test(`good example ${file.slice(examplesDir.length + 1)}: front matter valid, id matches the file name, H1 = title`, () => {
    const text = readFileSync(file, 'utf8');
    const fm = frontMatterOf(text);
    assert.ok(fm, 'has front matter');
    assert.deepEqual(fm.errors, []);
    const data = fm.data as Json;
    assert.ok((DOC_TYPES as readonly string[]).includes(data.type), data.type);
    assert.deepEqual(
      errorsOf(data.type, data).map((e) => `${e.instancePath} ${e.message}`),
      [],
    );
    assert.ok(file.split('/').pop()!.startsWith(`${data.id}`), `${file} starts with ${data.id}`);
    assert.match(text, new RegExp(`^# ${data.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    if (data.rice?.score !== undefined) {
      const { reach, impact, confidence, effort, score } = data.rice;
      assert.equal(score, (reach * impact * (confidence / 100)) / effort);
    }
    if (data.type === 'release-notes') assert.equal(data.id, `REL-${data.version}`);
    if (data.updated) assert.ok(data.updated >= (data.created ?? ''), 'updated not before created');
  });
}

/** The sections of a doc as canonical names (per its type's x-pmdocs), with whether they have content. */
function bodySections(text: string, type: DocTypeName): { name: string | undefined; title: string; text: string }[] {
  const doc = parseDoc(text);
  const byKey = new Map<string, string>();
  for (const s of xOf(type).sections) for (const h of [s.name, ...(s.synonyms ?? [])]) byKey.set(normalizeHeading(h), s.name);
  return outline(doc.root, text.length).sections.map((s) => ({
    name: byKey.get(s.key),
    title: s.title,
    text: s.content.map(plainText).join(' ').trim(),
  }));
}

for (const file of goodExamples) {
  test(`good example ${file.slice(examplesDir.length + 1)}: body has its type's required sections, non-empty, in order`, () => {
    const text = readFileSync(file, 'utf8');
    const data = frontMatterOf(text)!.data as Json;
    const x = xOf(data.type);
    const sections = bodySections(text, data.type);
    assert.deepEqual(
      sections.filter((s) => !s.name).map((s) => s.title),
      [],
      'every H2 is a known section',
    );
    assert.deepEqual(
      sections.filter((s) => !s.text).map((s) => s.name),
      [],
      'no empty section',
    );
    const present = sections.map((s) => s.name);
    for (const s of x.sections) {
      const when = Object.entries<unknown>(s.requiredWhen ?? {});
      const needed = s.required || (when.length > 0 && when.every(([k, v]) => (Array.isArray(v) ? v.includes(data[k]) : data[k] === v)));
      if (needed) assert.ok(present.includes(s.name), `missing ${s.name}`);
    }
    for (const [g, { min }] of Object.entries<{ min: number }>(x.groups ?? {})) {
      assert.ok(x.sections.filter((s: Json) => s.group === g && present.includes(s.name)).length >= min, `group ${g}`);
    }
    const ordered = present.filter((n) => (x.order ?? []).includes(n));
    assert.deepEqual(
      ordered,
      (x.order ?? []).filter((n: string) => ordered.includes(n)),
      'section order',
    );
    if (data.type === 'user-story') {
      const story = sections.find((s) => s.name === 'Story')!.text.replace(/\s+/g, ' ');
      assert.match(story, /^As an? [^,]+, I (?:want|need|can) .+, so that .+/);
    }
  });
}

test('the broken PRD lacks Non-goals and the broken scenario has a Given after its When', () => {
  const prd = readFileSync(join(examplesDir, 'broken', 'PRD-13-payment-reminders.md'), 'utf8');
  assert.deepEqual(
    bodySections(prd, 'prd').map((s) => s.name),
    ['Problem', 'Goals', 'Requirements', 'Success metrics'],
  );
  const story = readFileSync(join(examplesDir, 'broken', 'US-202-pay-by-card.md'), 'utf8');
  const steps = [...story.matchAll(/^\s+(Given|When|Then|And|But) /gm)].map((m) => m[1]);
  assert.deepEqual(steps, ['Given', 'When', 'Given', 'Then']);
  const rice = (frontMatterOf(story)!.data as Json).rice;
  assert.notEqual(rice.score, (rice.reach * rice.impact * (rice.confidence / 100)) / rice.effort);
});

test('examples/README.md has no front matter, so pmdocs leaves it alone', () => {
  const text = readFileSync(join(examplesDir, 'README.md'), 'utf8');
  assert.equal(frontMatterOf(text), undefined);
  assert.doesNotMatch(text.slice(0, 10), /^(---|\+\+\+)/);
});

test('every broken example opens its body with a comment saying what is wrong', () => {
  const broken = markdownFiles(join(examplesDir, 'broken'));
  assert.ok(broken.length >= 4, `${broken.length} broken docs`);
  for (const f of broken) assert.match(readFileSync(f, 'utf8'), /^(?:---\w*\n[\s\S]*?\n---\n)\n<!-- Broken on purpose: [^]+?-->\n/, f);
});

test('the broken examples show their front-matter mistakes to the schema', () => {
  const read = (name: string) => readFileSync(join(examplesDir, 'broken', name), 'utf8');
  const errs = (name: string) => {
    const fm = frontMatterOf(read(name))!;
    const data = fm.data as Json;
    return errorsOf(data.type, data).map((e) => [e.keyword, e.instancePath, Object.values(e.params)[0]]);
  };
  assert.deepEqual(errs('PRD-13-payment-reminders.md'), [
    ['enum', '/status', ['draft', 'review', 'approved', 'building', 'launched', 'archived', 'abandoned']],
  ]);
  assert.deepEqual(errs('US-201-download-invoice-pdf.md'), [['unevaluatedProperties', '', 'ownr']]);
  assert.deepEqual(errs('REL-1.10.0.md'), [['type', '/version', 'string']]);
  assert.deepEqual(errs('US-202-pay-by-card.md'), []); // its mistakes are in the body and the RICE arithmetic
  assert.ok(frontMatterOf(read('EPIC-5-late-payments.md'))!.errors.length > 0, 'owner: @maria is a YAML error');
  assert.match(read('PRD-14-client-portal.md'), /^---js\n/);
});

test('the section roles the code knows are exactly the role enum of both schemas that describe sections', () => {
  const xPmdocs = JSON.parse(readFileSync(join(schemasDir, 'x-pmdocs.schema.json'), 'utf8'));
  const config = JSON.parse(readFileSync(join(schemasDir, 'pmdocs-config.schema.json'), 'utf8'));
  const enums: unknown[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'role' && value && typeof value === 'object' && 'enum' in value) enums.push((value as Json).enum);
      visit(value);
    }
  };
  visit(xPmdocs);
  const fromX = enums.length;
  visit(config);
  assert.equal(fromX, 1, 'one role enum in x-pmdocs.schema.json');
  assert.equal(enums.length, 2, 'one role enum in pmdocs-config.schema.json');
  for (const e of enums) assert.deepEqual(e, [...SECTION_ROLES]);
});
