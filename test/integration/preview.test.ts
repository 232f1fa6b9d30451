// The preview panel in a real VS Code: it opens for a PRD, its page (real webview, CSP, bundled script)
// confirms the content, it follows an edit, and a click on a finding reveals the finding's line.
// The page's confirmations come as its own messages ('ready'/'rendered'); the click is the exact message
// the page posts for it, handed to the panel through a test-only command (registered in test runs
// only), so it passes the same run-time checks as a real click.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  createFile,
  diagnosticsWhen,
  open,
  replaceText,
  reportTimeout,
  setSetting,
  validated,
  when,
  writeFile,
} from './helpers.js';
import type { RenderedState } from '../../src/extension/preview/panel.js';

const PRD = `---
type: prd
id: PRD-42
title: Preview me
status: building
owner: "@maria"
created: 2026-04-01
tags: [search]
---

# Preview me

## Problem

Agents lose time.

## Non-goals

- Sharing.

## Requirements

| # | Requirement |
|---|---|
| 1 | Save a search. |

## Success metrics

Share of sessions from a saved search: 0 % to 60 %.
`;

const STORY = `---
type: user-story
id: US-48
title: Save a view
status: draft
prd: PRD-48
epic: EPIC-404
estimate: 3
---

# Save a view

## Story

As an agent, I want to save a view, so that I find it again.

## Acceptance criteria

- [ ] The view is in the sidebar.
`;

const waitForContent = (uri: vscode.Uri, version: number, cardIncludes?: string) =>
  vscode.commands.executeCommand<RenderedState>('pmdocs.preview.test.waitForContent', uri.toString(), version, cardIncludes);
const fromPage = (uri: vscode.Uri, message: unknown) =>
  vscode.commands.executeCommand<boolean>('pmdocs.preview.test.receive', uri.toString(), message);
const previewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('pmdocs.preview'));
/** The workbench tells the extension host about tabs asynchronously: wait for the tab event. */
const tabLabelled = (label: string) =>
  when(vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().find((t) => t.label === label), `a preview tab '${label}'`);

suite('preview', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  test('the preview commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['pmdocs.openPreview', 'pmdocs.openPreviewToSide']) assert.ok(all.includes(id), id);
  });

  test('opens for a PRD, shows card, findings and body, follows an edit, and a finding click reveals its line', async () => {
    const uri = await writeFile('preview/PRD-42-preview-me.md', PRD);
    const editor = await open(uri);
    await validated(editor.document);
    await vscode.commands.executeCommand('pmdocs.openPreviewToSide', uri);
    // The page loaded, ran its script under the CSP and confirmed the content of this version.
    const first = await waitForContent(uri, editor.document.version);
    const tab = await tabLabelled('Preview Preview me');
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    assert.match(first.card, /<span class="pmdocs-id">PRD-42<\/span>/);
    assert.match(first.card, /pmdocs-stage-active[^>]*>building</);
    assert.deepEqual(
      first.headings.map((h) => `${h.text}@${h.line}`),
      ['Preview me@11', 'Problem@13', 'Non-goals@17', 'Requirements@21', 'Success metrics@27'],
    );
    assert.match(first.body, /<section class="pmdocs-missing" data-line="17" aria-label="Missing section: Goals">/);
    const goals =
      /<button type="button" class="pmdocs-finding pmdocs-sev-error" data-line="(\d+)"[^>]*>.*?Missing required section 'Goals'/.exec(
        first.findings,
      );
    assert.ok(goals, `no finding for the missing Goals section in: ${first.findings}`);
    assert.equal(goals[1], '13', 'the finding points at the section the missing one should follow');

    // An edit (unsaved, as typed): the page receives the new content, rendered from the new lint result.
    const docEditor = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    await replaceText(docEditor, '## Non-goals', '## Goals\n\n- Agents start from a saved search.\n\n## Non-goals');
    const edited = await waitForContent(uri, docEditor.document.version);
    assert.ok(!edited.body.includes('pmdocs-missing'), 'the placeholder is gone');
    assert.ok(!edited.findings.includes("Missing required section 'Goals'"));
    assert.deepEqual(edited.headings.map((h) => `${h.text}@${h.line}`).slice(2, 4), ['Goals@17', 'Non-goals@21']);

    // A click on a finding (the message the page posts for it) reveals that line in the editor.
    await replaceText(docEditor, 'status: building', 'status: biulding');
    const broken = await waitForContent(uri, docEditor.document.version);
    const status = /<button type="button" class="pmdocs-finding pmdocs-sev-error" data-line="(\d+)"[^>]*>.*?biulding/.exec(broken.findings);
    assert.ok(status, `no finding for the status in: ${broken.findings}`);
    const line = Number(status[1]);
    assert.equal(line, 5);
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    docEditor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await fromPage(uri, { type: 'revealLine', source: uri.toString(), line }), true);
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), uri.toString(), 'the document is the active editor');
    assert.equal(active!.selection.active.line, line - 1, "the cursor is on the finding's line");

    // Messages that fail the checks do nothing.
    for (const bad of [
      { type: 'revealLine', source: uri.toString(), line: 0 },
      { type: 'revealLine', source: 'file:///elsewhere.md', line: 2 },
      { type: 'openLink', source: uri.toString(), href: 42 },
    ]) {
      assert.equal(await fromPage(uri, bad), false, JSON.stringify(bad));
    }
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, line - 1);
  });

  test('a reference chip opens the document it names beside the preview; ids the card does not offer open nothing', async () => {
    await closeAllEditors();
    const prd = await createFile(
      'preview/refs/PRD-48-saved-views.md',
      PRD.replace('PRD-42', 'PRD-48').replace(/Preview me/g, 'Saved views'),
    );
    await createFile('preview/refs/PRD-49-unrelated.md', PRD.replace('PRD-42', 'PRD-49').replace(/Preview me/g, 'Unrelated'));
    const story = await writeFile('preview/refs/US-48-save-a-view.md', STORY);
    const editor = await open(story);
    await validated(editor.document);
    // The index learns of the files just created asynchronously: wait until the story's diagnostics show
    // it knows PRD-48 (only the EPIC-404 reference stays unresolved).
    await diagnosticsWhen(
      story,
      (d) => d.some((x) => x.message.includes('EPIC-404')) && !d.some((x) => x.message.includes("'PRD-48'")),
      'the index to know PRD-48',
    );
    await vscode.commands.executeCommand('pmdocs.openPreviewToSide', story);
    // The chip becomes a button once the workspace index knows PRD-48 (the page confirms that card).
    const shown = await waitForContent(story, editor.document.version, 'class="pmdocs-ref" data-ref="PRD-48"');
    assert.ok(
      shown.card.includes(
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-chip"><button type="button" class="pmdocs-ref" data-ref="PRD-48" title="Saved views · status: building"><span class="pmdocs-chip-label">PRD</span> PRD-48</button></li>',
      ),
      shown.card,
    );
    assert.ok(
      shown.card.includes(
        '<li class="pmdocs-chip pmdocs-link pmdocs-ref-broken" title="EPIC-404: not found in this workspace"><span class="pmdocs-chip-label">Epic</span> <s>EPIC-404</s><span class="sr-only"> (not found)</span></li>',
      ),
      shown.card,
    );
    const openFiles = () => vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).sort();
    const before = openFiles();
    const source = story.toString();

    // Well-formed, but no chip of this card opens them: a broken reference, a document of the workspace
    // this one does not reference, the document itself, a path. The host handles each fully before it
    // answers, so nothing opening is visible right after.
    for (const id of ['EPIC-404', 'PRD-49', 'US-48', 'preview/refs/PRD-48-saved-views.md']) {
      assert.equal(await fromPage(story, { type: 'openReference', source, id }), true, id);
      assert.deepEqual(openFiles(), before, `${id} opened something`);
    }
    // Malformed: dropped by the checks.
    for (const bad of [
      { type: 'openReference', source, id: 42 },
      { type: 'openReference', source, id: '' },
      { type: 'openReference', source, id: 'P'.repeat(201) },
      { type: 'openReference', source: prd.toString(), id: 'PRD-48' },
    ]) {
      assert.equal(await fromPage(story, bad), false, JSON.stringify(bad));
    }
    assert.deepEqual(openFiles(), before);

    // The PRD chip's message: the host resolves PRD-48 itself and opens that file, not in the preview's group.
    assert.equal(await fromPage(story, { type: 'openReference', source, id: 'PRD-48' }), true);
    const opened = await when(
      vscode.window.onDidChangeVisibleTextEditors,
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === prd.toString()),
      'the PRD open in an editor',
    );
    const previewGroup = vscode.window.tabGroups.all.find((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Preview Save a view'),
    );
    assert.ok(previewGroup, 'the preview is still open');
    assert.notEqual(opened.viewColumn, previewGroup.viewColumn, 'the PRD opened beside the preview, not over it');
  });

  test('restored after a window reload: the serializer brings the panel back from its saved state', async () => {
    const uri = await writeFile('preview/PRD-46-restored.md', PRD.replace('PRD-42', 'PRD-46').replace('Preview me', 'Restored'));
    const editor = await open(uri);
    // What VS Code does on reload: a panel of our view type and the state the page saved ({source}).
    assert.equal(await vscode.commands.executeCommand<boolean>('pmdocs.preview.test.restore', { source: uri.toString() }), true);
    const shown = await waitForContent(uri, editor.document.version);
    assert.match(shown.card, /<span class="pmdocs-id">PRD-46<\/span>/);
    await tabLabelled('Preview Restored');
    // A state that names a file that is gone, or no file at all: the panel is closed, nothing breaks.
    const gone = vscode.Uri.joinPath(uri, '../PRD-47-deleted.md');
    for (const state of [{ source: gone.toString() }, { source: '' }, null, 'junk', { source: 42 }]) {
      assert.equal(await vscode.commands.executeCommand<boolean>('pmdocs.preview.test.restore', state), false, JSON.stringify(state));
    }
    // The workbench reports closed tabs asynchronously: wait for it rather than read too early.
    await when(
      vscode.window.tabGroups.onDidChangeTabs,
      () => (previewTabs().some((t) => t.label === 'Preview') ? undefined : true),
      'no empty preview tab left behind',
    );
  });

  test('per document: opening the preview of the same document again reuses its panel', async () => {
    const uri = await writeFile('preview/PRD-43-again.md', PRD.replace('PRD-42', 'PRD-43').replace('Preview me', 'Again'));
    const editor = await open(uri);
    await vscode.commands.executeCommand('pmdocs.openPreviewToSide', uri);
    await waitForContent(uri, editor.document.version);
    await tabLabelled('Preview Again');
    await open(uri);
    await vscode.commands.executeCommand('pmdocs.openPreviewToSide', uri);
    await waitForContent(uri, editor.document.version);
    assert.equal(previewTabs().filter((t) => t.label === 'Preview Again').length, 1, 'no second panel for the same document');
  });

  test('followActiveEditor: one preview that switches to the document the user opens', async () => {
    await closeAllEditors();
    const restore = await setSetting('preview.mode', 'followActiveEditor');
    try {
      const a = await writeFile('preview/PRD-44-first.md', PRD.replace('PRD-42', 'PRD-44').replace('Preview me', 'First'));
      const b = await writeFile('preview/PRD-45-second.md', PRD.replace('PRD-42', 'PRD-45').replace('Preview me', 'Second'));
      const editorA = await open(a);
      await vscode.commands.executeCommand('pmdocs.openPreviewToSide', a);
      await waitForContent(a, editorA.document.version);
      const editorB = await vscode.window.showTextDocument(b, { viewColumn: vscode.ViewColumn.One });
      const shown = await waitForContent(b, editorB.document.version);
      assert.match(shown.card, /<span class="pmdocs-id">PRD-45<\/span>/);
      await tabLabelled('Preview Second');
      assert.equal(previewTabs().length, 1, 'still one preview');
    } finally {
      await restore();
    }
  });
});
