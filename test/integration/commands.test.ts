// The palette commands: New Document (next free id, next to its siblings, opened, never overwriting),
// Validate Workspace (files that are not open end up in the Problems panel), Open Rule Documentation
// and Show Output.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  diagnosticsWhen,
  fileUri,
  open,
  readFile,
  replaceText,
  reportTimeout,
  ruleOf,
  validated,
  when,
  writeFile,
} from './helpers.js';
import type { WorkspaceSummary } from '../../src/extension/commands/validateWorkspace.js';
import type { StatusBarSnapshot } from '../../src/extension/statusBar.js';

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

suite('commands', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  test('every command is registered under the pmdocs category', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['pmdocs.newDocument', 'pmdocs.validateWorkspace', 'pmdocs.showOutput', 'pmdocs.openRuleDocumentation'])
      assert.ok(all.includes(id), id);
  });

  test('New Document writes the PRD with the next free id next to the other PRDs and opens it', async () => {
    // A folder with its own .pmdocs.json: ids are numbered per config root, so other tests' files do not count.
    await writeFile('newdoc/.pmdocs.json', '{}\n');
    const prd = (id: string) => `---\ntype: prd\nid: ${id}\ntitle: Old\nstatus: archived\nowner: "@x"\ncreated: 2025-01-01\n---\n`;
    await writeFile('newdoc/prd/PRD-1-a.md', prd('PRD-1'));
    await writeFile('newdoc/prd/PRD-2-b.md', prd('PRD-2'));
    await writeFile('newdoc/archive/old-one.md', prd('PRD-7')); // the id in the front matter counts, whatever the file name
    await open(await writeFile('newdoc/notes/README.md', '# Notes\n')); // where the user is working
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pmdocs.newDocument', {
      type: 'prd',
      title: 'Bulk edit for tickets',
      owner: '@sam',
    });
    assert.ok(uri, 'the command returned no file');
    assert.equal(vscode.workspace.asRelativePath(uri), 'newdoc/prd/PRD-8-bulk-edit-for-tickets.md');
    const text = await readFile(uri);
    assert.match(
      text,
      /^---\ntype: prd\nid: PRD-8\ntitle: "Bulk edit for tickets"\nstatus: draft\nowner: "@sam"\ncreated: \d{4}-\d{2}-\d{2}\n---\n\n# Bulk edit for tickets\n/,
    );
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'opened in the editor');
    const result = await validated(vscode.window.activeTextEditor!.document);
    assert.equal(result.docType?.type, 'prd');
    const errors = result.findings.filter((f) => f.severity === 'error' && !/template text/.test(f.message));
    assert.deepEqual(
      errors.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      'no errors in a new document but the template text to replace',
    );
  });

  test('New Document for release notes takes its id from the version and never overwrites', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pmdocs.newDocument', {
      type: 'release-notes',
      title: 'Release 2.0.0',
      version: '2.0.0',
      folder: fileUri('releases'),
    });
    assert.equal(vscode.workspace.asRelativePath(uri), 'releases/REL-2.0.0.md');
    const first = await readFile(uri);
    assert.match(first, /\nid: REL-2\.0\.0\n/);
    assert.match(first, /\nversion: "2\.0\.0"\n/);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('pmdocs.newDocument', {
      type: 'release-notes',
      title: 'Again',
      version: '2.0.0',
      folder: fileUri('releases'),
    });
    assert.equal(again, undefined, 'a second REL-2.0.0 is refused');
    assert.equal(await readFile(uri), first, 'the existing file is untouched');
  });

  test('row: New Document (editor) with a version or title holding ../: the version is refused, the title keeps the file inside the folder', async () => {
    const folder = fileUri('newdoc-escape');
    const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('pmdocs.newDocument', {
      type: 'release-notes',
      title: 'Escape',
      version: '../../../../tmp/pmdocs-escape',
      folder,
      open: false,
    });
    assert.equal(refused, undefined, 'the version ../ is refused');
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, '../../../../tmp/pmdocs-escape.md'))),
      'nothing written outside',
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pmdocs.newDocument', {
      type: 'prd',
      title: '../../../etc/cron.d/x',
      owner: '@sam',
      folder,
      open: false,
    });
    assert.ok(uri, 'the command returned no file');
    assert.match(vscode.workspace.asRelativePath(uri), /^newdoc-escape\/PRD-\d+-etc-cron-d-x\.md$/);
  });

  test('Validate Workspace reports problems in files that are not open', async () => {
    const broken = await writeFile(
      'closed/US-77-never-opened.md',
      '---\ntype: user-story\nid: US-77\ntitle: Never opened\nstatus: redy\nestimate: 2\n---\n\n# Never opened\n\n## Story\n\nAs a support agent, I want a thing, so that I can work.\n\n## Acceptance criteria\n\n- [ ] The sidebar lists the saved search.\n',
    );
    const clean = fileUri('docs/stories/US-1-save-a-search.md');
    assert.ok(!isOpen(broken));
    const summary = await vscode.commands.executeCommand<WorkspaceSummary>('pmdocs.validateWorkspace', { silent: true });
    assert.equal(summary.cancelled, false);
    assert.ok(summary.documents >= 3, `documents: ${JSON.stringify(summary)}`);
    assert.ok(summary.errors >= 1, `errors: ${JSON.stringify(summary)}`);
    const diagnostics = await diagnosticsWhen(broken, (d) => d.length === 1, 'the status error');
    assert.equal(ruleOf(diagnostics[0]!), 'frontmatter-schema');
    assert.match(diagnostics[0]!.message, /Did you mean 'ready'\?/);
    assert.deepEqual([diagnostics[0]!.range.start.line, diagnostics[0]!.range.start.character], [4, 8]);
    assert.ok(!isOpen(broken), 'validated without opening it');
    assert.deepEqual(
      vscode.languages.getDiagnostics(clean).filter((d) => d.source === 'pmdocs'),
      [],
      'a clean file gets nothing',
    );
    // A file validated from disk follows the disk: fixing it there clears the Problems panel entry.
    await writeFile('closed/US-77-never-opened.md', (await readFile(broken)).replace('status: redy', 'status: ready'));
    await diagnosticsWhen(broken, (d) => d.length === 0, 'no diagnostics once fixed on disk');
  });

  test('Validate Workspace stops when cancelled: the files after that point are not checked', async () => {
    const story = (n: number) =>
      `---\ntype: user-story\nid: US-${n}\ntitle: Cancel ${n}\nstatus: redy\n---\n\n# Cancel ${n}\n\n## Story\n\nAs a support agent, I want a thing, so that I can work.\n\n## Acceptance criteria\n\n- [ ] The sidebar lists the saved search.\n`;
    const files = await Promise.all([81, 82, 83, 84].map((n) => writeFile(`cancel/US-${n}-cancel.md`, story(n))));
    const flagged = () => files.filter((f) => vscode.languages.getDiagnostics(f).some((d) => d.source === 'pmdocs')).length;
    assert.equal(flagged(), 0, 'nothing checked yet');
    const { summary, messages } = await vscode.commands.executeCommand<{ summary: WorkspaceSummary; messages: string[] }>(
      'pmdocs.test.validateWorkspaceCancelledAfter',
      1,
    );
    assert.equal(summary.cancelled, true);
    assert.equal(messages.length, 1, `progress after the cancel: ${messages.join(' | ')}`);
    assert.match(messages[0]!, new RegExp(`^1/${summary.files} `));
    assert.ok(summary.files >= 4 + 3, `files: ${summary.files}`);
    assert.ok(flagged() <= 1, `${flagged()} of the 4 new files were checked after the cancel`);
    // Run to the end, all four are reported.
    const full = await vscode.commands.executeCommand<WorkspaceSummary>('pmdocs.validateWorkspace', { silent: true });
    assert.equal(full.cancelled, false);
    for (const f of files) await diagnosticsWhen(f, (d) => d.length === 1, `the status error in ${vscode.workspace.asRelativePath(f)}`);
  });

  test('the status bar shows the doc type and counts of the active pmdocs document, and hides elsewhere', async () => {
    const status = () => vscode.commands.executeCommand<StatusBarSnapshot>('pmdocs.test.statusBar');
    const uri = await writeFile(
      'status/US-91-status.md',
      '---\ntype: user-story\nid: US-91\ntitle: Status\nstatus: redy\nestimate: 2\n---\n\n# Status\n\n## Story\n\nAs a support agent, I want a thing.\n\n## Acceptance criteria\n\n- [ ] The sidebar lists the saved search.\n',
    );
    const editor = await open(uri);
    const result = await validated(editor.document);
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    assert.ok(errors >= 1, 'the misspelt status is an error');
    let shown = await status();
    assert.equal(shown.visible, true);
    assert.equal(shown.text, `$(checklist) user-story $(error) ${errors} $(warning) ${warnings}`);
    assert.match(
      shown.tooltip,
      new RegExp(`^pmdocs: .* — ${errors} errors?, ${warnings} warnings?\\. Click to open the Problems panel\\.$`),
    );
    assert.equal(shown.command, 'workbench.actions.view.problems');
    // Fixed as typed: the item follows the new result.
    await replaceText(editor, 'status: redy', 'status: ready');
    await replaceText(editor, 'I want a thing.', 'I want a thing, so that I can work.');
    const clean = await validated(editor.document);
    assert.deepEqual(
      clean.findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
    shown = await status();
    assert.equal(shown.text, '$(checklist) user-story $(check)');
    // A Markdown file that is not a pmdocs document: no item.
    const readme = fileUri('README.md');
    await open(readme);
    await when(
      vscode.window.onDidChangeActiveTextEditor,
      () => (vscode.window.activeTextEditor?.document.uri.toString() === readme.toString() ? true : undefined),
      'the README editor',
    );
    shown = await status();
    assert.equal(shown.visible, false);
  });

  test('Open Rule Documentation opens the rule page shipped with the extension', async () => {
    const opened = await vscode.commands.executeCommand<vscode.Uri>('pmdocs.openRuleDocumentation', 'required-section');
    assert.ok(opened?.path.endsWith('/docs/rules/required-section.md'), String(opened));
  });

  test('Show Output runs', async () => {
    await vscode.commands.executeCommand('pmdocs.showOutput');
  });
});
