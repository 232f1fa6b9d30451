// The snippets in snippets/pmdocs.json: well-formed, choice lists that are exactly values the schema
// allows, and every doc-type skeleton expanded with its defaults lints clean with the engine. (The real
// expansion by VS Code is covered by test/integration/snippets.test.ts.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import defs from '../../schemas/defs.schema.json';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}
const snippets = JSON.parse(readFileSync(join(import.meta.dirname, '../../snippets/pmdocs.json'), 'utf8')) as Record<string, Snippet>;
const DOC_TYPE_SNIPPETS: Record<string, string> = {
  prd: 'pmdocs: PRD',
  epic: 'pmdocs: Epic',
  'user-story': 'pmdocs: User story',
  'release-notes': 'pmdocs: Release notes',
  experiment: 'pmdocs: Experiment',
  launch: 'pmdocs: Launch',
  okr: 'pmdocs: OKR',
  'risk-register': 'pmdocs: risk register',
  decision: 'pmdocs: Decision record',
  rfc: 'pmdocs: RFC',
  roadmap: 'pmdocs: Roadmap',
};

/** Expands a snippet the way VS Code does when every tab stop keeps its default (first choice). */
export function expandWithDefaults(body: string, date: string): string {
  const values = new Map<string, string>();
  const [year, month, day] = date.split('-');
  let text = body
    .replace(/\$CURRENT_YEAR/g, year!)
    .replace(/\$CURRENT_MONTH/g, month!)
    .replace(/\$CURRENT_DATE/g, day!);
  // Innermost first: placeholders may nest (`${2:Release ${1}}`).
  for (let guard = 0; guard < 100 && /\$\{\d+[:|}]/.test(text); guard++) {
    text = text
      .replace(/\$\{(\d+)\|([^|}]*)\|\}/g, (_, n: string, list: string) => remember(values, n, list.split(',')[0]!))
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, def: string) => remember(values, n, def))
      .replace(/\$\{(\d+)\}/g, (m, n: string) => values.get(n) ?? m);
  }
  return text.replace(/\$0/g, '');
}
function remember(values: Map<string, string>, n: string, v: string): string {
  if (!values.has(n)) values.set(n, v);
  return values.get(n)!;
}

test('every snippet has prefixes, a description and a body', () => {
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(name.startsWith('pmdocs: '), name);
    assert.ok(s.prefix.length > 0 && s.prefix.every((p) => /^[a-z-]+$/.test(p)), name);
    assert.ok(s.description.length > 10, name);
    assert.ok(s.body.length > 2, name);
  }
  for (const name of [...Object.values(DOC_TYPE_SNIPPETS), 'pmdocs: Given/When/Then scenario', 'pmdocs: Acceptance criteria checklist']) {
    assert.ok(snippets[name], `missing snippet ${name}`);
  }
});

test('choice lists hold exactly the values the schema allows for that key', () => {
  const moscow = (defs.$defs as Record<string, { enum?: unknown[] }>)['moscow']!.enum!.map(String).sort();
  for (const [type, name] of Object.entries(DOC_TYPE_SNIPPETS)) {
    const schema = builtInDocTypes.find((t) => t.type === type)!.schema as {
      properties: Record<string, { enum?: unknown[]; $ref?: string }>;
    };
    for (const line of snippets[name]!.body) {
      const m = /^([a-z_]+): \$\{\d+\|([^|]*)\|\}$/.exec(line);
      if (!m) continue;
      const prop = schema.properties[m[1]!]!;
      const allowed = (prop.enum ?? (prop.$ref?.endsWith('/moscow') ? moscow : [])).map(String).sort();
      assert.deepEqual(m[2]!.split(',').sort(), allowed, `${name}: ${m[1]}`);
    }
  }
});

test('dates come from snippet variables, never a fixed date', () => {
  for (const name of Object.values(DOC_TYPE_SNIPPETS)) {
    const dates = snippets[name]!.body.filter((l) => /^(created|date):/.test(l));
    assert.ok(dates.length > 0, name);
    for (const l of dates) assert.match(l, /: \$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE$/, name);
  }
});

test('each doc-type skeleton, expanded with its defaults, is that type and lints clean', () => {
  const engine = createEngine();
  for (const [type, name] of Object.entries(DOC_TYPE_SNIPPETS)) {
    const text = expandWithDefaults(snippets[name]!.body.join('\n'), '2026-05-04');
    const result = engine.lint(text, { path: `/ws/docs/${type}.md` });
    assert.equal(result.docType?.type, type, name);
    assert.deepEqual(
      result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`),
      [],
      name,
    );
  }
});

test("the scenario and checklist snippets fill a story's acceptance criteria cleanly", () => {
  const engine = createEngine();
  const story = expandWithDefaults(snippets['pmdocs: User story']!.body.join('\n'), '2026-05-04');
  const head = story.slice(0, story.indexOf('## Acceptance criteria'));
  const scenario = expandWithDefaults(snippets['pmdocs: Given/When/Then scenario']!.body.join('\n'), '2026-05-04');
  const checklist = expandWithDefaults(snippets['pmdocs: Acceptance criteria checklist']!.body.join('\n'), '2026-05-04');
  for (const text of [`${head}## Acceptance criteria\n\n${scenario}\n`, `${head}${checklist}\n`]) {
    const result = engine.lint(text, { path: '/ws/docs/US-1.md' });
    assert.deepEqual(
      result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`),
      [],
    );
  }
});
