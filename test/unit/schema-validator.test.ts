// The validator around the mapping: compiled-validator caching, broken workspace schemas (one problem,
// the rest keeps working), workspace schemas that $ref the shared defs, YAML aliases, and the small
// pieces (JSON Pointer unescaping, did-you-mean, readable patterns, the '@' syntax hint).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFrontMatterValidator } from '../../src/core/schema/validator.js';
import { builtInSchemaSet } from '../../src/core/schema/ajvSetup.js';
import { unescapePointer } from '../../src/core/schema/pointer.js';
import { closeMatches } from '../../src/core/schema/didYouMean.js';
import { humanizePattern } from '../../src/core/schema/wording.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { docTypeFromSchema } from '../../src/core/doctypes/docType.js';
import { parseDoc } from '../../src/core/document/parse.js';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig } from '../../src/core/config/types.js';

const prd = builtInDocTypes.find((t) => t.type === 'prd')!;
const brief = (text: string, problems: { start: number; end: number; kind: string; message: string }[]) =>
  problems.map((p) => `${JSON.stringify(text.slice(p.start, p.end))} ${p.kind}: ${p.message}`);

test('built-in validators are compiled once and shared by every configuration', () => {
  const a = builtInSchemaSet();
  assert.equal(builtInSchemaSet(), a);
  assert.equal(a.compiled(prd), a.compiled(prd));
  assert.ok(a.compiled(prd).validate);
  const text = '---\ntype: prd\nstatus: aproved\n---\n';
  const one = createFrontMatterValidator([]).validate(prd, parseDoc(text));
  const two = createFrontMatterValidator([]).validate(prd, parseDoc(text));
  assert.deepEqual(one, two);
});

test('a workspace schema that does not compile gives one problem on the fence; everything else still works', () => {
  const validator = createFrontMatterValidator([]);
  const broken = docTypeFromSchema(
    { type: 'object', properties: { a: { type: 'strin' } } },
    { builtIn: false, name: 'adr', source: 'schemas/adr.json' },
  );
  const text = '---\ntype: adr\na: 1\n---\n';
  const expected = [
    `"---" schema: The schema of doc type 'adr' (schemas/adr.json) could not be compiled, so this front matter was not checked: schema is invalid: data/properties/a/type must be equal to one of the allowed values, data/properties/a/type must be array, data/properties/a/type must match a schema in anyOf`,
  ];
  assert.deepEqual(brief(text, validator.validate(broken, parseDoc(text))), expected);
  assert.deepEqual(brief(text, validator.validate(broken, parseDoc(text))), expected, 'the failure is cached, not recompiled');
  const prdText = '---\ntype: prd\nid: PRD-1\ntitle: T\nstatus: aproved\nowner: "@j"\ncreated: 2026-01-05\n---\n';
  assert.deepEqual(brief(prdText, validator.validate(prd, parseDoc(prdText))), [
    `"aproved" schema: status 'aproved' is not allowed for a prd. Did you mean 'approved'? Allowed: draft, review, approved, building, launched, archived, abandoned.`,
  ]);
});

test('a draft-07 workspace schema is refused with what to change', () => {
  const validator = createFrontMatterValidator([]);
  const old = docTypeFromSchema(
    { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' },
    { builtIn: false, name: 'adr', source: 'adr.json' },
  );
  const [p] = validator.validate(old, parseDoc('---\ntype: adr\n---\n'));
  assert.match(
    p!.message,
    /no schema with key or ref "http:\/\/json-schema.org\/draft-07\/schema#"\. pmdocs reads JSON Schema draft 2020-12: set "\$schema" to "https:\/\/json-schema.org\/draft\/2020-12\/schema"/,
  );
});

test('workspace schemas $ref the shared defs and extra schemas by $id; an unknown format does not crash', () => {
  const validator = createFrontMatterValidator([
    { $id: 'urn:acme:common', $defs: { handle: { title: 'Handle', type: 'string', pattern: '^@' } } },
  ]);
  const adr = docTypeFromSchema(
    {
      type: 'object',
      properties: {
        type: { const: 'adr' },
        decider: { $ref: 'urn:acme:common#/$defs/handle' },
        decided: { $ref: 'urn:pmdocs:schema:defs#/$defs/date' },
        ticket: { type: 'string', format: 'acme-ticket' },
      },
      required: ['decider'],
    },
    { builtIn: false, name: 'adr' },
  );
  const text = '---\ntype: adr\ndecider: jane\ndecided: 2026-02-30\nticket: X-1\n---\n';
  assert.deepEqual(brief(text, validator.validate(adr, parseDoc(text))), [
    `"jane" schema: decider 'jane' does not match the handle format @…`,
    `"2026-02-30" schema: decided '2026-02-30' is not a valid date: use YYYY-MM-DD.`,
  ]);
});

test('a value reached through a YAML alias is reported where it is written', () => {
  const text =
    '---\ntype: user-story\nid: US-1\ntitle: T\nstatus: ready\nx-base: &r {reach: 1, impact: 4, confidence: 80, effort: 1}\nrice: *r\n---\n';
  const story = builtInDocTypes.find((t) => t.type === 'user-story')!;
  assert.deepEqual(brief(text, createFrontMatterValidator([]).validate(story, parseDoc(text))), [
    `"4" schema: rice.impact 4 is not allowed. Allowed: 3, 2, 1, 0.5, 0.25.`,
  ]);
});

test('JSON Pointer segments are unescaped (~1 before ~0 is wrong: ~01 means "~1")', () => {
  assert.deepEqual(unescapePointer(''), []);
  assert.deepEqual(unescapePointer('/a~1b/x~0y/0'), ['a/b', 'x~y', '0']);
  assert.deepEqual(unescapePointer('/~01'), ['~1']);
});

test('did-you-mean: case-insensitive, length-relative, swaps and prefixes', () => {
  assert.deepEqual(closeMatches('aproved', ['draft', 'review', 'approved']), ['approved']);
  assert.deepEqual(closeMatches('Approved', ['approved']), ['approved']);
  assert.deepEqual(closeMatches('ttile', ['title', 'type']), ['title']);
  assert.deepEqual(closeMatches('desc', ['description']), ['description']);
  assert.deepEqual(closeMatches('shuld', ['must', 'should', 'could', 'wont']), ['should', 'could']);
  assert.deepEqual(closeMatches('date', ['type']), [], 'two edits in a four-letter word is a different word');
  assert.deepEqual(closeMatches('shipped', ['draft', 'review', 'approved', 'launched']), []);
});

test('readable patterns', () => {
  assert.equal(humanizePattern('^PRD-\\d{1,6}$'), 'PRD-<number>');
  assert.equal(humanizePattern('^EPIC-[0-9]+$'), 'EPIC-<number>');
  assert.equal(humanizePattern('^@'), '@…');
  assert.equal(humanizePattern('^[a-z][a-z0-9-]*$'), undefined);
});

test("'@' at the start of a value: the syntax error shows the line with the value quoted", () => {
  const { findings } = createEngine().lint('---\ntype: epic\nowner: @jane # lead\ntags: [a, @b]\n---\n');
  const syntax = findings.filter((f) => f.ruleId === 'frontmatter-syntax').map((f) => `${f.line}:${f.column} ${f.message}`);
  assert.deepEqual(syntax, [
    '3:8 YAML syntax error: plain value cannot start with reserved character @; quote the value: owner: "@jane" # lead',
    '4:11 YAML syntax error: plain value cannot start with reserved character @; quote the value: tags: [a, "@b"]',
  ]);
});

test('with yaml-coerced-scalar off, the coerced value is still a frontmatter-schema finding (never both)', () => {
  const engine = createEngine();
  const text = '---\ntype: user-story\nid: US-1\ntitle: 2026\nstatus: ready\n---\n';
  const schemaRules = (config?: Parameters<typeof engine.lint>[1]) =>
    engine
      .lint(text, config)
      .findings.filter((f) => /^(frontmatter-schema|yaml-coerced-scalar)$/.test(f.ruleId))
      .map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
  assert.deepEqual(schemaRules(), ['4:8 yaml-coerced-scalar title 2026 was read as a number; quote it: "2026"']);
  const off = { config: { ...defaultConfig(''), rules: { 'yaml-coerced-scalar': 'off' as const } } };
  assert.deepEqual(schemaRules(off), ['4:8 frontmatter-schema title 2026 was read as a number; quote it: "2026"']);
});
