// What a new document will be (core/templates/plan.ts, used by New Document and `pmdocs new`): next free id, the folder where the type's documents live, the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { planNewDocument, idFromVersion, asksForOwner, requiresOwner, today } from '../../src/core/templates/plan.js';
import { createEngine } from '../../src/core/engine.js';

const type = (name: string) => builtInDocTypes.find((t) => t.type === name)!;
const base = { date: '2026-05-04', fallbackFolder: '/ws/notes' };

test('next free id among front-matter ids and file names; written next to the siblings', () => {
  const plan = planNewDocument({
    ...base,
    docType: type('prd'),
    title: 'Bulk edit',
    owner: '@sam',
    existing: [
      { path: '/ws/docs/prd/PRD-1-a.md', id: 'PRD-1' },
      { path: '/ws/docs/prd/PRD-2-b.md', id: 'PRD-2' },
      { path: '/ws/old/whatever.md', id: 'PRD-9' },
      { path: '/ws/docs/prd/PRD-10-no-front-matter.md' },
      { path: '/ws/docs/stories/US-40-x.md', id: 'US-40' },
    ],
  });
  assert.equal(plan.id, 'PRD-11');
  assert.equal(plan.path, '/ws/docs/prd/PRD-11-bulk-edit.md');
  assert.match(
    plan.text,
    /^---\ntype: prd\nid: PRD-11\ntitle: "Bulk edit"\nstatus: draft\nowner: "@sam"\ncreated: 2026-05-04\n---\n\n# Bulk edit\n/,
  );
  assert.equal(plan.existingWithId, undefined);
});

test('the first document of a type goes where the user works; an explicit folder always wins', () => {
  assert.equal(planNewDocument({ ...base, docType: type('epic'), title: 'E', owner: '@a', existing: [] }).path, '/ws/notes/EPIC-1-e.md');
  const explicit = planNewDocument({
    ...base,
    docType: type('prd'),
    title: 'P',
    owner: '@a',
    folder: '/ws/here/',
    existing: [{ path: '/ws/docs/PRD-1.md', id: 'PRD-1' }],
  });
  assert.equal(explicit.path, '/ws/here/PRD-2-p.md');
});

test('release notes: id from the version, file named by the id; an existing version is reported', () => {
  const rel = type('release-notes');
  assert.equal(idFromVersion(rel), true);
  assert.equal(asksForOwner(rel), false);
  const plan = planNewDocument({
    ...base,
    docType: rel,
    title: 'Release 2.0.0',
    version: '2.0.0',
    existing: [{ path: '/ws/rel/REL-1.0.0.md', id: 'REL-1.0.0' }],
  });
  assert.equal(plan.id, 'REL-2.0.0');
  assert.equal(plan.path, '/ws/rel/REL-2.0.0.md');
  const clash = planNewDocument({
    ...base,
    docType: rel,
    title: 'x',
    version: '1.0.0',
    existing: [{ path: '/ws/rel/REL-1.0.0.md', id: 'REL-1.0.0' }],
  });
  assert.equal(clash.existingWithId, '/ws/rel/REL-1.0.0.md');
});

test('owner: asked for where the template has it, required where the schema requires it', () => {
  assert.deepEqual([asksForOwner(type('prd')), requiresOwner(type('prd'))], [true, true]);
  assert.deepEqual([asksForOwner(type('user-story')), requiresOwner(type('user-story'))], [true, false]);
});

test('every built-in type: the new document is that type; its only errors are the template text still to replace', () => {
  const engine = createEngine();
  for (const t of builtInDocTypes) {
    const plan = planNewDocument({ ...base, docType: t, title: 'A new one', owner: '@sam', version: '3.1.0', existing: [] });
    const r = engine.lint(plan.text, { path: plan.path });
    assert.equal(r.docType?.type, t.type);
    const errors = r.findings.filter((f) => f.severity === 'error' && !/template text/.test(f.message));
    assert.deepEqual(
      errors.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      t.type,
    );
  }
});

test('today() is the local calendar date', () => {
  assert.equal(today(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});

test('a type that declares no idPrefix numbers <TYPE>-1, <TYPE>-2 (pmdocs new plans the same way)', () => {
  const adr = { ...type('epic'), type: 'adr', idPrefix: undefined };
  const plan = planNewDocument({ ...base, docType: adr, title: 'Use Postgres', owner: '@a', existing: [{ path: '/ws/adr/ADR-2-x.md' }] });
  assert.equal(plan.id, 'ADR-3');
  assert.equal(plan.path, '/ws/adr/ADR-3-use-postgres.md');
});
