// References between documents in the real editor: the workspace index is read from disk, follows file
// events and unsaved edits, and the documents a change affects are checked again (ref-unresolved,
// release-story-not-done).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  createFile,
  deleteFile,
  diagnosticsWhen,
  open,
  rangeOf,
  replaceText,
  reportTimeout,
  ruleOf,
  show,
  writeFile,
} from './helpers.js';

const story = (id: string, extra: string, status = 'draft') => `---
type: user-story
id: ${id}
title: Remind by email
status: ${status}
estimate: 3
${extra}---

# Remind by email

## Story

As an owner, I want reminders sent for me, so that I stop chasing customers.

## Acceptance criteria

- [x] A reminder goes out 3 days after the due date.
`;

const PRD = `---
type: prd
id: PRD-301
title: Payment reminders
status: draft
owner: "@maria"
created: 2026-07-01
---

# Payment reminders

## Problem

Invoices are paid late.

## Goals

- Late payments from 33 % to 20 % by Q4.

## Non-goals

- SMS reminders.

## Requirements

- Email reminders.

## Success metrics

- Late share from 33 % to 20 %.
`;

const RELEASE = `---
type: release-notes
id: REL-30.1.0
title: Release 30.1.0
status: released
version: "30.1.0"
date: 2026-06-18
stories: [US-302]
---

# Release 30.1.0

## Highlights

Payment reminders by email.

## Added

- Reminders by email.
`;

const has = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === rule);
const lacks = (rule: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => ruleOf(d) === rule);

suite('references between documents', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  test('a story whose prd names a PRD that does not exist is flagged on the value; creating the PRD clears it; deleting it brings it back', async () => {
    const uri = await writeFile('refs/US-301-remind.md', story('US-301', 'prd: PRD-301\n'));
    const editor = await open(uri);
    const [diagnostic] = (await diagnosticsWhen(uri, has('ref-unresolved'), 'the unresolved prd')).filter(
      (d) => ruleOf(d) === 'ref-unresolved',
    );
    assert.equal(show(diagnostic!.range), show(rangeOf(editor.document, 'prd:', 'PRD-301')));
    assert.match(diagnostic!.message, /^prd 'PRD-301' names no document: no prd in the workspace has this id\./);
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);

    const prd = await createFile('refs/PRD-301-reminders.md', PRD);
    await diagnosticsWhen(uri, lacks('ref-unresolved'), 'the diagnostic to clear once the PRD exists');
    await deleteFile(prd);
    await diagnosticsWhen(uri, has('ref-unresolved'), 'the diagnostic back once the PRD is deleted');
  });

  test('an unsaved status change in one editor re-checks the release notes that list the story', async () => {
    const storyUri = await writeFile('refs/US-302-done.md', story('US-302', '', 'done'));
    const releaseUri = await writeFile('refs/REL-30.1.0.md', RELEASE);
    await open(releaseUri);
    await diagnosticsWhen(releaseUri, (ds) => ds.length === 0, 'clean release notes: the story is done');
    const storyEditor = await open(storyUri);
    await replaceText(storyEditor, 'status: done', 'status: in-review');
    const [diagnostic] = (
      await diagnosticsWhen(releaseUri, has('release-story-not-done'), 'the release notes to see the unsaved status')
    ).filter((d) => ruleOf(d) === 'release-story-not-done');
    assert.equal(storyEditor.document.isDirty, true, 'seen before any save');
    assert.equal(show(diagnostic!.range), '8:11-8:17');
    assert.match(diagnostic!.message, /^stories\[0\] 'US-302' \(Remind by email\) has status 'in-review', expected 'done'/);
    await replaceText(storyEditor, 'status: in-review', 'status: done');
    await diagnosticsWhen(releaseUri, (ds) => ds.length === 0, 'clean again once the story is done');
  });
});
