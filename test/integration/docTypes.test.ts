// The doc types beyond the first four, in a real VS Code: each type's snippet, expanded by VS Code with an
// id typed into its first tab stop, is detected as its type and validates clean; and the preview's header
// card shows the type, the id and the type's own facts (decision makers, authors…).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, createFile, diagnosticsWhen, open, replaceText, reportTimeout, ruleOf, validated, writeFile } from './helpers.js';
import type { RenderedState } from '../../src/extension/preview/panel.js';

interface Case {
  type: string;
  snippet: string;
  id: string;
  /** Fragments the header card must hold once the snippet is expanded. */
  card: RegExp[];
}

const CASES: Case[] = [
  {
    type: 'decision',
    snippet: 'pmdocs: Decision record',
    id: 'ADR-0041',
    card: [
      /<span class="pmdocs-type">Decision record<\/span>/,
      /<span class="pmdocs-id">ADR-0041<\/span>/,
      /pmdocs-stage-planning[^>]*>proposed</,
      /<dt>Date<\/dt>/,
    ],
  },
  {
    type: 'rfc',
    snippet: 'pmdocs: RFC',
    id: 'RFC-41',
    card: [/<span class="pmdocs-type">RFC<\/span>/, /<span class="pmdocs-id">RFC-41<\/span>/, /<dt>Authors<\/dt><dd>@owner<\/dd>/],
  },
  {
    type: 'roadmap',
    snippet: 'pmdocs: Roadmap',
    id: 'RM-41',
    card: [
      /<span class="pmdocs-type">Roadmap<\/span>/,
      /<span class="pmdocs-id">RM-41<\/span>/,
      /<dt>Layout<\/dt><dd>now-next-later<\/dd>/,
    ],
  },
];

const PRD_61 = `---
type: prd
id: PRD-61
title: Card payments
status: draft
owner: "@maria"
created: 2026-07-01
---

# Card payments

## Problem

Customers cannot pay by card.

## Goals

- A third of invoices paid by card by 2026-12-31 (baseline 0).

## Non-goals

- Wallets.

## Requirements

- Pay an invoice by card.

## Success metrics

- Share paid by card: 0 % to 33 %.
`;

const ROADMAP = `---
type: roadmap
id: RM-61
title: Payments roadmap
status: draft
owner: "@maria"
items:
  - title: Customers pay by card
    horizon: now
    refs: [PRD-61]
  - title: Wallets
    horizon: later
    refs: [PRD-404]
---

# Payments roadmap

## Vision

Customers pay the way they like.
`;

const decision = (id: string, title: string, status: string, extra: string) => `---
type: decision
id: ${id}
title: ${title}
status: ${status}
date: 2026-05-02
decision-makers: ["@cto"]
${extra}---

# ${title}

## Context and Problem Statement

Reminders need a sender that retries and records what it sent; which one do we run?

## Considered Options

- A cron job on the web server
- The billing service's own scheduler

## Decision Outcome

Chosen option: "The billing service's own scheduler", because it already retries and keeps a log.
`;

const waitForContent = (uri: vscode.Uri, version: number) =>
  vscode.commands.executeCommand<RenderedState>('pmdocs.preview.test.waitForContent', uri.toString(), version);

suite('doc types: snippet and preview card', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  for (const c of CASES) {
    test(`${c.type}: the snippet validates clean and the preview card shows its facts`, async () => {
      const uri = await writeFile(`doctypes/${c.type}.md`, '');
      const editor = await open(uri);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: c.snippet });
      await vscode.commands.executeCommand('type', { text: c.id });
      await vscode.commands.executeCommand('leaveSnippet');
      const text = editor.document.getText();
      assert.match(text, new RegExp(`^---\\ntype: ${c.type}\\nid: ${c.id}\\n`), text);
      const result = await validated(editor.document);
      assert.equal(result.docType?.type, c.type);
      assert.deepEqual(
        result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`),
        [],
      );

      await vscode.commands.executeCommand('pmdocs.openPreviewToSide', uri);
      const shown = await waitForContent(uri, editor.document.version);
      for (const fragment of c.card) assert.match(shown.card, fragment);
    });
  }

  test('roadmap: a Now item with a draft PRD and an id that names nothing are flagged through the workspace index; moving the item clears the first', async () => {
    await createFile('doctypes/PRD-61-card-payments.md', PRD_61);
    const uri = await writeFile('doctypes/RM-61-payments.md', ROADMAP);
    const editor = await open(uri);
    const both = await diagnosticsWhen(
      uri,
      (ds) => ['roadmap-horizon-status', 'ref-unresolved'].every((r) => ds.some((d) => ruleOf(d) === r)),
      'the roadmap findings',
    );
    const horizon = both.find((d) => ruleOf(d) === 'roadmap-horizon-status')!;
    assert.match(horizon.message, /^Roadmap item 'Customers pay by card' is in Now, but PRD-61 \(Card payments\) is still 'draft'/);
    assert.equal(horizon.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(horizon.range), 'PRD-61');
    assert.equal(editor.document.getText(both.find((d) => ruleOf(d) === 'ref-unresolved')!.range), 'PRD-404');
    await replaceText(editor, 'horizon: now', 'horizon: next');
    await diagnosticsWhen(uri, (ds) => !ds.some((d) => ruleOf(d) === 'roadmap-horizon-status'), 'the horizon warning to clear');
  });
  test('decision: a supersedes link the old record does not confirm is flagged through the workspace index; confirming it in the other file clears it', async () => {
    const oldUri = await createFile(
      'doctypes/ADR-0071-cron-reminders.md',
      decision('ADR-0071', 'Send reminders from a cron job', 'accepted', ''),
    );
    const uri = await writeFile(
      'doctypes/ADR-0072-billing-reminders.md',
      decision('ADR-0072', 'Send reminders from the billing service', 'accepted', 'supersedes: [ADR-0071]\n'),
    );
    const editor = await open(uri);
    const flagged = await diagnosticsWhen(uri, (ds) => ds.some((d) => ruleOf(d) === 'supersession-reciprocal'), 'the supersession finding');
    const finding = flagged.find((d) => ruleOf(d) === 'supersession-reciprocal')!;
    assert.match(
      finding.message,
      /^ADR-0072 supersedes ADR-0071 \(Send reminders from a cron job\), but ADR-0071 does not say so: set its status to superseded \(it is 'accepted'\)/,
    );
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(finding.range), 'ADR-0071');
    assert.equal(finding.range.start.line, 7);
    // The old record is edited (unsaved) in its own editor: the new record's finding goes.
    const oldEditor = await open(oldUri);
    await replaceText(oldEditor, 'status: accepted\n', 'status: superseded\nsuperseded_by: ADR-0072\n');
    await diagnosticsWhen(uri, (ds) => !ds.some((d) => ruleOf(d) === 'supersession-reciprocal'), 'the supersession finding to clear');
  });
});
