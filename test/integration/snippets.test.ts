// The contributed snippets, expanded by VS Code itself in a new file: each doc-type skeleton (with an
// id typed into its first tab stop) is detected as its type and validates clean, with today's date.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, open, reportTimeout, validated, writeFile } from './helpers.js';

const CASES = [
  { snippet: 'pmdocs: PRD', type: 'prd', id: 'PRD-41' },
  { snippet: 'pmdocs: Epic', type: 'epic', id: 'EPIC-41' },
  { snippet: 'pmdocs: User story', type: 'user-story', id: 'US-41' },
  { snippet: 'pmdocs: Release notes', type: 'release-notes', id: '4.1.0' },
];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

suite('snippets', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  for (const c of CASES) {
    test(`'${c.snippet}' expands to a ${c.type} that validates clean`, async () => {
      const editor = await open(await writeFile(`snippets/${c.type}.md`, ''));
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: c.snippet });
      // The first tab stop is selected: typing replaces it (and its mirrors, e.g. the release version).
      await vscode.commands.executeCommand('type', { text: c.id });
      await vscode.commands.executeCommand('leaveSnippet');
      const text = editor.document.getText();
      assert.match(text, new RegExp(`^---\\ntype: ${c.type}\\n`), 'the skeleton was inserted');
      assert.ok(text.includes(c.id), `typed id in the text:\n${text}`);
      assert.match(text, new RegExp(`\\ncreated: ${today()}\\n`), 'today via $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE');
      const result = await validated(editor.document);
      assert.equal(result.docType?.type, c.type);
      assert.deepEqual(
        result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`),
        [],
      );
    });
  }

  test('a story gets its acceptance criteria from the scenario snippet and validates clean', async () => {
    const editor = await open(
      await writeFile(
        'snippets/US-42.md',
        '---\ntype: user-story\nid: US-42\ntitle: "Export"\nstatus: draft\n---\n\n# Export\n\n## Story\n\nAs a finance admin, I want to export invoices, so that I can reconcile them.\n\n## Acceptance criteria\n\n',
      ),
    );
    const before = await validated(editor.document);
    assert.deepEqual(
      before.findings.map((f) => f.ruleId),
      ['acceptance-criteria'],
    );
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'pmdocs: Given/When/Then scenario' });
    await vscode.commands.executeCommand('leaveSnippet');
    assert.match(editor.document.getText(), /```gherkin\nScenario: .+\n {2}Given .+\n {2}When .+\n {2}Then .+\n```/);
    assert.deepEqual(
      (await validated(editor.document)).findings.map((f) => f.ruleId),
      [],
    );
  });
});
