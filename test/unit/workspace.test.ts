// The workspace index (core/workspace) and the cross-document rules that read it: ref-unresolved,
// duplicate-id, release-story-not-done. Fixtures with their expectations are under
// test/fixtures/rules/<rule>/workspace/; here: exact ranges and messages, the edge cases, the data.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { docTypeFromSchema } from '../../src/core/doctypes/docType.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { indexEntry } from '../../src/core/workspace/entry.js';
import { createWorkspaceIndex, queryAnswers, recordQueries, type IndexedDoc, type WorkspaceIndex } from '../../src/core/workspace/index.js';
import { referenceSites } from '../../src/core/workspace/references.js';
import { completeFrontMatter } from '../../src/core/assist/completion.js';
import { indexTexts } from '../helpers/workspaceIndex.js';
import type { Finding } from '../../src/core/types.js';

const engine = createEngine();
const CONFIG = defaultConfig('/ws');
const type = (name: string) => builtInDocTypes.find((t) => t.type === name)!;

const fm = (lines: string) => `---\n${lines.trim()}\n---\n\n# Doc\n`;
const prd = (id: string, extra = '') => fm(`type: prd\nid: ${id}\ntitle: Invoice export ${id}\nstatus: draft\n${extra}`);
const epic = (id: string, extra = '') => fm(`type: epic\nid: ${id}\ntitle: Exports\nstatus: active\n${extra}`);
const story = (id: string, extra = '', status = 'draft') =>
  fm(`type: user-story\nid: ${id}\ntitle: Story ${id}\nstatus: ${status}\n${extra}`);
const release = (status: string, extra: string) =>
  fm(`type: release-notes\nid: REL-1.0.0\ntitle: Release 1.0.0\nstatus: ${status}\nversion: "1.0.0"\ndate: 2026-06-18\n${extra}`);

const WORKSPACE = {
  '/ws/prd/PRD-12-export.md': prd('PRD-12'),
  '/ws/prd/PRD-14-reminders.md': prd('PRD-14'),
  '/ws/prd/PRD-30-broken.md': prd('PRD_30'),
  '/ws/epics/EPIC-4.md': epic('EPIC-4', 'prd: PRD-12'),
  '/ws/stories/US-1.md': story('US-1', 'prd: PRD-12', 'done'),
  '/ws/stories/US-2.md': story('US-2', 'prd: PRD-12', 'in-review'),
  '/ws/stories/US-3.md': story('US-3', '', 'wont-do'),
  '/ws/stories/US-4.md': story('US-4', '', 'Done'),
  '/ws/stories/US-5.md': '---\ntype: user-story\nid: US-5\ntitle: No status\n---\n',
  '/ws/releases/REL-2.0.0.md': '---\ntype: release-notes\nid: REL-2.0.0\ntitle: "Release: 2.0.0\n---\n', // YAML error
  '/ws/README.md': '# Read me\n',
};
const ws = indexTexts(WORKSPACE);

function lint(text: string, options: { workspace?: WorkspaceIndex; path?: string; config?: ResolvedConfig } = {}): Finding[] {
  return engine.lint(text, {
    path: options.path ?? '/ws/stories/new.md',
    config: options.config ?? CONFIG,
    workspace: 'workspace' in options ? options.workspace : ws,
  }).findings;
}
const of = (ruleId: string, findings: Finding[]) => findings.filter((f) => f.ruleId === ruleId);
/** `line:col-line:col rule message`: what a user sees. */
const show = (f: Finding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`;

describe('the index', () => {
  test('an entry holds path, type, id, status, title and the references, from the front matter only', () => {
    assert.deepEqual(indexEntry(story('US-1', 'prd: PRD-12', 'done'), '/ws/US-1.md', CONFIG), {
      path: '/ws/US-1.md',
      type: 'user-story',
      id: 'US-1',
      idOk: true,
      status: 'done',
      title: 'Story US-1',
      refs: [{ key: 'prd', id: 'PRD-12' }],
    });
    assert.equal(indexEntry('# No front matter\n', '/ws/a.md', CONFIG), undefined);
    assert.equal(
      indexEntry(fm('title: A Jekyll post\nlayout: post'), '/ws/post.md', CONFIG),
      undefined,
      'front matter of no pmdocs type and no id',
    );
  });

  test('a broken id, a missing id or unreadable front matter: indexed, but found by the file name only', () => {
    const byPath = new Map(ws.docs.map((d) => [d.path, d]));
    assert.deepEqual(byPath.get('/ws/prd/PRD-30-broken.md'), {
      path: '/ws/prd/PRD-30-broken.md',
      type: 'prd',
      id: 'PRD_30',
      idOk: false,
      status: 'draft',
      title: 'Invoice export PRD_30',
    });
    assert.deepEqual(
      byPath.get('/ws/releases/REL-2.0.0.md'),
      { path: '/ws/releases/REL-2.0.0.md', type: 'release-notes', idOk: false },
      'the type survives a YAML error',
    );
    assert.equal(indexEntry(prd('US-7'), '/ws/x.md', CONFIG)?.idOk, false, 'the prefix of another type');
    assert.equal(indexEntry(prd('PRD-7a'), '/ws/x.md', CONFIG)?.idOk, false, "the prefix, but not the schema's pattern");
    assert.equal(byPath.has('/ws/README.md'), false);
    assert.deepEqual(ws.withId('PRD_30'), []);
    assert.deepEqual(
      ws.namedAfter('PRD-30').map((d) => d.path),
      ['/ws/prd/PRD-30-broken.md'],
    );
    assert.deepEqual(
      ws.namedAfter('REL-2.0.0').map((d) => d.path),
      ['/ws/releases/REL-2.0.0.md'],
    );
    assert.deepEqual(ws.namedAfter('PRD-3'), [], "'PRD-3' is not the name of PRD-30-broken.md");
  });

  test('lookups: by id (several for a duplicate), by type in id order, paths relative to the root', () => {
    const dup = createWorkspaceIndex({
      root: '/ws',
      docs: [entry('/ws/b.md', 'PRD-2'), entry('/ws/a.md', 'PRD-2'), entry('/ws/c.md', 'PRD-10')],
    });
    assert.deepEqual(
      dup.withId('PRD-2').map((d) => d.path),
      ['/ws/a.md', '/ws/b.md'],
    );
    assert.deepEqual(
      dup.ofType('prd').map((d) => d.id),
      ['PRD-2', 'PRD-2', 'PRD-10'],
    );
    assert.equal(dup.display('/ws/docs/a.md'), 'docs/a.md');
    assert.equal(dup.display('/elsewhere/a.md'), '/elsewhere/a.md');
  });

  test('recorded questions: the answers change when a referenced document changes, not when another one does', () => {
    const { index, queries } = recordQueries(ws);
    lintWith(index, release('released', 'stories: [US-1]'));
    // Released notes also ask for the workspace's changelogs (changelog-release-notes) and the other
    // release notes (semver-underbump's previous release, release-order's dates).
    assert.deepEqual(queries(), ['id:REL-1.0.0', 'id:US-1', 'typed:changelog', 'typed:release-notes']);
    const changed = (path: string, text: string) => indexTexts({ ...WORKSPACE, [path]: text });
    const now = queryAnswers(ws, queries());
    assert.equal(queryAnswers(changed('/ws/stories/US-2.md', story('US-2', '', 'done')), queries()), now, 'another story');
    assert.notEqual(queryAnswers(changed('/ws/stories/US-1.md', story('US-1', '', 'in-review')), queries()), now, 'the listed story');
    assert.notEqual(
      queryAnswers(changed('/ws/CHANGELOG.md', '# Changelog\n\n## [1.0.0] - 2026-05-01\n'), queries()),
      now,
      'a changelog appears',
    );
    assert.notEqual(queryAnswers(undefined, queries()), now, 'no index at all');
  });

  test('the engine reports what the rules asked, only when it was given an index', () => {
    assert.deepEqual(engine.lint(story('US-9', 'prd: PRD-12\nepic: EPIC-4'), { path: '/ws/US-9.md', workspace: ws }).workspaceQueries, [
      'id:EPIC-4',
      'id:PRD-12',
      'id:US-9',
    ]);
    assert.deepEqual(engine.lint('# Just Markdown\n', { path: '/ws/README.md', workspace: ws }).workspaceQueries, []);
    assert.equal(engine.lint(story('US-9', 'prd: PRD-12'), { path: '/ws/US-9.md' }).workspaceQueries, undefined);
  });
});

function entry(path: string, id: string, extra: Partial<IndexedDoc> = {}): IndexedDoc {
  return { path, type: 'prd', id, idOk: true, ...extra };
}

function lintWith(index: WorkspaceIndex, text: string) {
  return engine.lint(text, { path: '/ws/releases/new.md', config: CONFIG, workspace: index });
}

describe('reference fields come from the schemas (x-pmdocs.references)', () => {
  test('a story: prd, epic, release and every links list; anchors are not part of the id; non-text values are skipped', () => {
    const data = {
      prd: 'PRD-12',
      epic: 'EPIC-4',
      release: 'REL-1.0.0',
      links: { depends_on: ['US-1', 'US-2#ac'], relates_to: [12, 'PRD-14'] },
      title: 'PRD-12',
    };
    const sites = referenceSites(type('user-story'), data).map((s) => [
      s.path.join('.'),
      s.id,
      s.ref.types.join('|') || '*',
      s.ref.requireDone,
    ]);
    assert.deepEqual(sites, [
      ['prd', 'PRD-12', 'prd', false],
      ['epic', 'EPIC-4', 'epic', false],
      ['release', 'REL-1.0.0', 'release-notes', false],
      ['links.depends_on.0', 'US-1', '*', false],
      ['links.depends_on.1', 'US-2', '*', false],
      ['links.relates_to.1', 'PRD-14', '*', false],
    ]);
  });

  test('release notes: the stories must be done, the prds need not', () => {
    const sites = referenceSites(type('release-notes'), { stories: ['US-1'], prds: ['PRD-12'] });
    assert.deepEqual(
      sites.map((s) => [s.path.join('.'), s.ref.types[0], s.ref.requireDone]),
      [
        ['stories.0', 'user-story', true],
        ['prds.0', 'prd', false],
      ],
    );
    assert.deepEqual(type('release-notes').doneStatuses, ['released']);
    assert.deepEqual(type('user-story').doneStatuses, ['done']);
  });

  test('completion reads the same annotation: ids of the named type, of any type for links', () => {
    const known = ws.docs.filter((d) => d.idOk).map((d) => ({ id: d.id!, type: d.type }));
    const at = (src: string) => {
      const offset = src.indexOf('|');
      const text = src.slice(0, offset) + src.slice(offset + 1);
      const result = engine.lint(text, { path: '/ws/x.md', config: CONFIG });
      return completeFrontMatter({ doc: result.doc, offset, docType: result.docType, docTypes: builtInDocTypes, knownDocs: known }).map(
        (c) => c.label,
      );
    };
    assert.deepEqual(at('---\ntype: user-story\nid: US-9\nepic: |\n---\n'), ['EPIC-4']);
    assert.deepEqual(at('---\ntype: user-story\nid: US-9\nlinks:\n  relates_to: [|]\n---\n'), [
      'PRD-12',
      'PRD-14',
      'EPIC-4',
      'US-1',
      'US-2',
      'US-3',
      'US-4',
      'US-5',
    ]);
  });
});

describe('ref-unresolved', () => {
  test('an id no document has: on the value, with a did-you-mean one typo away (a swap counts as one)', () => {
    const text = story('US-9', 'prd: PRD-41\nstories_note: x');
    assert.deepEqual(of('ref-unresolved', lint(text)).map(show), [
      "6:6-6:12 ref-unresolved prd 'PRD-41' names no document: no prd in the workspace has this id. Did you mean 'PRD-14' (Invoice export PRD-14)?",
    ]);
    const far = of('ref-unresolved', lint(story('US-9', 'prd: PRD-99')));
    assert.equal(far[0]!.message, "prd 'PRD-99' names no document: no prd in the workspace has this id.");
  });

  test('a list item: the span is that item (quotes included), the message names its place', () => {
    const text = release('planned', 'stories:\n  - US-1\n  - "US-8"');
    const [f] = of('ref-unresolved', lint(text));
    assert.equal(
      show(f!),
      "10:5-10:11 ref-unresolved stories[1] 'US-8' names no document: no user-story in the workspace has this id. Did you mean 'US-1' (Story US-1), 'US-2' (Story US-2) or 'US-3' (Story US-3)?",
    );
    assert.equal(text.slice(f!.start, f!.end), '"US-8"');
  });

  test('the wrong type: names what the id is and what was expected; the schema finding on the same value gives way', () => {
    const findings = lint(story('US-9', 'epic: PRD-12'));
    assert.deepEqual(findings.filter((f) => f.line === 6).map(show), [
      "6:7-6:13 ref-unresolved epic 'PRD-12' names a prd (prd/PRD-12-export.md), not an epic: expected an epic id (EPIC-<number>).",
    ]);
  });

  test('silent: without an index; for a document whose own id is broken (found by its file name); for a bare version', () => {
    assert.deepEqual(of('ref-unresolved', lint(story('US-9', 'prd: PRD-404'), { workspace: undefined })), []);
    assert.deepEqual(of('ref-unresolved', lint(story('US-9', 'prd: PRD-30\nrelease: REL-2.0.0'))), []);
    assert.deepEqual(of('ref-unresolved', lint(epic('EPIC-9', 'target_release: "3.0.0"'))), []);
    assert.deepEqual(
      of('ref-unresolved', lint(epic('EPIC-9', 'target_release: REL-3.0.0'))).map((f) => f.message),
      ["target_release 'REL-3.0.0' names no document: no release-notes in the workspace has this id."],
    );
  });

  test('a value the schema rejects and no document has: only the schema says so', () => {
    const findings = lint(story('US-9', 'prd: prd-404'));
    assert.deepEqual(
      findings.filter((f) => f.line === 6).map((f) => f.ruleId),
      ['frontmatter-schema'],
    );
  });

  test('links take any type; an anchor after the id is fine', () => {
    assert.deepEqual(of('ref-unresolved', lint(story('US-9', 'links:\n  relates_to: ["PRD-12#goals", EPIC-4, US-77]'))).map(show), [
      "7:40-7:45 ref-unresolved links.relates_to[2] 'US-77' names no document: no document in the workspace has this id.",
    ]);
  });

  test('a workspace type declares its own references; the type is checked even where its schema has no pattern', () => {
    const adr = docTypeFromSchema(
      {
        $id: 'urn:test:adr',
        type: 'object',
        properties: {
          type: { const: 'adr' },
          id: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'string' },
          decides: { type: 'string', 'x-pmdocs': { references: ['prd', 'epic'] } },
        },
        'x-pmdocs': { type: 'adr', idPrefix: 'ADR-' },
      },
      { builtIn: false, name: 'adr' },
    );
    const config = { ...defaultConfig('/ws'), docTypes: [adr] };
    const text = fm('type: adr\nid: ADR-1\ntitle: Use CSV\nstatus: accepted\ndecides: US-1');
    assert.deepEqual(
      of('ref-unresolved', lint(text, { config })).map((f) => f.message),
      [
        "decides 'US-1' names a user-story (stories/US-1.md), not a prd or an epic: expected a prd id (PRD-<number>) or an epic id (EPIC-<number>).",
      ],
    );
    assert.deepEqual(of('ref-unresolved', lint(text.replace('US-1', 'EPIC-4'), { config })), []);
  });
});

describe('duplicate-id', () => {
  const dup = indexTexts({
    '/ws/a/PRD-7.md': prd('PRD-7'),
    '/ws/b/PRD-7.md': prd('PRD-7'),
    '/ws/c/PRD-7.md': prd('PRD-7'),
    '/ws/d/PRD-7.md': prd('PRD-7'),
    '/ws/e/PRD-7.md': prd('PRD-7'),
    '/ws/US-7.md': story('PRD-8'),
  });

  test('on the id, naming the other files (three, then how many more)', () => {
    assert.deepEqual(of('duplicate-id', lint(prd('PRD-7'), { workspace: dup, path: '/ws/a/PRD-7.md' })).map(show), [
      "3:5-3:10 duplicate-id id 'PRD-7' is also the id of b/PRD-7.md, c/PRD-7.md, d/PRD-7.md and 1 more: every document needs its own id, or references to PRD-7 are ambiguous. Give one of them a new id.",
    ]);
    const two = indexTexts({ '/ws/a.md': prd('PRD-7'), '/ws/b.md': prd('PRD-7') });
    assert.match(
      of('duplicate-id', lint(prd('PRD-7'), { workspace: two, path: '/ws/a.md' }))[0]!.message,
      /^id 'PRD-7' is also the id of b\.md: /,
    );
  });

  test('silent: a unique id, a malformed one (another rule says so), no index', () => {
    assert.deepEqual(of('duplicate-id', lint(prd('PRD-8'), { workspace: dup, path: '/ws/PRD-8.md' })), []);
    assert.deepEqual(of('duplicate-id', lint(story('PRD-7'), { workspace: dup, path: '/ws/x.md' })), []);
    assert.deepEqual(of('duplicate-id', lint(prd('PRD-7'), { workspace: undefined, path: '/ws/a/PRD-7.md' })), []);
  });
});

describe('release-story-not-done', () => {
  test('released notes listing a story in review or dropped: on the item, with status found and expected', () => {
    const text = release('released', 'stories:\n  - US-1\n  - US-2\n  - US-3');
    assert.deepEqual(of('release-story-not-done', lint(text)).map(show), [
      "10:5-10:9 release-story-not-done stories[1] 'US-2' (Story US-2) has status 'in-review', expected 'done': a release-notes that is 'released' lists only user-story documents that are 'done'. Finish it, or take it out of stories.",
      "11:5-11:9 release-story-not-done stories[2] 'US-3' (Story US-3) has status 'wont-do', expected 'done': a release-notes that is 'released' lists only user-story documents that are 'done'. Finish it, or take it out of stories.",
    ]);
  });

  test('silent: planned or yanked notes; a story whose own status is missing or not a status; a story that does not exist; no index', () => {
    assert.deepEqual(of('release-story-not-done', lint(release('planned', 'stories: [US-2]'))), []);
    assert.deepEqual(of('release-story-not-done', lint(release('yanked', 'yanked_reason: broke\nstories: [US-2]'))), []);
    assert.deepEqual(of('release-story-not-done', lint(release('released', 'stories: [US-4, US-5, US-99]'))), []);
    assert.deepEqual(of('release-story-not-done', lint(release('released', 'stories: [US-2]'), { workspace: undefined })), []);
  });

  test('the statuses are data: a workspace type with its own done status and a list that requires done', () => {
    const milestone = docTypeFromSchema(
      {
        $id: 'urn:test:milestone',
        type: 'object',
        properties: {
          type: { const: 'milestone' },
          id: { type: 'string' },
          title: { type: 'string' },
          status: { enum: ['open', 'shipped'] },
          delivers: { type: 'array', items: { type: 'string', 'x-pmdocs': { references: 'user-story', requireDone: true } } },
        },
        'x-pmdocs': { type: 'milestone', idPrefix: 'MS-', doneStatuses: ['shipped'] },
      },
      { builtIn: false, name: 'milestone' },
    );
    const config = { ...defaultConfig('/ws'), docTypes: [milestone], rules: { 'release-story-not-done': 'warning' as const } };
    const text = fm('type: milestone\nid: MS-1\ntitle: Q3\nstatus: shipped\ndelivers: [US-1, US-2]');
    const [f] = of('release-story-not-done', lint(text, { config }));
    assert.equal(f!.severity, 'warning');
    assert.equal(
      f!.message,
      "delivers[1] 'US-2' (Story US-2) has status 'in-review', expected 'done': a milestone that is 'shipped' lists only user-story documents that are 'done'. Finish it, or take it out of delivers.",
    );
    assert.deepEqual(of('release-story-not-done', lint(text.replace('status: shipped', 'status: open'), { config })), []);
  });
});

test('odd values in reference fields never throw and are left to the schema', () => {
  const odd = [
    'prd: 12\nepic: [EPIC-4]\nrelease: {id: REL-1.0.0}\nlinks: depends',
    'links:\n  depends_on: [null, {a: 1}, 12, "", "#anchor-only"]',
    'prd: ""\nepic: null',
  ];
  for (const extra of odd) {
    const findings = lint(story('US-9', extra));
    assert.ok(!findings.some((f) => f.message.includes('failed on this document')), extra);
    assert.deepEqual(
      of('ref-unresolved', findings).map((f) => f.message),
      [],
      extra,
    );
  }
  const weird = indexTexts({ '/ws/a.md': '---\nid: [1, 2]\ntype: prd\nstatus: {x: 1}\ntitle: 5\n---\n', '/ws/b.md': '---\n---\n' });
  assert.deepEqual(weird.docs, [{ path: '/ws/a.md', type: 'prd', idOk: false }]);
  assert.deepEqual(of('release-story-not-done', lint(release('released', 'stories: [US-1]'), { workspace: weird })), []);
});
