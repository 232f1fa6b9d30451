// The version check behind the newer VS Code API the extension uses only where the host has it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { versionAtLeast } from '../../src/extension/hostVersion.js';

test('versionAtLeast compares major.minor and ignores patch and suffixes', () => {
  assert.equal(versionAtLeast('1.98.0', 1, 98), true);
  assert.equal(versionAtLeast('1.139.1', 1, 108), true);
  assert.equal(versionAtLeast('1.90.2', 1, 98), false);
  assert.equal(versionAtLeast('1.108.0-insider', 1, 108), true);
  assert.equal(versionAtLeast('2.0.0', 1, 200), true);
  assert.equal(versionAtLeast('not a version', 1, 0), false);
});
