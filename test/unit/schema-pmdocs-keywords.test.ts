// The schema keywords pmdocs adds for workspace types (issue 11): x-pmdocs-sorted (a list in order) and
// x-pmdocs-maxBytes / x-pmdocs-minBytes (length in UTF-8 bytes, not characters): exact messages and
// ranges, author messages over them, and a bad keyword value reported as a schema problem.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/load.js';
import { createEngine } from '../../src/core/engine.js';
import { compareItems, firstOutOfOrder, utf8Length } from '../../src/core/schema/pmdocsKeywords.js';
import { memoryHost } from '../helpers/memoryHost.js';

const engine = createEngine();

function schemaWith(properties: Record<string, unknown>) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { type: { const: 'eip' }, ...properties },
    'x-pmdocs': { type: 'eip' },
  };
}

async function lint(properties: Record<string, unknown>, frontMatter: string) {
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({ docTypes: { eip: { schema: './eip.schema.json' } } }),
    '/ws/eip.schema.json': JSON.stringify(schemaWith(properties)),
  });
  const config = await loadConfig(host, '/ws/a.md');
  const text = `---\ntype: eip\n${frontMatter}---\n\nBody.\n`;
  const findings = engine.lint(text, { path: '/ws/a.md', config }).findings;
  return {
    config,
    findings: findings.map((f) => ({ rule: f.ruleId, at: [f.line, f.column, f.endLine, f.endColumn], message: f.message })),
  };
}

test('x-pmdocs-sorted: the first item out of order is flagged, numbers by value, with the order it expects', async () => {
  const requires = { type: 'array', items: { type: 'integer' }, 'x-pmdocs-sorted': true };
  assert.deepEqual((await lint({ requires }, 'requires: [5, 20, 155]\n')).findings, []);
  assert.deepEqual((await lint({ requires }, 'requires: [5, 155, 20]\n')).findings, [
    {
      rule: 'frontmatter-schema',
      at: [3, 20, 3, 22],
      message: 'requires lists 155 before 20: keep the items in ascending order (5, 20, 155).',
    },
  ]);
  const block = await lint({ requires }, 'requires:\n  - 1\n  - 3\n  - 2\n');
  assert.deepEqual(
    block.findings.map((f) => f.at),
    [[6, 5, 6, 6]],
  );
  const down = { type: 'array', 'x-pmdocs-sorted': 'descending' };
  assert.deepEqual((await lint({ versions: down }, 'versions: ["b", "c", "a"]\n')).findings, [
    {
      rule: 'frontmatter-schema',
      at: [3, 17, 3, 20],
      message: "versions lists 'b' before 'c': keep the items in descending order (c, b, a).",
    },
  ]);
});

test('x-pmdocs-maxBytes / minBytes count UTF-8 bytes; the message gives bytes and characters', async () => {
  const title = { type: 'string', 'x-pmdocs-maxBytes': 10 };
  assert.deepEqual((await lint({ title }, 'title: "abcdefghij"\n')).findings, []);
  // 9 characters, but é and ü take two bytes each: 11 bytes.
  assert.deepEqual((await lint({ title }, 'title: "Café über"\n')).findings, [
    {
      rule: 'frontmatter-schema',
      at: [3, 8, 3, 19],
      message: 'title is too long (11 bytes in UTF-8, 9 characters): use at most 10 bytes.',
    },
  ]);
  const code = { type: 'string', 'x-pmdocs-minBytes': 3 };
  assert.deepEqual((await lint({ code }, 'code: ab\n')).findings, [
    { rule: 'frontmatter-schema', at: [3, 7, 3, 9], message: 'code is too short (2 bytes in UTF-8): use at least 3 bytes.' },
  ]);
  assert.deepEqual((await lint({ code }, 'code: "é"\n')).findings, [
    { rule: 'frontmatter-schema', at: [3, 7, 3, 10], message: 'code is too short (2 bytes in UTF-8, 1 characters): use at least 3 bytes.' },
  ]);
});

test("an author's x-pmdocs-message replaces the generated text for these keywords too", async () => {
  const title = { type: 'string', 'x-pmdocs-maxBytes': 4, 'x-pmdocs-message': 'Titles are at most 4 bytes (the registry counts bytes).' };
  const { findings } = await lint({ title }, 'title: "Größe"\n');
  assert.deepEqual(
    findings.map((f) => f.message),
    ['Titles are at most 4 bytes (the registry counts bytes).'],
  );
});

test('a bad keyword value is a schema problem naming the keyword, not a crash', async () => {
  const { config, findings } = await lint({ requires: { type: 'array', 'x-pmdocs-sorted': 'upwards' } }, 'requires: [2, 1]\n');
  assert.deepEqual(config.problems, []);
  assert.deepEqual(findings, [
    {
      rule: 'frontmatter-schema',
      at: [1, 1, 1, 4],
      message:
        "The schema of doc type 'eip' (/ws/eip.schema.json) could not be compiled, so this front matter was not checked: " +
        'keyword "x-pmdocs-sorted" value is invalid at path "#/properties/requires": data must be boolean, data must be equal to one of the allowed values, data must match a schema in anyOf',
    },
  ]);
});

test('ordering and byte counting', () => {
  assert.equal(compareItems(9, '10') < 0, true, 'numbers and numeric strings by value');
  assert.equal(compareItems('b', 'a') > 0, true);
  assert.equal(firstOutOfOrder([1, 2, 2, 3], 'ascending'), undefined, 'equal neighbours are in order');
  assert.equal(firstOutOfOrder([3, 1], 'ascending'), 1);
  assert.equal(firstOutOfOrder([3, 1], 'descending'), undefined);
  assert.deepEqual(['a', 'é', '€', '😀', '\ud800'].map(utf8Length), [1, 2, 3, 4, 3]);
});
