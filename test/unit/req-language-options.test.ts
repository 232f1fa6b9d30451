// The requirement-language rules' word-list options (a list adds, { add, remove } edits, { replace }
// replaces) and per-type settings (`when` on `type`, a workspace type's own rules), through the config
// loader and the engine, as a user sets them in .pmdocs.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IHost } from '../../src/core/host.js';
import { loadConfig } from '../../src/core/config/load.js';
import { createEngine } from '../../src/core/engine.js';

function memoryHost(files: Record<string, string>): IHost {
  return {
    async readFile(path) {
      return files[path];
    },
    async stat(path) {
      return path in files ? { isFile: true, isDirectory: false, size: files[path]!.length } : undefined;
    },
  };
}

const engine = createEngine();

const PRD = (type = 'type: prd\n') => `---
${type}id: PRD-1
title: Reminders
status: draft
owner: "@maria"
created: 2026-03-02
---

# Reminders

## Requirements

- The reminder is snappy and uses the standard template.
- The owner can pause reminders.
- The reminder should go out on the due date.
- Reminders load faster.
`;

async function findings(config: unknown, text = PRD(), path = '/ws/PRD-1.md', extra: Record<string, string> = {}): Promise<string[]> {
  const host = memoryHost({ '/ws/.pmdocs.json': JSON.stringify(config), ...extra });
  const loaded = await loadConfig(host, path);
  assert.deepEqual(loaded.problems, []);
  return engine
    .lint(text, { path, config: loaded })
    .findings.filter((f) => f.ruleId.startsWith('req-'))
    .map((f) => `${f.line} ${f.ruleId} ${f.severity} ${f.actual}`);
}

test('built-in word lists when nothing is configured', async () => {
  assert.deepEqual(await findings({}), [
    '14 req-subjective info standard',
    '15 req-weak-modal info can',
    '16 req-weak-modal warning should',
    '17 req-comparative info faster',
  ]);
});

test('a list adds words; { add, remove } edits; { replace } uses only the given words', async () => {
  const added = await findings({ rules: { 'req-subjective': { options: { words: ['snappy'] } } } });
  assert.ok(added.includes('14 req-subjective info snappy'), added.join('\n'));
  assert.ok(added.includes('14 req-subjective info standard'), added.join('\n'));

  const edited = await findings({
    rules: {
      'req-subjective': ['info', { words: { add: ['snappy'], remove: ['Standard'] } }],
      'req-weak-modal': { options: { words: { remove: ['can'] } } },
    },
  });
  assert.ok(edited.includes('14 req-subjective info snappy'), edited.join('\n'));
  assert.ok(!edited.some((f) => f.endsWith(' standard')), edited.join('\n'));
  assert.ok(!edited.some((f) => f.endsWith(' can')), edited.join('\n'));
  assert.ok(edited.includes('16 req-weak-modal warning should'), edited.join('\n'));

  const replaced = await findings({ rules: { 'req-weak-modal': { options: { words: { replace: ['go out'] } } } } });
  assert.deepEqual(
    replaced.filter((f) => f.includes('req-weak-modal')),
    ['16 req-weak-modal warning go out'],
  );
});

test('every req-* rule with a word list takes it as an option (comparative, unmeasured quality, passive)', async () => {
  const text = PRD().replace(
    '- Reminders load faster.\n',
    '- Reminders load faster.\n- The page has snappy loading.\n- The file is sewn.\n',
  );
  const out = await findings(
    {
      rules: {
        'req-comparative': { options: { words: { remove: ['faster'] } } },
        'req-unmeasured-quality': { options: { adjectives: ['snappy'], metrics: { add: ['loading'] } } },
        'req-passive-voice': { options: { participles: ['sewn'] } },
      },
    },
    text,
  );
  assert.ok(!out.some((f) => f.includes('req-comparative')), out.join('\n'));
  assert.ok(out.includes('18 req-unmeasured-quality info snappy loading'), out.join('\n'));
  assert.ok(out.includes('19 req-passive-voice info is sewn'), out.join('\n'));
});

test('the config schema checks the word-list options of the req-* rules', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': `{
  "rules": {
    "req-subjective": { "options": { "word": ["snappy"] } },
    "req-weak-modal": ["warning", { "words": "can" }],
    "req-loophole": { "options": { "words": { "drop": ["etc"] } } }
  }
}`,
  });
  const config = await loadConfig(host, '/ws/PRD-1.md');
  assert.deepEqual(
    config.problems.map((p) => `${p.line} ${p.message}`),
    [
      "3 Unknown key 'word' in rules.req-subjective.options. Did you mean 'words'? Allowed keys: words.",
      "4 rules.req-weak-modal[1].words must be a list or an object, but it is the string 'can'.",
      "5 Unknown key 'drop' in rules.req-loophole.options.words. Allowed keys: add, remove, replace.",
    ],
  );
});

test('per doc type: `when` on type turns a rule off for one type or raises it for another', async () => {
  const config = {
    rules: {
      'req-weak-modal': { severity: 'error', when: { type: 'prd' } },
      'req-comparative': { severity: 'off', when: { type: 'prd' } },
    },
  };
  const out = await findings(config);
  assert.ok(out.includes('16 req-weak-modal error should'), out.join('\n'));
  assert.ok(!out.some((f) => f.includes('req-comparative')), out.join('\n'));

  // A PRD typed by its path (no `type:` in the front matter) is a prd for `when` too.
  const byPath = await findings({ ...config, associations: { 'prd/**': 'prd' } }, PRD(''), '/ws/prd/PRD-1.md');
  assert.ok(byPath.includes('15 req-weak-modal error should'), byPath.join('\n'));

  // Another type keeps the defaults.
  const story = `---\ntype: user-story\nid: US-1\ntitle: Pause\nstatus: draft\n---\n\n# Pause\n\n## Story\n\nAs an owner, I want to pause reminders, so that customers are not annoyed.\n\n## Acceptance criteria\n\n- [ ] The reminder should stop, faster.\n`;
  const s = await findings(config, story, '/ws/US-1.md');
  assert.deepEqual(s, ['16 req-weak-modal warning should', '16 req-comparative info faster']);
});

test("per doc type: a workspace type's own rules set the req-* rules and their word lists", async () => {
  const schema = {
    type: 'object',
    properties: { type: { const: 'spec' } },
    'x-pmdocs': {
      type: 'spec',
      sections: [{ name: 'Requirements', role: 'requirements' }],
      rules: { 'req-passive-voice': 'off' },
    },
  };
  const text = `---\ntype: spec\n---\n\n## Requirements\n\n- The invoice is exported.\n- The export should be quick.\n`;
  const out = await findings(
    {
      docTypes: {
        spec: { schema: './spec.schema.json', rules: { 'req-subjective': { options: { words: { remove: ['quick'] } } } } },
      },
    },
    text,
    '/ws/a.md',
    { '/ws/spec.schema.json': JSON.stringify(schema) },
  );
  assert.deepEqual(out, ['8 req-weak-modal warning should']);
});
