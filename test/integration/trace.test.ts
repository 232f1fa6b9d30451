// The document graph in the real editor (issue 14): the CodeLens on a PRD's and an epic's title (and the
// setting that turns it off), and the Trace view's contents for the active editor, before and after an
// edit to a story's status. Waits on the extension's events (validation, the tree's changes), never on time.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TraceNode } from '../../src/core/graph/traceTree.js';
import {
  closeAllEditors,
  createFile,
  fileUri,
  open,
  pmdocs,
  replaceText,
  reportTimeout,
  setSetting,
  validatedWithIndex,
} from './helpers.js';

const fm = (lines: string, body: string) => `---\n${lines.trim()}\n---\n\n${body}`;

const PRD = fm(
  'type: prd\nid: PRD-1402\ntitle: Trace view\nstatus: approved\nowner: "@maria"\ncreated: 2026-07-01',
  `# PRD-1402: Trace view

## Requirements

| Id | Requirement | Priority |
|---|---|---|
| FR-1 | Export a date range. | Must |
| FR-2 | Choose the columns. | Should |
| FR-3 | Save column presets. | Could |
`,
);
const EPIC = fm('type: epic\nid: EPIC-1402\ntitle: Trace exports\nstatus: active\nowner: "@maria"\nprd: PRD-1402', '# Trace exports\n');
const DONE_STORY = fm(
  'type: user-story\nid: US-1402\ntitle: Export a range\nstatus: done\nprd: PRD-1402\nimplements: [PRD-1402#FR-1]',
  '# Export a range\n',
);
const STORY = fm(
  'type: user-story\nid: US-1403\ntitle: Choose columns\nstatus: draft\nepic: EPIC-1402\nimplements: [PRD-1402#FR-2]',
  '# Choose columns\n',
);
const RELEASE = fm(
  'type: release-notes\nid: REL-14.2.0\ntitle: Trace release\nstatus: released\nversion: "14.2.0"\ndate: 2026-08-01\nstories: [US-1402]',
  '# Release 14.2.0\n',
);

/** Calls `check` now and after each of the events until it returns a value (the suite's timeout ends it). */
async function eventually<T>(check: () => Promise<T | undefined>, events: vscode.Event<unknown>[]): Promise<T> {
  for (;;) {
    let subs: vscode.Disposable[] = [];
    const next = new Promise<void>((resolve) => (subs = events.map((e) => e(() => resolve()))));
    try {
      const value = await check();
      if (value !== undefined) return value;
      await next;
    } finally {
      subs.forEach((s) => s.dispose());
    }
  }
}

let lastSeen = '';

suite('trace: CodeLens and the Trace view', () => {
  const prdUri = fileUri('trace/PRD-1402-trace-view.md');
  const epicUri = fileUri('trace/EPIC-1402.md');
  const storyUri = fileUri('trace/US-1403-columns.md');

  suiteSetup(async () => {
    await createFile('trace/PRD-1402-trace-view.md', PRD);
    await createFile('trace/EPIC-1402.md', EPIC);
    await createFile('trace/US-1402-range.md', DONE_STORY);
    await createFile('trace/US-1403-columns.md', STORY);
    await createFile('trace/REL-14.2.0.md', RELEASE);
  });
  teardown(function (this: Mocha.Context) {
    if (this.currentTest?.state === 'failed' && lastSeen) console.log(`      (last seen: ${lastSeen})`);
    reportTimeout.call(this);
  });
  suiteTeardown(closeAllEditors);

  /** The CodeLenses of a document as `line: title` (0-based lines). */
  const lensesOf = async (uri: vscode.Uri): Promise<string[]> => {
    await vscode.workspace.openTextDocument(uri); // the command answers only for a loaded document
    const lenses = await vscode.commands
      .executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)
      .then(undefined, (e: unknown) => assert.fail(`CodeLenses of ${uri.path}: ${String(e)}`));
    return lenses.filter((l) => l.command?.command === 'pmdocs.showTrace').map((l) => `${l.range.start.line}: ${l.command!.title}`);
  };

  test('CodeLens on the title heading of a PRD and of an epic; none on a story; none with pmdocs.codeLens off', async () => {
    const api = await pmdocs();
    const prd = await open(prdUri);
    await validatedWithIndex(prd.document);
    const expected = ['9: 2 stories · 1 done · 2/3 requirements covered · in REL-14.2.0'];
    // The files were just created: the index may take their events in more than one step.
    await eventually(async () => {
      const found = await lensesOf(prdUri);
      lastSeen = found.join(' | ');
      return found.join() === expected.join() ? found : undefined;
    }, [api.onDidValidate, api.trace.onDidChangeTreeData]);
    assert.deepEqual(await lensesOf(epicUri), ['9: 1 story · 0 done']);
    assert.deepEqual(await lensesOf(storyUri), []);
    const restore = await setSetting('codeLens', false);
    try {
      assert.deepEqual(await lensesOf(prdUri), []);
    } finally {
      await restore();
    }
    assert.deepEqual(await lensesOf(prdUri), expected);
    // The lens's command shows the view.
    await vscode.commands.executeCommand('pmdocs.showTrace').then(undefined, (e: unknown) => assert.fail(`pmdocs.showTrace: ${String(e)}`));
  });

  /** The Trace view's tree as indented lines: `icon label — description`. */
  async function treeLines(): Promise<string[]> {
    const { trace } = await pmdocs();
    const lines: string[] = [];
    const walk = async (nodes: readonly TraceNode[], depth: number) => {
      for (const node of nodes) {
        const item = await trace.getTreeItem(node);
        const label = typeof item.label === 'string' ? item.label : item.label?.label;
        const icon = item.iconPath instanceof vscode.ThemeIcon ? `${item.iconPath.id} ` : '';
        lines.push(`${'  '.repeat(depth)}${icon}${label}${item.description ? ` — ${String(item.description)}` : ''}`);
        await walk((await trace.getChildren(node)) ?? [], depth + 1);
      }
    };
    await walk((await trace.getChildren()) ?? [], 0);
    return lines;
  }

  const treeWhen = async (ok: (lines: string[]) => boolean): Promise<string[]> => {
    const api = await pmdocs();
    return eventually(async () => {
      const lines = await treeLines();
      lastSeen = `${api.trace.followed?.uri.path ?? 'no document followed'}: ${lines.join(' | ') || 'no roots'}`;
      return ok(lines) ? lines : undefined;
    }, [api.trace.onDidChangeTreeData]);
  };

  test('the Trace view follows the active editor and shows an edit to a story’s status', async () => {
    const story = await open(storyUri);
    await validatedWithIndex(story.document);
    const before = await treeWhen((lines) => lines.some((l) => l.includes('US-1403 — Choose columns · draft')));
    assert.deepEqual(before, [
      'circle-large-outline PRD-1402 — Trace view · approved · 66 % covered · 2 stories · 1 done · 1 gap',
      '  Requirements — 2/3 covered, 1 delivered',
      '    pass-filled FR-1 — must · Export a date range.',
      '      pass-filled US-1402 — Export a range · done',
      '        pass-filled REL-14.2.0 — Trace release · released',
      '    circle-large-outline FR-2 — should · Choose the columns.',
      '      circle-large-outline US-1403 — Choose columns · draft',
      '    warning FR-3 — could · Save column presets. · no story',
      '  Epics — 1',
      '    circle-large-outline EPIC-1402 — Trace exports · active',
      '      circle-large-outline US-1403 — Choose columns · draft',
      '  Stories outside epics — 1',
      '    pass-filled US-1402 — Export a range · done',
      '      pass-filled REL-14.2.0 — Trace release · released',
      '  Releases — 1',
      '    pass-filled REL-14.2.0 — Trace release · released',
      '  warning Gaps — 1',
      '    warning PRD-1402#FR-3 (could) has no story or epic implementing it',
    ]);

    // Typing `done` (unsaved) delivers FR-2, and the story, in no release, becomes a gap.
    await replaceText(story, 'status: draft', 'status: done');
    const after = await treeWhen((lines) => lines.some((l) => l.includes('US-1403 — Choose columns · done')));
    assert.deepEqual(after, [
      'circle-large-outline PRD-1402 — Trace view · approved · 66 % covered · 2 stories · 2 done · 2 gaps',
      '  Requirements — 2/3 covered, 2 delivered',
      '    pass-filled FR-1 — must · Export a date range.',
      '      pass-filled US-1402 — Export a range · done',
      '        pass-filled REL-14.2.0 — Trace release · released',
      '    pass-filled FR-2 — should · Choose the columns.',
      '      warning US-1403 — Choose columns · done · in no release',
      '    warning FR-3 — could · Save column presets. · no story',
      '  Epics — 1',
      '    circle-large-outline EPIC-1402 — Trace exports · active',
      '      warning US-1403 — Choose columns · done · in no release',
      '  Stories outside epics — 1',
      '    pass-filled US-1402 — Export a range · done',
      '      pass-filled REL-14.2.0 — Trace release · released',
      '  Releases — 1',
      '    pass-filled REL-14.2.0 — Trace release · released',
      '  warning Gaps — 2',
      '    warning PRD-1402#FR-3 (could) has no story or epic implementing it',
      "    warning US-1403 is 'done' but in no release",
    ]);

    // The view follows the active editor: a Markdown file of no PRD empties it, the epic brings the PRD back.
    const notes = await createFile('trace/notes.md', '# Notes\n\nNothing to trace.\n');
    await open(notes);
    assert.deepEqual(await treeWhen((lines) => lines.length === 0), []);
    await open(epicUri);
    const epicTree = await treeWhen((lines) => lines.length > 0);
    assert.equal(epicTree[0], after[0]);
  });
});
