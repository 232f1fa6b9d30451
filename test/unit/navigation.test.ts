// Navigation in core (core/navigation): where documents name ids, definition, references, workspace
// symbols, document links and rename planning, on a small in-memory workspace. Exact positions
// (0-based line and character, as editors count) and messages.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/config/types.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { parseDoc } from '../../src/core/document/parse.js';
import { indexEntry } from '../../src/core/workspace/entry.js';
import { createWorkspaceIndex, queryAnswers, type IndexedDoc } from '../../src/core/workspace/index.js';
import { findMentions, idPrefixes, isIdWord } from '../../src/core/navigation/mentions.js';
import { definitionOf, mentionAt, referencesOf } from '../../src/core/navigation/occurrences.js';
import { workspaceSymbols } from '../../src/core/navigation/symbols.js';
import { documentLinks } from '../../src/core/navigation/links.js';
import { planRename } from '../../src/core/navigation/rename.js';

const CONFIG = defaultConfig('/ws');
const type = (name: string) => builtInDocTypes.find((t) => t.type === name)!;
const PREFIXES = idPrefixes(builtInDocTypes);

const FILES: Record<string, string> = {
  '/ws/prd/PRD-12-export.md': [
    '---',
    'type: prd',
    'id: PRD-12',
    'title: Invoice CSV export',
    'status: draft',
    '---',
    '',
    '# PRD-12: Invoice CSV export',
    '',
    'Follows PRD-9 and replaces PRD-12-old, see `PRD-9` too.',
    '',
  ].join('\n'),
  '/ws/prd/PRD-9.md': '---\ntype: prd\nid: PRD-9\ntitle: Reports\nstatus: draft\n---\n\nSee PRD-12. And PRD-12.\n',
  '/ws/epics/EPIC-4.md': [
    '---',
    'type: epic',
    'id: EPIC-4',
    'title: Exports',
    'status: active',
    'prd: "PRD-12"',
    '---',
    '',
    'Delivers [PRD-12](../prd/PRD-12-export.md).',
    '',
    '```',
    'PRD-12 in a code block',
    '```',
    '~~~~md',
    '```',
    'PRD-12 still in the tilde fence',
    '~~~~',
    'Last: PRD-12#requirements, (PRD-12), REL-2.4.0.',
  ].join('\n'),
  '/ws/stories/US-1.md':
    '---\ntype: user-story\nid: US-1\ntitle: Download\nstatus: draft\nprd: PRD-12#requirements\nepic: EPIC-4\n---\n\n# Story\n',
  '/ws/releases/REL-2.4.0.md':
    '---\ntype: release-notes\nid: REL-2.4.0\ntitle: Release 2.4.0\nstatus: draft\nversion: "2.4.0"\nstories: [US-1]\n---\n\nShips US-1 (PRD-12).\n',
  '/ws/prd/PRD-13-taken.md': '---\ntype: prd\nid: PRD-13\ntitle: Taken\nstatus: draft\n---\n',
};

function build(files: Record<string, string> = FILES) {
  const docs: IndexedDoc[] = [];
  for (const [path, text] of Object.entries(files)) {
    const entry = indexEntry(text, path, CONFIG, undefined, { mentions: true });
    if (entry) docs.push(entry);
  }
  return createWorkspaceIndex({ root: '/ws', docs: docs.sort((a, b) => (a.path < b.path ? -1 : 1)) });
}
const index = build();
const brief = (list: { path: string; line: number; character: number; kind: string }[]) =>
  list.map((o) => `${o.path.replace('/ws/', '')}:${o.line}:${o.character} ${o.kind}`);

describe('mentions', () => {
  test('the id, front-matter references and body mentions, outside code, with exact positions', () => {
    const epic = parseDoc(FILES['/ws/epics/EPIC-4.md']!, '/ws/epics/EPIC-4.md');
    assert.deepEqual(findMentions(epic, type('epic'), PREFIXES), [
      { id: 'EPIC-4', kind: 'id', line: 2, character: 4 },
      { id: 'PRD-12', kind: 'ref', line: 5, character: 6 }, // inside the quotes
      { id: 'PRD-12', kind: 'body', line: 8, character: 10 }, // link text; the file name in the URL is no id
      { id: 'PRD-12', kind: 'body', line: 17, character: 6 },
      { id: 'PRD-12', kind: 'body', line: 17, character: 28 },
      { id: 'REL-2.4.0', kind: 'body', line: 17, character: 37 }, // the sentence's full stop is not part of it
    ]);
  });

  test('a word that merely starts like an id, a code span and an id glued to a word are no mentions', () => {
    const prd = parseDoc(FILES['/ws/prd/PRD-12-export.md']!, '/ws/prd/PRD-12-export.md');
    assert.deepEqual(
      findMentions(prd, type('prd'), PREFIXES).map((m) => `${m.id}@${m.line}:${m.character}`),
      ['PRD-12@2:4', 'PRD-12@7:2', 'PRD-9@9:8', 'PRD-12-old@9:27'],
    );
    const glued = parseDoc('Body with xPRD-1, EPIC_PRD-2 and sub-PRD-3 but (US-7)\r\nand US-8\n');
    assert.deepEqual(
      findMentions(glued, undefined, PREFIXES).map((m) => `${m.id}@${m.line}:${m.character}`),
      ['US-7@0:48', 'US-8@1:4'],
    );
  });

  test('the index stores mentions only when asked, and the lint queries do not see them', () => {
    const plain = indexEntry(FILES['/ws/prd/PRD-9.md']!, '/ws/prd/PRD-9.md', CONFIG)!;
    assert.equal(plain.mentions, undefined);
    const withMentions = indexEntry(FILES['/ws/prd/PRD-9.md']!, '/ws/prd/PRD-9.md', CONFIG, undefined, { mentions: true })!;
    assert.equal(withMentions.mentions!.length, 3);
    const a = createWorkspaceIndex({ root: '/ws', docs: [plain] });
    const b = createWorkspaceIndex({ root: '/ws', docs: [withMentions] });
    assert.equal(queryAnswers(a, ['all', 'id:PRD-9']), queryAnswers(b, ['all', 'id:PRD-9']));
  });

  test('isIdWord', () => {
    assert.equal(isIdWord('PRD-40'), true);
    assert.equal(isIdWord('REL-2.5.0-rc.1'), true);
    assert.equal(isIdWord('PRD 40'), false);
    assert.equal(isIdWord('PRD-40.'), false);
  });
});

describe('definition and references', () => {
  test('definition: the id line of the document that has the id', () => {
    assert.deepEqual(brief(definitionOf(index, 'PRD-12')), ['prd/PRD-12-export.md:2:4 id']);
    assert.deepEqual(definitionOf(index, 'PRD-99'), []);
  });

  test('references: every front-matter reference and body mention, declaration optional', () => {
    assert.deepEqual(brief(referencesOf(index, 'PRD-12')), [
      'epics/EPIC-4.md:5:6 ref',
      'epics/EPIC-4.md:8:10 body',
      'epics/EPIC-4.md:17:6 body',
      'epics/EPIC-4.md:17:28 body',
      'prd/PRD-12-export.md:2:4 id',
      'prd/PRD-12-export.md:7:2 body',
      'prd/PRD-9.md:7:4 body',
      'prd/PRD-9.md:7:16 body',
      'releases/REL-2.4.0.md:9:12 body',
      'stories/US-1.md:5:5 ref',
    ]);
    assert.equal(referencesOf(index, 'PRD-12', { includeDeclaration: false }).length, 9);
  });

  test('live mentions of an open document replace what the index holds for it', () => {
    const live = new Map([['/ws/prd/PRD-9.md', [{ id: 'PRD-12', kind: 'body' as const, line: 20, character: 1 }]]]);
    const refs = brief(referencesOf(index, 'PRD-12', { live })).filter((r) => r.startsWith('prd/PRD-9'));
    assert.deepEqual(refs, ['prd/PRD-9.md:20:1 body']);
  });

  test('mentionAt: the mention under a position, its end included', () => {
    const mentions = index.withId('PRD-9')[0]!.mentions!;
    assert.equal(mentionAt(mentions, 7, 4)?.id, 'PRD-12');
    assert.equal(mentionAt(mentions, 7, 10)?.id, 'PRD-12');
    assert.equal(mentionAt(mentions, 7, 11), undefined);
  });
});

describe('workspace symbols and links', () => {
  test('symbols: every document with an id, filtered by the query characters in order', () => {
    assert.deepEqual(
      workspaceSymbols(index, '').map((s) => s.id),
      ['EPIC-4', 'PRD-9', 'PRD-12', 'PRD-13', 'REL-2.4.0', 'US-1'],
    );
    assert.deepEqual(
      workspaceSymbols(index, 'csv exp').map((s) => `${s.id} ${s.title} ${s.line}:${s.character}`),
      ['PRD-12 Invoice CSV export 2:4'],
    );
    assert.deepEqual(
      workspaceSymbols(index, 'prd1').map((s) => s.id),
      ['PRD-12', 'PRD-13'],
    );
  });

  test('links: references and mentions of ids other documents define, to their id line', () => {
    const epic = index.withId('EPIC-4')[0]!;
    const links = documentLinks(index, epic.path, epic.mentions!);
    assert.deepEqual(
      links.map((l) => `${l.id}@${l.line}:${l.character} → ${l.target.path}:${l.target.line}`),
      [
        'PRD-12@5:6 → /ws/prd/PRD-12-export.md:2',
        'PRD-12@8:10 → /ws/prd/PRD-12-export.md:2',
        'PRD-12@17:6 → /ws/prd/PRD-12-export.md:2',
        'PRD-12@17:28 → /ws/prd/PRD-12-export.md:2',
        'REL-2.4.0@17:37 → /ws/releases/REL-2.4.0.md:2',
      ],
    );
    // Its own id and the mention of itself in its title link nowhere; PRD-12-old is no document.
    const prd = index.withId('PRD-12')[0]!;
    assert.deepEqual(
      documentLinks(index, prd.path, prd.mentions!).map((l) => l.id),
      ['PRD-9'],
    );
  });
});

describe('rename', () => {
  const docTypes = builtInDocTypes;

  test('edits the id, every reference and mention, and renames the file that starts with the id', () => {
    const outcome = planRename(index, 'PRD-12', 'PRD-40', { docTypes, renameFiles: true });
    assert.ok(outcome.ok);
    assert.deepEqual(
      outcome.plan.files.map(
        (f) => `${f.path.replace('/ws/', '')}: ${f.edits.map((e) => `${e.line}:${e.character}+${e.length}`).join(' ')}`,
      ),
      [
        'epics/EPIC-4.md: 5:6+6 8:10+6 17:6+6 17:28+6',
        'prd/PRD-40-export.md: 2:4+6 7:2+6', // the renamed file, by its new name
        'prd/PRD-9.md: 7:4+6 7:16+6',
        'releases/REL-2.4.0.md: 9:12+6',
        'stories/US-1.md: 5:5+6',
      ],
    );
    assert.ok(outcome.plan.files.every((f) => f.edits.every((e) => e.newText === 'PRD-40')));
    assert.deepEqual(outcome.plan.fileRename, { from: '/ws/prd/PRD-12-export.md', to: '/ws/prd/PRD-40-export.md' });
  });

  test('without renameFiles, or when the file name does not start with the id, no file is renamed', () => {
    const a = planRename(index, 'PRD-12', 'PRD-40', { docTypes });
    assert.ok(a.ok && !a.plan.fileRename);
    const b = planRename(index, 'US-1', 'US-2', { docTypes, renameFiles: true });
    assert.ok(b.ok);
    assert.deepEqual(b.plan.fileRename, { from: '/ws/stories/US-1.md', to: '/ws/stories/US-2.md' });
  });

  test('refuses an id that exists, a wrong prefix, a wrong shape, an unknown id', () => {
    const message = (id: string, newId: string) => {
      const o = planRename(index, id, newId, { docTypes });
      return o.ok ? 'ok' : o.message;
    };
    assert.equal(message('PRD-12', 'PRD-13'), 'PRD-13 already exists: prd/PRD-13-taken.md. Pick an id no document has.');
    assert.equal(message('PRD-12', 'EPIC-40'), "'EPIC-40' does not start with 'PRD-', the id prefix of prd documents.");
    assert.equal(message('PRD-12', 'PRD-4x'), "'PRD-4x' does not have the shape of a prd id (e.g. PRD-12).");
    assert.equal(
      message('PRD-12', 'PRD-4 0'),
      "'PRD-4 0' is not one word of letters, digits, '.', '-', '_' or '+': mentions of it could not be found again.",
    );
    assert.equal(message('PRD-77', 'PRD-78'), 'No document of this workspace has the id PRD-77, so there is nothing to rename.');
    assert.equal(message('PRD-12', ' PRD-12 '), 'The new id is the same as the old one (PRD-12).');
  });

  test('refuses a file rename onto another document', () => {
    const files = { ...FILES, '/ws/prd/PRD-40-export.md': '---\ntype: user-story\nid: US-9\ntitle: Misplaced\nstatus: draft\n---\n' };
    const o = planRename(build(files), 'PRD-12', 'PRD-40', { docTypes, renameFiles: true });
    assert.deepEqual(o, { ok: false, message: 'Renaming prd/PRD-12-export.md to prd/PRD-40-export.md would replace that document.' });
  });
});
