// Every limit (src/core/limits.ts) is a user setting of the editor (pmdocs.limits in package.json) with
// the same default, and PMDOCS_LIMITS reads each name: a limit added in one place only cannot be raised.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS, LIMIT_NAMES, parseLimits } from '../../src/core/limits.js';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { properties: Record<string, { default: number; minimum: number }> }> } };
};

test('every limit is a pmdocs.limits setting with the same default, and PMDOCS_LIMITS reads it', () => {
  const settings = manifest.contributes.configuration.properties['pmdocs.limits']!.properties;
  assert.deepEqual(Object.keys(settings).sort(), [...LIMIT_NAMES].sort());
  for (const name of LIMIT_NAMES) {
    assert.equal(settings[name]!.default, DEFAULT_LIMITS[name], name);
    assert.equal(settings[name]!.minimum, 1, name);
    assert.deepEqual(parseLimits(`${name}=7`), { overrides: { [name]: 7 }, unknown: [] });
  }
});
