// CHANGELOG.md in the real editor: detected by its name with no front matter, the change-type synonym
// and canonical-heading quick fixes clear their diagnostics, the outline lists the releases, hover on a
// version shows its counts, and Release Changelog is one edit that one Undo takes back.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsWhen, open, reportTimeout, ruleOf, validated, writeFile } from './helpers.js';

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- Export invoices as CSV.

## v1.1.0 (2026-05-20)

### Bug Fixes

- Totals round half-cents correctly.

## [1.0.0] - 2026-03-01

### Added

- First release: invoices, customers and payments.

### Fixed

- Invoice numbers no longer repeat after a restore.
`;

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // As in authoring.test.ts: right after a cold start the workbench may drop or empty a request.
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const actions = answer.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
      if (actions.length || attempt >= 5) return actions;
    } catch (e) {
      if (attempt >= 5 || (e as Error)?.name !== 'Canceled') throw e;
    }
  }
}

const hasRule = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === rule);
const lacksRule = (rule: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => ruleOf(d) === rule);

suite('changelog', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);
  suiteSetup(async () => {
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  });

  test("quick fix 'Rename to Fixed' on '### Bug Fixes' clears its diagnostic", async () => {
    const uri = await writeFile('changelog-a/CHANGELOG.md', CHANGELOG);
    const editor = await open(uri);
    const [diagnostic] = (await diagnosticsWhen(uri, hasRule('changelog-change-type'), 'the change-type diagnostic')).filter(
      (d) => ruleOf(d) === 'changelog-change-type',
    );
    assert.equal(editor.document.getText(diagnostic!.range), 'Bug Fixes');
    const actions = await codeActions(uri, diagnostic!.range);
    const fix = actions.find((a) => a.title === "Rename to 'Fixed'");
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(editor.document.getText().includes('\n### Fixed\n\n- Totals round'));
    await diagnosticsWhen(uri, lacksRule('changelog-change-type'), 'the change-type diagnostic to clear');
  });

  test("quick fix 'Write [1.1.0] - 2026-05-20' makes the heading canonical", async () => {
    const uri = await writeFile('changelog-b/CHANGELOG.md', CHANGELOG);
    const editor = await open(uri);
    const [diagnostic] = (await diagnosticsWhen(uri, hasRule('changelog-heading-format'), 'the heading-format diagnostic')).filter(
      (d) => ruleOf(d) === 'changelog-heading-format',
    );
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Information);
    const actions = await codeActions(uri, diagnostic!.range);
    const fix = actions.find((a) => a.title === "Write '[1.1.0] - 2026-05-20'");
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(editor.document.getText().includes('\n## [1.1.0] - 2026-05-20\n'));
    await diagnosticsWhen(uri, lacksRule('changelog-heading-format'), 'the heading-format diagnostic to clear');
  });

  test('the outline lists the releases with date and counts; hover on a version shows its groups', async () => {
    const uri = await writeFile('changelog-c/CHANGELOG.md', CHANGELOG);
    const editor = await open(uri);
    await validated(editor.document);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const top = symbols.find((s) => s.name === 'Changelog');
    assert.ok(top, `symbols: ${symbols.map((s) => s.name).join(', ')}`);
    assert.deepEqual(
      top.children.map((c) => [c.name, c.detail]),
      [
        ['Unreleased', 'Added 1'],
        ['1.1.0', '2026-05-20 · Bug Fixes 1'],
        ['1.0.0', '2026-03-01 · Added 1 · Fixed 1'],
      ],
    );
    const at = editor.document.positionAt(editor.document.getText().indexOf('[1.0.0]') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*1\.0\.0\*\* — released 2026-03-01/);
    assert.match(text, /\| Added \| 1 \|\n\| Fixed \| 1 \|\n\| \*\*total\*\* \| \*\*2\*\* \|/);
  });

  test('Release Changelog turns [Unreleased] into the release in one edit that one Undo takes back', async () => {
    const uri = await writeFile(
      'changelog-d/CHANGELOG.md',
      CHANGELOG.replace('## v1.1.0 (2026-05-20)', '## [1.1.0] - 2026-05-20').replace('### Bug Fixes', '### Fixed'),
    );
    const editor = await open(uri);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('pmdocs.releaseChangelog', '1.2.0', '2026-06-01'), true);
    assert.ok(
      editor.document
        .getText()
        .startsWith('# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-06-01\n\n### Added\n\n- Export invoices as CSV.\n\n## [1.1.0]'),
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });
});
