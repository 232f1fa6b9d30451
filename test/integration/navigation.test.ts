// Navigation between documents in the real editor (issue 14): Go to Definition on an id, Find All
// References, Rename Symbol (with the file rename setting, and both refusals), Ctrl+click links on id
// mentions and workspace symbols. Each answer is checked exactly: files, lines and characters.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  createFile,
  diagnosticsWhen,
  fileUri,
  open,
  reportTimeout,
  ruleOf,
  setSetting,
  validatedWithIndex,
} from './helpers.js';

const PRD = `---
type: prd
id: PRD-1401
title: Accountant exports
status: draft
owner: "@maria"
created: 2026-07-01
---

# PRD-1401: Accountant exports

## Problem

Bookkeepers retype invoices.
`;

const EPIC = `---
type: epic
id: EPIC-1401
title: Exports
status: active
prd: PRD-1401
---

# Exports

Delivers PRD-1401 (and not \`PRD-1401\`, which is code).
`;

const STORY = `---
type: user-story
id: US-1401
title: Export as CSV
status: draft
prd: PRD-1401
epic: EPIC-1401
---

# Export as CSV

See PRD-1401 and EPIC-1401.
`;

/** `file:line:character` (0-based, as VS Code counts) of a location or location link, relative to the workspace. */
function where(l: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in l ? l.targetUri : l.uri;
  const range = 'targetUri' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
  return `${vscode.workspace.asRelativePath(uri)}:${range.start.line}:${range.start.character}-${range.end.character}`;
}

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('navigation between documents', () => {
  let story: vscode.TextEditor;
  const prdUri = fileUri('nav/PRD-1401-accountant-exports.md');
  const epicUri = fileUri('nav/EPIC-1401.md');
  const storyUri = fileUri('nav/US-1401-csv.md');
  /** Position of the n-th (0-based) occurrence of `needle` in the story, plus `into` characters. */
  const inStory = (needle: string, n = 0, into = 2) => {
    const text = story.document.getText();
    let at = -1;
    for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' #${n} not in the story`);
    return story.document.positionAt(at + into);
  };

  suiteSetup(async () => {
    await createFile('nav/PRD-1401-accountant-exports.md', PRD);
    await createFile('nav/EPIC-1401.md', EPIC);
    await createFile('nav/US-1401-csv.md', STORY);
    story = await open(storyUri);
    // Linted with the index, and no unresolved reference: the index holds the PRD and the epic.
    await validatedWithIndex(story.document);
    await diagnosticsWhen(storyUri, (ds) => !ds.some((d) => ruleOf(d) === 'ref-unresolved'), 'the story to see PRD-1401 and EPIC-1401');
  });
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  test('Go to Definition on a front-matter reference and on a body mention: the id line of the document', async () => {
    for (const position of [inStory('prd: PRD-1401', 0, 7), inStory('See PRD-1401', 0, 6)]) {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        storyUri,
        position,
      );
      assert.deepEqual(found.map(where), ['nav/PRD-1401-accountant-exports.md:2:4-12']);
    }
    // The epic, from its mention in the body.
    const epic = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      storyUri,
      inStory('and EPIC-1401', 0, 6),
    );
    assert.deepEqual(epic.map(where), ['nav/EPIC-1401.md:2:4-13']);
  });

  test('Find All References: every reference and body mention across the workspace, not code spans', async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      storyUri,
      inStory('prd: PRD-1401', 0, 7),
    );
    assert.deepEqual(found.map(where).sort(), [
      'nav/EPIC-1401.md:10:9-17',
      'nav/EPIC-1401.md:5:5-13',
      'nav/PRD-1401-accountant-exports.md:2:4-12',
      'nav/PRD-1401-accountant-exports.md:9:2-10',
      'nav/US-1401-csv.md:11:4-12',
      'nav/US-1401-csv.md:5:5-13',
    ]);
  });

  test('document links on id mentions open the document at its id line', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', storyUri);
    const ours = links.filter((l) => l.target?.fragment.startsWith('L'));
    assert.deepEqual(
      ours.map(
        (l) =>
          `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} → ${vscode.workspace.asRelativePath(l.target!)}#${l.target!.fragment}`,
      ),
      [
        '5:5-13 → nav/PRD-1401-accountant-exports.md#L3,5',
        '6:6-15 → nav/EPIC-1401.md#L3,5',
        '11:4-12 → nav/PRD-1401-accountant-exports.md#L3,5',
        '11:17-26 → nav/EPIC-1401.md#L3,5',
      ],
    );
  });

  test('workspace symbols: documents by id and title', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      '1401 accountant',
    );
    const ours = symbols.filter((s) => s.kind === vscode.SymbolKind.File && /^[A-Z]+-\d/.test(s.name));
    assert.deepEqual(
      ours.map((s) => `${s.name} (${s.containerName}) ${where(s.location)}`),
      ['PRD-1401 Accountant exports (prd) nav/PRD-1401-accountant-exports.md:2:4-4'],
    );
    const all = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '1401');
    assert.deepEqual(
      all
        .filter((s) => /^[A-Z]+-1401 /.test(s.name))
        .map((s) => s.name)
        .sort(),
      ['EPIC-1401 Exports', 'PRD-1401 Accountant exports', 'US-1401 Export as CSV'],
    );
  });

  test('rename refuses an id that exists and an id with the wrong prefix, saying why', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', storyUri, inStory('prd: PRD-1401', 0, 7), 'PRD-1'),
      ),
      /PRD-1 already exists: docs\/prd\/PRD-1-saved-searches\.md\. Pick an id no document has\./,
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', storyUri, inStory('prd: PRD-1401', 0, 7), 'EPIC-77'),
      ),
      /'EPIC-77' does not start with 'PRD-', the id prefix of prd documents\./,
    );
  });

  test('rename changes the id, every reference and mention, and renames the file (pmdocs.rename.renameFiles)', async () => {
    const restore = await setSetting('rename.renameFiles', true);
    try {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        storyUri,
        inStory('See PRD-1401', 0, 6),
        'PRD-1499',
      );
      assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit was not applied');
      const renamed = fileUri('nav/PRD-1499-accountant-exports.md');
      assert.equal(await exists(prdUri), false, 'the old file name is gone');
      assert.match(await textOf(renamed), /^---\ntype: prd\nid: PRD-1499\n[\s\S]*\n# PRD-1499: Accountant exports\n/);
      assert.equal(
        await textOf(epicUri),
        EPIC.replace('prd: PRD-1401', 'prd: PRD-1499').replace('Delivers PRD-1401', 'Delivers PRD-1499'),
        'the epic: its reference and its mention, not the code span',
      );
      assert.equal(story.document.getText(), STORY.replaceAll('PRD-1401', 'PRD-1499'));
    } finally {
      await restore();
    }
  });
});
