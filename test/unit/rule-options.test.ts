// Rule options and conditional settings: the three forms a setting takes, how the places that set a rule
// combine (doc type > editor settings > .pmdocs.json > default), `when` clauses, word lists, and the
// config schema's per-rule checks with their messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IHost } from '../../src/core/host.js';
import { loadConfig } from '../../src/core/config/load.js';
import { normalizeRuleSetting, resolveRuleSetup } from '../../src/core/config/ruleSettings.js';
import { resolveWordList } from '../../src/core/config/wordList.js';
import { conditionHolds, explainCondition } from '../../src/core/doctypes/condition.js';
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

test('a setting is a severity, [severity, options] or { severity, options, when }', () => {
  assert.equal(normalizeRuleSetting('warning'), 'warning');
  assert.equal(normalizeRuleSetting(['error']), 'error');
  assert.deepEqual(normalizeRuleSetting(['info', { maxSteps: 3 }]), { severity: 'info', options: { maxSteps: 3 } });
  assert.deepEqual(normalizeRuleSetting({ options: { maxSteps: 3 }, when: { status: 'ready' } }), {
    options: { maxSteps: 3 },
    when: { status: 'ready' },
  });
  assert.equal(normalizeRuleSetting('loud'), undefined);
  assert.equal(normalizeRuleSetting(['warning', 3]), undefined);
  assert.equal(normalizeRuleSetting({ severity: 'loud' }), undefined);
});

test('the most specific applicable setting gives the severity; options merge key by key', () => {
  const type = { r: { options: { b: 2 }, when: { status: 'Stagnant' } } } as const;
  const config = { r: ['error', { a: 1, b: 1 }] as unknown as never };
  const cfg = { r: normalizeRuleSetting(['error', { a: 1, b: 1 }])! };
  void config;
  const stagnant = resolveRuleSetup('r', 'warning', { a: 0, b: 0, c: 0 }, [type, cfg], { status: 'Stagnant' });
  assert.deepEqual(stagnant, { severity: 'error', configured: true, options: { a: 1, b: 2, c: 0 }, constant: false });
  const final = resolveRuleSetup('r', 'warning', { a: 0, b: 0, c: 0 }, [type, cfg], { status: 'Final' });
  assert.deepEqual(final.options, { a: 1, b: 1, c: 0 });
  const untouched = resolveRuleSetup('r', 'warning', { a: 0 }, [undefined, {}], {});
  assert.deepEqual(untouched, { severity: 'warning', configured: false, options: { a: 0 }, constant: true });
});

test('when: every key holds, a list is one-of, not negates; the explanation quotes the file', () => {
  const when = { status: ['Stagnant', 'Withdrawn'], not: { category: 'Meta' } };
  assert.equal(conditionHolds(when, { status: 'Withdrawn', category: 'Core' }), true);
  assert.equal(conditionHolds(when, { status: 'Withdrawn', category: 'Meta' }), false);
  assert.equal(conditionHolds(when, { status: 'Final' }), false);
  assert.equal(conditionHolds({}, {}), false);
  assert.equal(
    explainCondition(when, { status: 'Withdrawn', category: 'Core' }),
    "status is 'Withdrawn' and category is not 'Meta' (it is 'Core')",
  );
  assert.equal(explainCondition({ not: { status: 'Stagnant' } }, {}), "status is not 'Stagnant' (it is missing)");
});

test('word lists: a list adds, add/remove edit, replace replaces', () => {
  const base = ['TBD', 'TODO'];
  assert.equal(resolveWordList(undefined, base), base);
  assert.deepEqual(resolveWordList(['WIP', 'TBD'], base), ['TBD', 'TODO', 'WIP']);
  assert.deepEqual(resolveWordList({ add: ['WIP'], remove: ['todo'] }, base), ['TBD', 'WIP']);
  assert.deepEqual(resolveWordList({ replace: ['XXX'], add: ['WIP'] }, base), ['XXX']);
});

const STORY = `---
type: user-story
id: US-1
title: Export
status: draft
---

# Export

## Story

As a user, I want to export invoices.

## Acceptance criteria

- [ ] A CSV file downloads.
`;

test('options without a severity keep the per-report severities; a severity applies to every report', async () => {
  const run = async (setting: unknown) => {
    const host = memoryHost({ '/ws/.pmdocs.json': JSON.stringify({ rules: { 'user-story-statement': setting } }) });
    const config = await loadConfig(host, '/ws/US-1.md');
    assert.deepEqual(config.problems, []);
    return engine.lint(STORY, { path: '/ws/US-1.md', config }).findings.map((f) => `${f.severity} ${f.message.split(':')[0]}`);
  };
  assert.deepEqual(await run({ options: { benefit: 'required' } }), [
    "warning The user story statement has no benefit (found 'As a user, I want to export invoices')",
    "info The story's role is just 'user'",
  ]);
  assert.deepEqual(await run({ options: { benefit: 'optional', genericRoles: { replace: ['persona'] } } }), []);
  assert.deepEqual(await run(['error', { benefit: 'recommended' }]), [
    "error The user story statement has no benefit (found 'As a user, I want to export invoices')",
    "error The story's role is just 'user'",
  ]);
});

test("the config schema checks each rule's options and names the bad one; the entry is dropped", async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': `{
  "rules": {
    "moscow-must-overload": ["warning", { "mustshare": 0.5 }],
    "gherkin-malformed": { "options": { "maxSteps": 0 } },
    "date-order": ["error", { "strict": true }],
    "section-order": { "severity": "warning", "when": { "status": { "is": "x" } } },
    "unresolved-at-approval": { "options": { "markers": "WIP" } }
  }
}`,
  });
  const config = await loadConfig(host, '/ws/PRD-1.md');
  assert.deepEqual(
    config.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    [
      "3:43 Unknown key 'mustshare' in rules.moscow-must-overload[1]. Did you mean 'mustShare'? Allowed keys: mustShare, minItems.",
      '4:53 rules.gherkin-malformed.options.maxSteps 0 must be >= 1.',
      "5:31 Unknown key 'strict' in rules.date-order[1].",
      '6:67 rules.section-order.when.status must be a string or a number or true or false or null or a list, but it is an object.',
      "7:57 rules.unresolved-at-approval.options.markers must be a list or an object, but it is the string 'WIP'.",
    ],
  );
  assert.deepEqual(config.rules, {});
});

test('a doc type sets its own rules, in its docTypes entry or its x-pmdocs block; unknown ids are reported', async () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { type: { const: 'eip' }, status: { enum: ['Draft', 'Final', 'Stagnant'] } },
    'x-pmdocs': {
      type: 'eip',
      sections: [
        { name: 'Abstract', required: true },
        { name: 'Motivation', required: true },
      ],
      order: ['Abstract', 'Motivation'],
      rules: { 'required-section': { severity: 'warning', when: { status: 'Stagnant' } }, 'section-order': 'error' },
    },
  };
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({
      docTypes: {
        eip: {
          schema: './eip.schema.json',
          rules: { 'section-order': { severity: 'info', when: { status: 'Stagnant' } }, 'section-ordr': 'off' },
        },
      },
    }),
    '/ws/eip.schema.json': JSON.stringify(schema),
  });
  const config = await loadConfig(host, '/ws/a.md');
  assert.deepEqual(
    config.problems.map((p) => p.message),
    ["Unknown rule 'section-ordr' in docTypes.eip.rules. Did you mean 'section-order'? Run 'pmdocs rules' for the list."],
  );
  const doc = (status: string) => `---\ntype: eip\nstatus: ${status}\n---\n\n## Motivation\n\nWhy.\n\n## Abstract\n\nWhat.\n`;
  const sev = (status: string) => engine.lint(doc(status), { path: '/ws/a.md', config }).findings.map((f) => `${f.ruleId} ${f.severity}`);
  assert.deepEqual(sev('Final'), ['section-order error']);
  assert.deepEqual(sev('Stagnant'), ['section-order info']);
});

test('x-pmdocs rules are checked against the config schema', async () => {
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({ docTypes: { eip: { schema: './eip.schema.json' } } }),
    '/ws/eip.schema.json': JSON.stringify({
      type: 'object',
      'x-pmdocs': { type: 'eip', rules: { 'gherkin-malformed': ['warning', { maxStep: 3 }] } },
    }),
  });
  const config = await loadConfig(host, '/ws/a.md');
  assert.deepEqual(
    config.problems.map((p) => p.message),
    ["Doc type 'eip': x-pmdocs: Unknown key 'maxStep' in rules.gherkin-malformed[1]. Did you mean 'maxSteps'? Allowed keys: maxSteps."],
  );
  assert.deepEqual(config.docTypes, []);
});

test('"*" sets every rule: a rule\'s own entry in the same or a more specific place wins; it never turns on an off rule', () => {
  const stagnant = { '*': { severity: 'warning', when: { status: ['Stagnant', 'Withdrawn'] } } } as const;
  const config = { 'section-order': 'error', 'rice-score': 'off' } as const;
  type Layers = Parameters<typeof resolveRuleSetup>[3];
  const setup = (id: string, def: Parameters<typeof resolveRuleSetup>[1], layers: Layers, status: string) =>
    resolveRuleSetup(id, def, undefined, layers, { status });
  // A type's "*" (more specific) wins over the config's own entry for a rule.
  assert.deepEqual(setup('section-order', 'error', [stagnant, config], 'Stagnant'), {
    severity: 'warning',
    configured: true,
    options: {},
    constant: false,
  });
  assert.equal(setup('section-order', 'error', [stagnant, config], 'Final').severity, 'error');
  assert.equal(setup('required-section', 'error', [stagnant, config], 'Withdrawn').severity, 'warning');
  // Off stays off: the config turned rice-score off.
  assert.equal(setup('rice-score', 'error', [stagnant, config], 'Stagnant').severity, 'off');
  // In one place, the rule's own entry wins over "*".
  const both = { '*': 'warning', 'section-order': 'error' } as const;
  assert.equal(setup('section-order', 'info', [both], 'Final').severity, 'error');
  assert.equal(setup('required-section', 'error', [both], 'Final').severity, 'warning');
  // "*": "off" turns everything off, unless a rule's own entry there or closer says otherwise.
  assert.equal(setup('required-section', 'error', [undefined, { '*': 'off' }], 'Final').severity, 'off');
  assert.equal(setup('required-section', 'error', [{ 'required-section': 'info' }, { '*': 'off' }], 'Final').severity, 'info');
});

test('"*" in a type\'s x-pmdocs rules: every finding of a Stagnant document is a warning; "*" is a known key', async () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { type: { const: 'eip' }, status: { enum: ['Draft', 'Final', 'Stagnant'] } },
    required: ['title'],
    'x-pmdocs': {
      type: 'eip',
      sections: [
        { name: 'Abstract', required: true },
        { name: 'Motivation', required: true },
      ],
      order: ['Abstract', 'Motivation'],
      rules: { '*': { severity: 'warning', when: { status: 'Stagnant' } } },
    },
  };
  const host = memoryHost({
    '/ws/.pmdocs.json': JSON.stringify({
      rules: { 'section-order': 'error', '*': 'info', '**': 'off' },
      docTypes: { eip: { schema: './eip.schema.json' } },
    }),
    '/ws/eip.schema.json': JSON.stringify(schema),
  });
  const config = await loadConfig(host, '/ws/a.md');
  assert.deepEqual(
    config.problems.map((p) => p.message),
    ["Unknown rule '**' in rules. Run 'pmdocs rules' for the list."],
  );
  const doc = (status: string) => `---\ntype: eip\nstatus: ${status}\n---\n\n## Motivation\n\nWhy.\n\n## Abstract\n\nWhat.\n`;
  const sev = (status: string) => engine.lint(doc(status), { path: '/ws/a.md', config }).findings.map((f) => `${f.ruleId} ${f.severity}`);
  // Final: section-order's own entry (error) wins over the config's "*" (info); the schema error becomes info.
  assert.deepEqual(sev('Final'), ['frontmatter-schema info', 'section-order error']);
  assert.deepEqual(sev('Stagnant'), ['frontmatter-schema warning', 'section-order warning']);
});
