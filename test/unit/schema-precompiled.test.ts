// The precompiled built-in validators (src/core/schema/generated, written by
// scripts/precompile-schemas.ts) must match the schemas and behave exactly like run-time compiled ones.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { builtInFingerprint, createBuiltInAjv } from '../../src/core/schema/builtInAjv.js';
import { builtInSchemaSet, usesPrecompiledValidators } from '../../src/core/schema/ajvSetup.js';
import precompiled from '../../src/core/schema/generated/builtInValidators.cjs';
import configPrecompiled from '../../src/core/schema/generated/configValidators.cjs';
import { CONFIG_SCHEMAS, configFingerprint, createConfigAjv } from '../../src/core/config/configAjv.js';
import { checkConfig, usesPrecompiledConfigValidators } from '../../src/core/config/validateConfig.js';

test('the precompiled validators were generated from the current schemas', () => {
  assert.equal(
    precompiled.fingerprint,
    builtInFingerprint(),
    'schemas/*.schema.json changed: run `node --import tsx scripts/precompile-schemas.ts` and commit src/core/schema/generated/builtInValidators.cjs',
  );
  assert.ok(usesPrecompiledValidators());
  for (const t of builtInDocTypes) assert.ok(precompiled.ids[t.schemaId], `no precompiled validator for ${t.schemaId}`);
});

const samples: Record<string, unknown>[] = [
  {},
  { type: 'prd', id: 'PRD-x', title: '', status: 'aproved', ownr: '@j', created: '2026-13-01', tags: ['a', 'A', 'a'] },
  {
    type: 'user-story',
    id: 'US-1',
    title: 'T',
    status: 'ready',
    estimate: '3',
    rice: { reach: -1, impact: 4, confidence: 80, effort: 0, x: 1 },
  },
  { type: 'release-notes', id: 'REL-1.0.0', title: 'T', status: 'yanked', version: 1.1, links: { depends_on: ['nope'], foo: [] } },
  {
    type: 'prd',
    success_metrics: [{ name: 'a', baseline: [1], target: '' }, { name: 'b' }],
    status_history: [{ status: 'reveiw', date: 'x' }],
  },
];

const shape = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => ({
    keyword: e.keyword,
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    params: e.params,
    data: e.data,
    parentSchema: e.parentSchema,
  }));

test('precompiled and run-time compiled validators report the same errors', () => {
  const ajv = createBuiltInAjv();
  const set = builtInSchemaSet();
  for (const t of builtInDocTypes) {
    const runtime = ajv.compile(t.schema);
    const fast = set.compiled(t).validate!;
    for (const data of samples) {
      assert.equal(fast(data), runtime(data));
      assert.deepEqual(shape(fast.errors), shape(runtime.errors), `${t.type}: ${JSON.stringify(data)}`);
    }
  }
});

// The same for .pmdocs.json's schema and x-pmdocs' (src/core/schema/generated/configValidators.cjs).
const configSamples: unknown[] = [
  {},
  { rules: { 'rice-score': 'eror', '*': ['warning', { x: 1 }], 'req-weak-modal': { severity: 'info', when: { type: 3 } } } },
  { docTypes: { rfc: { schema: 5, sections: [{ name: '' }], keyOrder: 'yes' } }, associations: { 'rfcs/**': ['rfc'] }, extra: true },
  { include: 'docs', exclude: [1], criteriaStyle: 'ears', rules: { 'no-such-rule': 'off' } },
];
const xPmdocsSamples: unknown[] = [{}, { type: 'rfc', idPrefix: 3, sections: 'none', closedSections: 'yes', nope: 1 }];

test('the precompiled config validators were generated from the current schemas', () => {
  assert.equal(
    configPrecompiled.fingerprint,
    configFingerprint(),
    'schemas/pmdocs-config.schema.json or x-pmdocs.schema.json changed: run `node --import tsx scripts/precompile-schemas.ts` and commit src/core/schema/generated/configValidators.cjs',
  );
  assert.ok(usesPrecompiledConfigValidators());
});

test('precompiled and run-time compiled config validators report the same errors, and the same issues', () => {
  const ajv = createConfigAjv();
  for (const [name, samplesOf] of [
    ['config', configSamples],
    ['xPmdocs', xPmdocsSamples],
  ] as const) {
    const runtime = ajv.compile(CONFIG_SCHEMAS[name]);
    const fast = configPrecompiled.validators[name];
    for (const data of samplesOf) {
      assert.equal(fast(data), runtime(data));
      assert.deepEqual(shape(fast.errors), shape(runtime.errors), `${name}: ${JSON.stringify(data)}`);
    }
  }
  // What users read: a broken .pmdocs.json's issues, worded from the errors.
  assert.deepEqual(
    checkConfig(configSamples[1]).map((i) => `${i.path.join('.')} ${i.part}`),
    ['rules.*.1.x key', 'rules.rice-score value'],
  );
});
