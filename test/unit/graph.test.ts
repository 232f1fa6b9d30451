// The document graph (core/graph): requirement ids in a PRD's body, the edges the index records, the
// trace of a PRD with its gaps and coverage, and the CodeLens line.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requirementsIn } from '../../src/core/graph/requirements.js';
import { doneTest, lensSummary, traceOf, workspaceTrace, type Gap } from '../../src/core/graph/trace.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { queryAnswers, recordQueries } from '../../src/core/workspace/index.js';
import { indexTexts } from '../helpers/workspaceIndex.js';

const isDone = doneTest(builtInDocTypes);
const gapSubject = (g: Gap): string =>
  g.kind === 'requirement-no-story' ? g.requirement.id : g.kind === 'unknown-requirement' ? `${g.doc.id}→${g.requirement}` : g.story.id!;
const fm = (lines: string, body = '# Doc\n') => `---\n${lines.trim()}\n---\n\n${body}`;

const PRD_BODY = `# Export

## Requirements

| Id | Requirement | Priority |
|---|---|---|
| FR-1 | Export a date range as CSV. | Must |
| **FR-2** | Amounts use a dot. | should |
| 3 | Not an id: no prefix. | must |

- FR-3: The help centre links a sample file (Must)
- [ ] **FR-4** [Could] Column presets
- FR-1 again: a repeated id counts once

\`\`\`text
| FR-9 | inside a code block | Must |
- FR-10: also inside
\`\`\`
`;

describe('requirement ids', () => {
  test('table rows whose first cell is an id and list items that start with one, with their MoSCoW priority', () => {
    const text = fm('type: prd', PRD_BODY);
    const found = requirementsIn(text, text.indexOf('# Export'), 'FR-');
    assert.deepEqual(
      found.map((r) => [r.id, r.priority, r.text, r.line, text.slice(r.start, r.end)]),
      [
        ['FR-1', 'must', 'Export a date range as CSV.', 10, 'FR-1'],
        ['FR-2', 'should', 'Amounts use a dot.', 11, 'FR-2'],
        ['FR-3', 'must', 'The help centre links a sample file (Must)', 14, 'FR-3'],
        ['FR-4', 'could', '[Could] Column presets', 15, 'FR-4'],
      ],
    );
  });

  test('another prefix, a dotted id, and none without the prefix', () => {
    const text = '# R\n\n- REQ-2.1 Something (Should)\n- FR-1 not this prefix\n';
    assert.deepEqual(
      requirementsIn(text, 0, 'REQ-').map((r) => [r.id, r.priority]),
      [['REQ-2.1', 'should']],
    );
    assert.deepEqual(requirementsIn('# Nothing\n', 0, 'FR-'), []);
  });
});

const WS = {
  '/ws/PRD-12.md': fm('type: prd\nid: PRD-12\ntitle: Export\nstatus: approved\nepics: [EPIC-4]\ntarget_release: REL-2.4.0', PRD_BODY),
  '/ws/PRD-13.md': fm('type: prd\nid: PRD-13\ntitle: Reminders\nstatus: abandoned'),
  '/ws/EPIC-4.md': fm('type: epic\nid: EPIC-4\ntitle: Exports\nstatus: active\nowner: "@a"\nimplements: [PRD-12#FR-3]'),
  '/ws/US-1.md': fm(
    'type: user-story\nid: US-1\ntitle: Export range\nstatus: done\nprd: PRD-12\nimplements: [PRD-12#FR-1, PRD-12#FR-7]\nrelease: REL-2.4.0',
  ),
  '/ws/US-2.md': fm('type: user-story\nid: US-2\ntitle: Dots\nstatus: done\nepic: EPIC-4\nimplements: [PRD-12#FR-2]'),
  '/ws/US-3.md': fm('type: user-story\nid: US-3\ntitle: Orphan\nstatus: draft'),
  '/ws/REL-2.4.0.md': fm('type: release-notes\nid: REL-2.4.0\ntitle: R\nstatus: released\nversion: "2.4.0"\nstories: [US-1]'),
};

describe('the trace of a PRD', () => {
  const index = indexTexts(WS);

  test('requirements → stories and epics → releases, gaps and coverage', () => {
    const t = traceOf(index, 'PRD-12', isDone)!;
    assert.deepEqual(
      t.requirements.map((r) => [r.requirement.id, r.stories.map((s) => s.doc.id), r.epics.map((e) => e.doc.id), r.done]),
      [
        ['FR-1', ['US-1'], [], true],
        ['FR-2', ['US-2'], [], true],
        ['FR-3', [], ['EPIC-4'], false],
        ['FR-4', [], [], false],
      ],
    );
    assert.deepEqual(
      t.epics.map((e) => [e.doc.id, e.stories.map((s) => s.doc.id)]),
      [['EPIC-4', ['US-2']]],
    );
    assert.deepEqual(
      t.stories.map((s) => [s.doc.id, s.done, s.releases.map((r) => r.id)]),
      [
        ['US-1', true, ['REL-2.4.0']],
        ['US-2', true, []],
      ],
    );
    assert.deepEqual(
      t.releases.map((r) => r.id),
      ['REL-2.4.0'],
    );
    assert.deepEqual(
      t.gaps.map((g) => [g.kind, gapSubject(g)]),
      [
        ['requirement-no-story', 'FR-4'],
        ['unknown-requirement', 'US-1→FR-7'],
        ['story-no-release', 'US-2'],
      ],
    );
    assert.deepEqual(t.coverage, { requirements: 4, covered: 3, delivered: 2, percent: 75, stories: 2, storiesDone: 2 });
    assert.equal(traceOf(index, 'PRD-99', isDone), undefined);
  });

  test('the workspace: every PRD, the stories that reach none, the totals', () => {
    const w = workspaceTrace(index, isDone);
    assert.deepEqual(
      w.prds.map((t) => t.prd.id),
      ['PRD-12', 'PRD-13'],
    );
    assert.deepEqual(
      w.orphans.map((d) => d.id),
      ['US-3'],
    );
    assert.deepEqual(w.totals, { prds: 2, requirements: 4, covered: 3, delivered: 2, percent: 75, stories: 2, storiesDone: 2, gaps: 3 });
  });

  test('the CodeLens line of a PRD and of an epic', () => {
    const doc = (id: string) => index.withId(id)[0]!;
    assert.equal(lensSummary(index, doc('PRD-12'), isDone), '2 stories · 2 done · 3/4 requirements covered · in REL-2.4.0');
    assert.equal(lensSummary(index, doc('EPIC-4'), isDone), '1 story · 1 done');
    assert.equal(lensSummary(index, doc('US-1'), isDone), undefined);
  });

  test('a trace asks the index recorded questions: a new implementing story changes their answers', () => {
    const { index: recorded, queries } = recordQueries(index);
    traceOf(recorded, 'PRD-12', isDone);
    const asked = queries();
    assert.ok(asked.includes('refs:PRD-12'), asked.join(' '));
    const before = queryAnswers(index, asked);
    const after = indexTexts({
      ...WS,
      '/ws/US-4.md': fm('type: user-story\nid: US-4\ntitle: Presets\nstatus: draft\nimplements: [PRD-12#FR-4]'),
    });
    assert.notEqual(queryAnswers(after, asked), before);
    const unrelated = indexTexts({ ...WS, '/ws/US-5.md': fm('type: user-story\nid: US-5\ntitle: Other\nstatus: draft\nprd: PRD-13') });
    assert.equal(queryAnswers(unrelated, asked), before, 'a story of another PRD does not touch PRD-12’s trace');
  });
});
