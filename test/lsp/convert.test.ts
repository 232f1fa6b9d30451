// Protocol conversions with logic in them: snippets for clients without snippet support, and the
// settings a client sends.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippetToPlain } from '../../src/lsp/convert.js';
import { editorSettings } from '../../src/core/config/editorSettings.js';

test('a snippet becomes plain text: placeholders keep their default, tab stops and choices resolve, escapes drop', () => {
  assert.equal(snippetToPlain('status: ${1:draft}'), 'status: draft');
  assert.equal(snippetToPlain('status: ${1|draft,review,approved|}'), 'status: draft');
  assert.equal(snippetToPlain('owner: $1\nid: ${2:PRD-${3:1}}$0'), 'owner: \nid: PRD-1');
  assert.equal(snippetToPlain('price: \\$5 \\} \\\\'), 'price: $5 } \\');
  assert.equal(snippetToPlain('plain'), 'plain');
});

test('client settings: well-formed entries kept, the rest falls back to defaults', () => {
  assert.deepEqual(editorSettings(undefined), {
    run: 'onType',
    debounceMs: 300,
    rules: {},
    rawRules: {},
    associations: {},
    validateWorkspace: false,
    renameFiles: false,
    codeLens: true,
  });
  assert.deepEqual(
    editorSettings({
      run: 'onSave',
      debounceMs: 50_000,
      rules: { 'section-order': 'off', x: 'loud' },
      associations: { 'docs/**/*.md': 'prd', bad: 3 },
    }),
    {
      run: 'onSave',
      debounceMs: 10_000,
      // A rule entry in none of the setting forms is dropped (rawRules keeps what was written, for the message).
      rules: { 'section-order': 'off' },
      rawRules: { 'section-order': 'off', x: 'loud' },
      associations: { 'docs/**/*.md': 'prd' },
      validateWorkspace: false,
      renameFiles: false,
      codeLens: true,
    },
  );
  assert.equal(editorSettings({ rename: { renameFiles: true } }).renameFiles, true);
  assert.equal(editorSettings({ 'rename.renameFiles': true }).renameFiles, true);
  assert.equal(editorSettings({ rename: { renameFiles: 'yes' } }).renameFiles, false);
  assert.equal(editorSettings({ codeLens: false }).codeLens, false);
  assert.equal(editorSettings({ codeLens: 'off' }).codeLens, true);
  assert.equal(editorSettings({ debounceMs: -5 }).debounceMs, 0);
  assert.equal(editorSettings({ debounceMs: 'soon' }).debounceMs, 300);
});
