// The doc types added after the first four, in a real VS Code: each type's snippet, expanded by VS Code
// in a new file (an id typed into its first tab stop), is detected as its type and validates clean, and
// the preview's header card shows the facts particular to that type.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, open, reportTimeout, validated, writeFile } from './helpers.js';
import type { RenderedState } from '../../src/extension/preview/panel.js';

interface Case {
  snippet: string;
  type: string;
  id: string;
  /** Facts (label + value as the card shows them) particular to the type. */
  card: RegExp[];
}

const fact = (label: string, value: string) => new RegExp(`<dt>${label}</dt><dd[^>]*>${value}</dd>`);

const CASES: Case[] = [
  {
    snippet: 'pmdocs: Experiment',
    type: 'experiment',
    id: 'EXP-41',
    card: [
      fact('Primary metric', 'checkout conversion'),
      fact('Variants', 'control 50 % · treatment 50 %'),
      fact('Guardrails', 'p95 page load'),
      fact('α', '0.05'),
      fact('Power', '0.8'),
      fact('Sample size per variant', '15000'),
    ],
  },
  {
    snippet: 'pmdocs: Launch',
    type: 'launch',
    id: 'LAUNCH-41',
    card: [fact('Launch tier', 't0'), fact('Rollback criteria', 'error rate of the new feature above 2 % for 10 minutes')],
  },
  {
    snippet: 'pmdocs: OKR',
    type: 'okr',
    id: 'OKR-41',
    card: [fact('Objective', 'Finance teams close their month in Ledgerly'), fact('Key results', '2')],
  },
  {
    snippet: 'pmdocs: risk register',
    type: 'risk-register',
    id: 'RISK-41',
    card: [fact('Review cadence', 'biweekly'), fact('Risks', '1 · 0 high \\(score ≥ 12\\)'), fact('Scale', '1–5 × 1–5')],
  },
];

const waitForContent = (uri: vscode.Uri, version: number, cardIncludes?: string) =>
  vscode.commands.executeCommand<RenderedState>('pmdocs.preview.test.waitForContent', uri.toString(), version, cardIncludes);

suite('newer doc types: snippet and preview card', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  for (const c of CASES) {
    test(`'${c.snippet}' expands to a clean ${c.type} whose preview card shows its facts`, async () => {
      const uri = await writeFile(`newer-types/${c.type}.md`, '');
      const editor = await open(uri);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: c.snippet });
      await vscode.commands.executeCommand('type', { text: c.id });
      await vscode.commands.executeCommand('leaveSnippet');
      const text = editor.document.getText();
      assert.match(text, new RegExp(`^---\\ntype: ${c.type}\\nid: ${c.id}\\n`), `the skeleton was inserted:\n${text}`);
      const result = await validated(editor.document);
      assert.equal(result.docType?.type, c.type);
      assert.deepEqual(
        result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`),
        [],
      );

      await vscode.commands.executeCommand('pmdocs.openPreviewToSide', uri);
      const shown = await waitForContent(uri, editor.document.version, `<span class="pmdocs-id">${c.id}</span>`);
      for (const expected of c.card) assert.match(shown.card, expected);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  }
});
