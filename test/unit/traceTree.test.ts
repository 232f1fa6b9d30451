// The Trace view's contents (core/graph/traceTree.ts): which PRDs a document belongs to, and each PRD's
// trace as a tree of requirements, epics, stories, releases and gaps; and the CodeLens's line.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { doneTest } from '../../src/core/graph/trace.js';
import { traceTreesFor, type TraceNode } from '../../src/core/graph/traceTree.js';
import { lensLine } from '../../src/core/graph/lensLine.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { parseDoc } from '../../src/core/document/parse.js';
import { indexTexts } from '../helpers/workspaceIndex.js';

const isDone = doneTest(builtInDocTypes);
const fm = (lines: string, body = '# Doc\n') => `---\n${lines.trim()}\n---\n\n${body}`;

const PRD_BODY = `# Export

## Requirements

| Id | Requirement | Priority |
|---|---|---|
| FR-1 | Export a date range as CSV. | Must |
| FR-2 | Amounts use a dot. | Should |
| FR-3 | Column presets. | Could |
`;

const WS = {
  '/ws/PRD-12.md': fm('type: prd\nid: PRD-12\ntitle: Export\nstatus: approved\nepics: [EPIC-4]', PRD_BODY),
  '/ws/PRD-13.md': fm('type: prd\nid: PRD-13\ntitle: Reminders\nstatus: draft'),
  '/ws/EPIC-4.md': fm('type: epic\nid: EPIC-4\ntitle: Exports\nstatus: active\nowner: "@a"'),
  '/ws/US-1.md': fm(
    'type: user-story\nid: US-1\ntitle: Export range\nstatus: done\nprd: PRD-12\nimplements: [PRD-12#FR-1]\nrelease: REL-2.4.0',
  ),
  '/ws/US-2.md': fm('type: user-story\nid: US-2\ntitle: Dots\nstatus: done\nepic: EPIC-4\nimplements: [PRD-12#FR-2]'),
  '/ws/US-3.md': fm('type: user-story\nid: US-3\ntitle: Presets\nstatus: wont-do\nepic: EPIC-4'),
  '/ws/US-9.md': fm('type: user-story\nid: US-9\ntitle: Orphan\nstatus: draft'),
  '/ws/REL-2.4.0.md': fm('type: release-notes\nid: REL-2.4.0\ntitle: R\nstatus: released\nversion: "2.4.0"\nstories: [US-1]'),
};

/** A node and its children as indented lines: `label — description [status, gap] @path:line`. */
function render(nodes: readonly TraceNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.label}${n.description ? ` — ${n.description}` : ''}${n.status || n.gap ? ` [${[n.status, n.gap && 'gap'].filter(Boolean).join(', ')}]` : ''}`,
    ...render(n.children, depth + 1),
  ]);
}

describe('the Trace view’s tree', () => {
  const index = indexTexts(WS);
  const doc = (id: string) => index.withId(id)[0]!;

  test('a PRD: requirements with what implements them, epics with their stories, stories outside epics, releases, gaps', () => {
    assert.deepEqual(render(traceTreesFor(index, doc('PRD-12'), isDone)), [
      'PRD-12 — Export · approved · 66 % covered · 3 stories · 2 done · 2 gaps [open]',
      '  Requirements — 2/3 covered, 2 delivered',
      '    FR-1 — must · Export a date range as CSV. [done]',
      '      US-1 — Export range · done [done]',
      '        REL-2.4.0 — R · released [done]',
      '    FR-2 — should · Amounts use a dot. [done]',
      '      US-2 — Dots · done · in no release [done, gap]',
      '    FR-3 — could · Column presets. · no story [open, gap]',
      '  Epics — 1',
      '    EPIC-4 — Exports · active [open]',
      '      US-2 — Dots · done · in no release [done, gap]',
      '      US-3 — Presets · wont-do [dropped]',
      '  Stories outside epics — 1',
      '    US-1 — Export range · done [done]',
      '      REL-2.4.0 — R · released [done]',
      '  Releases — 1',
      '    REL-2.4.0 — R · released [done]',
      '  Gaps — 2 [gap]',
      '    PRD-12#FR-3 (could) has no story or epic implementing it [gap]',
      "    US-2 is 'done' but in no release [gap]",
    ]);
  });

  test('a cancelled epic is dropped, like a wont-do story (the statuses requirement-no-story and ref-inactive-prd skip)', () => {
    const ws = indexTexts({
      ...WS,
      '/ws/PRD-12.md': fm('type: prd\nid: PRD-12\ntitle: Export\nstatus: approved\nepics: [EPIC-4, EPIC-5]', PRD_BODY),
      '/ws/EPIC-5.md': fm('type: epic\nid: EPIC-5\ntitle: Presets\nstatus: cancelled\nowner: "@a"'),
    });
    const epics = traceTreesFor(ws, ws.withId('PRD-12')[0]!, isDone)[0]!.children.find((n) => n.label === 'Epics')!;
    assert.deepEqual(
      render(epics.children).filter((l) => !l.startsWith(' ')),
      ['EPIC-4 — Exports · active [open]', 'EPIC-5 — Presets · cancelled [dropped]'],
    );
  });

  test('where the nodes lead: a requirement to its line in the PRD, a document to its file', () => {
    const [prd] = traceTreesFor(index, doc('PRD-12'), isDone);
    const fr3 = prd!.children[0]!.children[2]!;
    assert.deepEqual([fr3.label, fr3.path, fr3.line], ['FR-3', '/ws/PRD-12.md', 16]);
    const us1 = prd!.children[0]!.children[0]!.children[0]!;
    assert.deepEqual([us1.label, us1.path], ['US-1', '/ws/US-1.md']);
  });

  test('an epic, a story (directly or through its epic) and a release show the PRD they belong to', () => {
    for (const id of ['EPIC-4', 'US-1', 'US-2', 'US-3', 'REL-2.4.0'])
      assert.deepEqual(
        traceTreesFor(index, doc(id), isDone).map((n) => n.label),
        ['PRD-12'],
        id,
      );
  });

  test('nothing for a story of no PRD, a PRD without stories shows only itself, other types show nothing', () => {
    assert.deepEqual(traceTreesFor(index, doc('US-9'), isDone), []);
    assert.deepEqual(render(traceTreesFor(index, doc('PRD-13'), isDone)), ['PRD-13 — Reminders · draft · 0 stories · 0 done [open]']);
    const other = indexTexts({ '/ws/notes.md': '# Notes\n' });
    assert.deepEqual(
      other.docs.flatMap((d) => traceTreesFor(other, d, isDone)),
      [],
    );
  });
});

describe('the CodeLens line', () => {
  test('the first level-1 heading, else the first heading, else the first line', () => {
    assert.equal(lensLine(parseDoc(fm('type: prd', '## Context\n\n# PRD-12: Export\n'))), 6);
    assert.equal(lensLine(parseDoc(fm('type: prd', 'Intro.\n\n## Context\n'))), 6);
    assert.equal(lensLine(parseDoc(fm('type: prd', 'No heading.\n'))), 0);
  });
});
