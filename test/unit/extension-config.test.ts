// The extension's pure helpers (no `vscode`): settings merged over .pmdocs.json, globs rebased to the
// config's root; the include/exclude selection (core/workspace/scope.ts) the extension and CLI share.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { mergeSettings, rebaseGlob } from '../../src/core/config/mergeSettings.js';
import { excludes, selects } from '../../src/core/workspace/scope.js';
import { createEngine } from '../../src/core/engine.js';

const config = (over: Partial<ResolvedConfig> = {}): ResolvedConfig => ({ ...defaultConfig('/ws'), ...over });

test('no pmdocs settings: the config object itself, so the editor lints exactly as the CLI does', () => {
  const c = config({ rules: { 'section-order': 'off' } });
  assert.equal(mergeSettings(c, { rules: {}, associations: {}, folderPath: '/ws' }), c);
});

test('settings rules win over the config file; settings associations are tried first', () => {
  const c = config({ rules: { 'section-order': 'off', 'empty-section': 'error' }, associations: [{ glob: 'docs/**', type: 'prd' }] });
  const m = mergeSettings(c, { rules: { 'empty-section': 'info' }, associations: { 'docs/stories/**': 'user-story' }, folderPath: '/ws' });
  assert.deepEqual(m.rules, { 'section-order': 'off', 'empty-section': 'info' });
  assert.deepEqual(m.associations, [
    { glob: 'docs/stories/**', type: 'user-story' },
    { glob: 'docs/**', type: 'prd' },
  ]);
  assert.deepEqual(c.rules, { 'section-order': 'off', 'empty-section': 'error' }, 'the loaded config is not mutated');
});

test('a settings association types a document the engine would leave alone', () => {
  const engine = createEngine();
  const text = '---\nid: US-3\ntitle: T\nstatus: reddy\n---\n\n# T\n';
  const c = config();
  assert.equal(engine.lint(text, { path: '/ws/docs/stories/US-3.md', config: c }).docType, undefined);
  const m = mergeSettings(c, { rules: {}, associations: { 'docs/stories/*.md': 'user-story' }, folderPath: '/ws' });
  const r = engine.lint(text, { path: '/ws/docs/stories/US-3.md', config: m });
  assert.equal(r.docType?.type, 'user-story');
  assert.ok(r.findings.some((f) => f.message.includes("'reddy'")));
});

test('rebaseGlob: folder-relative globs made relative to a deeper config root', () => {
  assert.equal(rebaseGlob('docs/**/*.md', '/ws', '/ws'), 'docs/**/*.md');
  assert.equal(rebaseGlob('./docs/*.md', '/ws', '/ws'), 'docs/*.md');
  assert.equal(rebaseGlob('team/docs/*.md', '/ws', '/ws/team'), 'docs/*.md');
  assert.equal(rebaseGlob('**/stories/*.md', '/ws', '/ws/team'), '**/stories/*.md');
  assert.equal(rebaseGlob('other/docs/*.md', '/ws', '/ws/team'), undefined);
  assert.equal(rebaseGlob('docs/*.md', '/ws/', '/ws'), 'docs/*.md');
});

const isIncluded = (c: ResolvedConfig, path: string) => selects(c, path) && !excludes(c, path);

test('selects/excludes: include and exclude globs relative to the config root; node_modules never', () => {
  const c = config({ include: ['docs/**/*.md'], exclude: ['docs/archive/**'] });
  assert.equal(isIncluded(c, '/ws/docs/prd/PRD-1.md'), true);
  assert.equal(isIncluded(c, '/ws/docs/archive/PRD-0.md'), false);
  assert.equal(isIncluded(c, '/ws/README.md'), false);
  assert.equal(isIncluded(config(), '/ws/README.md'), true);
  assert.equal(isIncluded(config(), '/ws/notes/old.markdown'), true);
  assert.equal(isIncluded(config(), '/ws/notes/old.txt'), false);
  assert.equal(isIncluded(config(), '/ws/node_modules/pkg/README.md'), false);
  assert.equal(isIncluded(config({ exclude: ['**/drafts/**'] }), '/ws/a/drafts/x.md'), false);
});
