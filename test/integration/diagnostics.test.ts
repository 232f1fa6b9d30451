// Diagnostics in the real editor: the right ranges for each doc type, cleared as you type, held back
// until save in onSave mode, none for a README, dropped on close and on delete.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  diagnosticsWhen,
  open,
  rangeOf,
  replaceText,
  reportTimeout,
  ruleOf,
  setSetting,
  show,
  validated,
  writeFile,
  pmdocs,
} from './helpers.js';

const PRD = `---
type: prd
id: PRD-5
title: Bulk edit
status: aproved
owner: "@maria"
created: 2026-04-01
---

# Bulk edit

## Problem

Agents edit tickets one by one.

## Goals

- A bulk change takes 1 action instead of 20.

## Requirements

- Select up to 100 tickets at once.

## Success metrics

- Time per bulk change: from 5 minutes to 30 seconds.
`;

const EPIC = `---
type: epic
id: EPIC-3
title: Ticket tools
status: open
owner: "@maria"
---

# Ticket tools

## Summary

Tools for agents.
`;

const STORY = `---
type: user-story
id: US-4
title: Edit many tickets
status: ready
estimate: 4
---

# Edit many tickets

## Story

As a support agent, I want to edit many tickets at once.

## Acceptance criteria

- [ ] Choosing a status for ten selected tickets changes the status of all ten.
`;

const RELEASE = `---
type: release-notes
id: REL-1.10.0
title: Release 1.10.0
status: planned
version: 1.10
---

# Release 1.10.0

## Highlights

Bulk edit.

## Added

- Bulk edit of tickets.
`;

interface Expected {
  rule: string;
  severity: vscode.DiagnosticSeverity;
  /** Line prefix and the text the range must cover. */
  at: [string, string];
  message: RegExp;
}

const { Error: E, Information: I } = vscode.DiagnosticSeverity;

const CASES: { type: string; file: string; text: string; expected: Expected[] }[] = [
  {
    type: 'prd',
    file: 'diag/PRD-5-bulk-edit.md',
    text: PRD,
    expected: [
      { rule: 'frontmatter-schema', severity: E, at: ['status:', 'aproved'], message: /Did you mean 'approved'\?/ },
      { rule: 'required-section', severity: E, at: ['## Goals', '## Goals'], message: /Missing required section 'Non-goals'/ },
    ],
  },
  {
    type: 'epic',
    file: 'diag/EPIC-3-ticket-tools.md',
    text: EPIC,
    expected: [{ rule: 'frontmatter-schema', severity: E, at: ['status:', 'open'], message: /Allowed: proposed, active, done, cancelled/ }],
  },
  {
    type: 'user-story',
    file: 'diag/US-4-edit-many-tickets.md',
    text: STORY,
    expected: [
      { rule: 'frontmatter-schema', severity: E, at: ['estimate:', '4'], message: /estimate 4 is not allowed/ },
      {
        rule: 'user-story-statement',
        severity: I,
        at: ['As a', 'As a support agent, I want to edit many tickets at once'],
        message: /so that <benefit>/,
      },
    ],
  },
  {
    type: 'release-notes',
    file: 'diag/REL-1.10.0.md',
    text: RELEASE,
    expected: [{ rule: 'yaml-coerced-scalar', severity: E, at: ['version:', '1.10'], message: /read as the number 1\.1/ }],
  },
];

suite('diagnostics', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  for (const c of CASES) {
    test(`${c.type}: each problem at its exact range, with rule id, docs link and severity`, async () => {
      const uri = await writeFile(c.file, c.text);
      const editor = await open(uri);
      const result = await validated(editor.document);
      assert.equal(result.docType?.type, c.type);
      const diagnostics = await diagnosticsWhen(uri, (d) => d.length === c.expected.length, `${c.expected.length} diagnostics`);
      const actual = diagnostics.map((d) => `${ruleOf(d)} ${show(d.range)} ${vscode.DiagnosticSeverity[d.severity]}`).sort();
      const wanted = c.expected
        .map((e) => `${e.rule} ${show(rangeOf(editor.document, e.at[0], e.at[1]))} ${vscode.DiagnosticSeverity[e.severity]}`)
        .sort();
      assert.deepEqual(actual, wanted);
      for (const e of c.expected) {
        const d = diagnostics.find((x) => ruleOf(x) === e.rule)!;
        assert.match(d.message, e.message);
        assert.equal(d.source, 'pmdocs');
        assert.ok(
          typeof d.code === 'object' && d.code.target.toString().endsWith(`/docs/rules/${e.rule}.md`),
          `docs link of ${e.rule}: ${JSON.stringify(d.code)}`,
        );
      }
    });
  }

  test('fixing the text clears the diagnostics as you type, before any save', async () => {
    const uri = await writeFile(
      'diag/PRD-6-typing.md',
      PRD.replace('PRD-5', 'PRD-6').replace('## Requirements', '## Non-goals\n\n- Undo.\n\n## Requirements'),
    );
    const editor = await open(uri);
    const before = await diagnosticsWhen(uri, (d) => d.length === 1, 'the enum error');
    assert.equal(ruleOf(before[0]!), 'frontmatter-schema');
    await replaceText(editor, 'aproved', 'approved');
    await diagnosticsWhen(uri, (d) => d.length === 0, 'no diagnostics after the fix');
    assert.equal(editor.document.isDirty, true, 'cleared while typing, not by a save');
  });

  test('fast typing: every published result is for the version on screen, the last one wins', async () => {
    const restoreDebounce = await setSetting('debounceMs', 0); // a check after nearly every keystroke
    try {
      const api = await pmdocs();
      // Ids unique in the workspace (authoring/ has PRD-8 and PRD-9): duplicate-id would speak otherwise.
      const uri = await writeFile(
        'diag/PRD-19-fast.md',
        PRD.replace('PRD-5', 'PRD-19')
          .replace('aproved', 'approved')
          .replace('## Requirements', '## Non-goals\n\n- Undo.\n\n## Requirements'),
      );
      const editor = await open(uri);
      await validated(editor.document);
      const stale: string[] = [];
      const sub = api.onDidValidate((e) => {
        if (e.uri.toString() === uri.toString() && e.version !== editor.document.version)
          stale.push(`v${e.version} published while v${editor.document.version} was on screen`);
      });
      try {
        // Twelve edits without waiting: the status flips between a wrong and a right value.
        for (let i = 0; i < 12; i++)
          await replaceText(editor, i % 2 ? 'status: aproved' : 'status: approved', i % 2 ? 'status: approved' : 'status: aproved');
        const last = await validated(editor.document);
        assert.deepEqual(
          last.findings.map((f) => f.ruleId),
          [],
          'the final text (status: approved) is clean',
        );
        await diagnosticsWhen(uri, (d) => d.length === 0, 'no diagnostics for the final text');
      } finally {
        sub.dispose();
      }
      assert.deepEqual(stale, []);
    } finally {
      await restoreDebounce();
    }
  });

  test('a README without front matter gets no diagnostics', async () => {
    const editor = await open(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'README.md'));
    const result = await validated(editor.document);
    assert.equal(result.docType, undefined);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'pmdocs'),
      [],
    );
  });

  test('pmdocs.run = onSave: typing changes nothing until the document is saved', async () => {
    const restoreRun = await setSetting('run', 'onSave');
    const restoreDebounce = await setSetting('debounceMs', 0); // in onType mode this would lint at once
    try {
      const api = await pmdocs();
      const uri = await writeFile(
        'diag/PRD-18-on-save.md',
        PRD.replace('PRD-5', 'PRD-18')
          .replace('aproved', 'approved')
          .replace('## Requirements', '## Non-goals\n\n- Undo.\n\n## Requirements'),
      );
      const editor = await open(uri);
      assert.deepEqual((await validated(editor.document)).findings, []);
      const seen: { version?: number; dirty: boolean; findings: number }[] = [];
      const sub = api.onDidValidate(
        (e) =>
          e.uri.toString() === uri.toString() &&
          seen.push({ version: e.version, dirty: editor.document.isDirty, findings: e.findings.length }),
      );
      try {
        await replaceText(editor, 'status: approved', 'status: aproved');
        await vscode.workspace.fs.stat(uri); // a round trip through the host, so a zero-delay timer would have fired
        assert.deepEqual(
          vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pmdocs'),
          [],
          'no diagnostics before the save',
        );
        assert.ok(await editor.document.save());
        const after = await diagnosticsWhen(uri, (d) => d.length === 1, 'the enum error after save');
        assert.equal(ruleOf(after[0]!), 'frontmatter-schema');
        assert.ok(seen.length > 0 && seen.every((s) => !s.dirty), `validated only once saved: ${JSON.stringify(seen)}`);
      } finally {
        sub.dispose();
      }
    } finally {
      await restoreDebounce();
      await restoreRun();
    }
  });

  test('closing a document drops its diagnostics', async () => {
    const uri = await writeFile('diag/EPIC-4-close.md', EPIC.replace('EPIC-3', 'EPIC-4'));
    // Opened the way a user opens it: VS Code keeps documents an extension opened alive for minutes.
    await vscode.commands.executeCommand('vscode.open', uri);
    await diagnosticsWhen(uri, (d) => d.length === 1, 'the enum error');
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => d.uri.toString() === uri.toString() && (sub.dispose(), resolve()));
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await diagnosticsWhen(uri, (d) => d.length === 0, 'no diagnostics after close');
  });

  test('deleting a file drops its diagnostics', async () => {
    const uri = await writeFile('diag/EPIC-5-delete.md', EPIC.replace('EPIC-3', 'EPIC-5'));
    await open(uri);
    await diagnosticsWhen(uri, (d) => d.length === 1, 'the enum error');
    await vscode.workspace.fs.delete(uri);
    await diagnosticsWhen(uri, (d) => d.length === 0, 'no diagnostics after delete');
  });
});
