// The doc types beyond the first four, in a real VS Code: each type's snippet, expanded by VS Code with an
// id typed into its first tab stop, is detected as its type and validates clean; and the preview's header
// card shows the type, the id and the type's own facts (decision makers, authors…).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, open, reportTimeout, validated, writeFile } from './helpers.js';
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
    card: [/<span class="pmdocs-type">Decision record<\/span>/, /<span class="pmdocs-id">ADR-0041<\/span>/, /pmdocs-stage-planning[^>]*>proposed</, /<dt>Date<\/dt>/],
  },
  {
    type: 'rfc',
    snippet: 'pmdocs: RFC',
    id: 'RFC-41',
    card: [/<span class="pmdocs-type">RFC<\/span>/, /<span class="pmdocs-id">RFC-41<\/span>/, /<dt>Authors<\/dt><dd>@owner<\/dd>/],
  },
];

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
      assert.deepEqual(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`), []);

      await vscode.commands.executeCommand('pmdocs.openPreviewToSide', uri);
      const shown = await waitForContent(uri, editor.document.version);
      for (const fragment of c.card) assert.match(shown.card, fragment);
    });
  }
});
