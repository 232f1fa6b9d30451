// A workspace doc type declared from config alone (issue 11), in the real editor: a closed section list
// and a key order give diagnostics, and their quick fixes (rename to the allowed heading; reorder the
// keys, keeping comments) clear them. The config and schema are written before the document is opened,
// so the first load reads them.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsWhen, fileUri, open, readFile, reportTimeout, ruleOf, writeFile } from './helpers.js';

const SCHEMA = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    rfc: { type: 'integer' },
    title: { type: 'string' },
    status: { enum: ['Draft', 'Final'] },
    type: { enum: ['Technical', 'Process'] },
  },
  required: ['rfc', 'title', 'status'],
  'x-pmdocs': {
    type: 'rfc',
    sections: [
      { name: 'Summary', required: true },
      { name: 'Proposal', required: true },
    ],
    closedSections: ['Appendix'],
    keyOrder: ['rfc', 'title', 'status', 'type'],
  },
});

const RFC = `---
rfc: 8
status: Draft # still open
title: Faster builds
type: Technical
---

## Summary

Cache the dependencies.

## Proposal

Use the lockfile hash as the cache key.

## Apendix

Timings.
`;

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // As in authoring.test.ts: a request overtaken right after a cold start answers empty or 'Canceled';
  // a user's lightbulb asks again, and so do we (every caller here expects actions).
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

const only = (rule: string) => (ds: vscode.Diagnostic[]) => ds.filter((d) => ruleOf(d) === rule);

suite('workspace doc types from config', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);
  suiteSetup(async () => {
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    await writeFile('wstypes/rfc.schema.json', SCHEMA);
    await writeFile(
      'wstypes/.pmdocs.json',
      JSON.stringify({ docTypes: { rfc: { schema: './rfc.schema.json' } }, associations: { 'rfcs/**': 'rfc' } }),
    );
  });

  test('closedSections: a diagnostic on the unexpected heading; the quick fix renames it to the allowed one', async () => {
    const uri = await writeFile('wstypes/rfcs/rfc-8.md', RFC);
    const editor = await open(uri);
    const [d] = only('section-unexpected')(
      await diagnosticsWhen(uri, (ds) => only('section-unexpected')(ds).length === 1, 'the unexpected-section diagnostic'),
    );
    assert.equal(
      d!.message,
      "Section 'Apendix' is not a section the 'rfc' type allows. Did you mean 'Appendix'? Allowed: Summary, Proposal, Appendix.",
    );
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d!.range.start.line, 15);
    const fix = (await codeActions(uri, d!.range)).find((a) => a.title === "Rename to 'Appendix'");
    assert.ok(fix?.edit, 'the rename fix is offered');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.getText().includes('\n## Appendix\n'));
    await diagnosticsWhen(uri, (ds) => only('section-unexpected')(ds).length === 0, 'the diagnostic to clear');
  });

  test('keyOrder: a diagnostic on the first key out of place; the quick fix reorders the keys, keeping the comment', async () => {
    const uri = await writeFile('wstypes/rfcs/rfc-9.md', RFC.replace('rfc: 8', 'rfc: 9'));
    const editor = await open(uri);
    const [d] = only('frontmatter-key-order')(
      await diagnosticsWhen(uri, (ds) => only('frontmatter-key-order')(ds).length === 1, 'the key-order diagnostic'),
    );
    assert.equal(d!.message, "Key 'title' is out of order: it belongs before 'status'. Expected order: rfc, title, status, type.");
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d!.range.start.line, 3);
    const fix = (await codeActions(uri, d!.range)).find((a) => a.title === 'Reorder the front-matter keys');
    assert.ok(fix?.edit, 'the reorder fix is offered');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(
      editor.document.getText().startsWith('---\nrfc: 9\ntitle: Faster builds\nstatus: Draft # still open\ntype: Technical\n---\n'),
      editor.document.getText().slice(0, 120),
    );
    await diagnosticsWhen(uri, (ds) => only('frontmatter-key-order')(ds).length === 0, 'the diagnostic to clear');
  });

  test('Create Configuration writes the starter .pmdocs.json once, then opens the existing one', async () => {
    await writeFile('wstypes-init/README.md', '# A folder\n');
    const folder = fileUri('wstypes-init');
    const written = await vscode.commands.executeCommand<vscode.Uri>('pmdocs.initConfig', folder);
    assert.equal(written?.path, vscode.Uri.joinPath(folder, '.pmdocs.json').path);
    const text = await readFile(written!);
    assert.match(text, /"docTypes": \{\}/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.path, written!.path);
    await writeFile('wstypes-init/.pmdocs.json', '{ "rules": {} }\n');
    await vscode.commands.executeCommand('pmdocs.initConfig', folder);
    assert.equal(await readFile(written!), '{ "rules": {} }\n', 'never overwritten');
  });
});
