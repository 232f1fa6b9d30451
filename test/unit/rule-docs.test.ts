// One rule = one id = one docs page = one README row: every rule the engine runs has its page under
// docs/rules/ (title = id, the default severity it really has) and a row in the README's rules table
// linking to that page with the same severity. The docs URL in diagnostics points at these pages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/core/rules/index.js';

const repo = join(import.meta.dirname, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

for (const rule of rules) {
  test(`${rule.id}: a docs page and a README row, both with severity ${rule.defaultSeverity}`, () => {
    const page = join(repo, 'docs/rules', `${rule.id}.md`);
    assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
    const text = readFileSync(page, 'utf8');
    assert.equal(text.split('\n')[0], `# ${rule.id}`);
    assert.match(text, new RegExp(`^\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`, 'm'));
    const row = readme.split('\n').find((l) => l.startsWith(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) |`));
    assert.ok(row, `no README row for ${rule.id}`);
    assert.equal(row.split('|')[2]!.trim(), rule.defaultSeverity);
  });
}

test('no docs page for a rule that does not exist', () => {
  const ids = new Set(rules.map((r) => r.id));
  const orphans = readdirSync(join(repo, 'docs/rules'))
    .map((f) => f.replace(/\.md$/, ''))
    .filter((id) => !ids.has(id));
  assert.deepEqual(orphans, []);
});

test('a rule with options documents each one on its page and in the config schema', () => {
  const schema = JSON.parse(readFileSync(join(repo, 'schemas/pmdocs-config.schema.json'), 'utf8'));
  for (const rule of rules) {
    const page = readFileSync(join(repo, 'docs/rules', `${rule.id}.md`), 'utf8');
    const declared = Object.keys(schema.$defs[`options-${rule.id}`]?.properties ?? {});
    if (!rule.defaultOptions) {
      assert.deepEqual(declared, [], `${rule.id} has options in the schema but no defaultOptions`);
      continue;
    }
    assert.ok(declared.length > 0, `${rule.id}: no $defs/options-${rule.id} in the config schema`);
    for (const key of Object.keys(rule.defaultOptions))
      assert.ok(declared.includes(key), `${rule.id}: option ${key} is not in the config schema`);
    const options = /^## Options\n([^]*?)(?=^## )/m.exec(page)?.[1] ?? '';
    for (const key of declared)
      assert.match(options, new RegExp(`\\| \`${key}\` \\|`), `${rule.id}: option ${key} is not documented under ## Options`);
  }
});
