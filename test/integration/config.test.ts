// Configuration in the editor: editing .pmdocs.json re-validates open documents; a broken config shows
// one clear error on the config file while documents keep their built-in checks; settings override rule
// severities; a sub-folder's own .pmdocs.json applies to the documents below it. Config files are edited
// in an editor and saved, as a user does (changes made behind VS Code's back reach the extension through
// its file watcher, which a test cannot wait for deterministically right after start-up).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  deleteFile,
  diagnosticsWhen,
  editAndSave,
  fileUri,
  open,
  reportTimeout,
  ruleOf,
  setSetting,
  writeFile,
} from './helpers.js';

const STORY = (id: string) => `---
type: user-story
id: ${id}
title: Config test
status: redy
---

# Config test

## Story

As a support agent, I want a config test, so that I can trust it.

## Acceptance criteria

- [ ] The sidebar lists the saved search.
`;

suite('configuration', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  test('editing .pmdocs.json re-validates the open documents', async () => {
    const uri = await writeFile('cfg/edit/US-60.md', STORY('US-60'));
    const configUri = await writeFile('cfg/edit/.pmdocs.json', '{}\n');
    await open(uri);
    const before = await diagnosticsWhen(uri, (d) => d.length === 1, 'the status error');
    assert.equal(before[0]!.severity, vscode.DiagnosticSeverity.Error);
    await editAndSave(
      configUri,
      '{\n  // team choice: schema problems are warnings here\n  "rules": { "frontmatter-schema": "warning" }\n}\n',
    );
    await diagnosticsWhen(
      uri,
      (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Warning,
      'the error downgraded to a warning',
    );
    await editAndSave(configUri, '{ "rules": { "frontmatter-schema": "off" } }\n');
    await diagnosticsWhen(uri, (d) => d.length === 0, 'the rule turned off');
    await deleteFile(configUri);
    await diagnosticsWhen(
      uri,
      (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Error,
      'back to the defaults once the config is gone',
    );
  });

  test('a broken config shows one clear error on the config file; documents keep the built-in checks', async () => {
    const uri = await writeFile('cfg/broken/US-61.md', STORY('US-61'));
    const configUri = await writeFile('cfg/broken/.pmdocs.json', '{}\n');
    await open(uri);
    await diagnosticsWhen(uri, (d) => d.length === 1, 'the status error');
    await editAndSave(configUri, '{\n  "rules": {\n    "frontmatter-schema": "warning",\n  }\n  "associations": []\n}\n');
    const problems = await diagnosticsWhen(configUri, (d) => d.length > 0, 'a config problem');
    assert.equal(problems.length, 1, `one problem, not ${problems.length}: ${problems.map((p) => p.message).join(' | ')}`);
    assert.equal(problems[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problems[0]!.message, /\S/);
    assert.equal(problems[0]!.range.start.line, 4, `points at the line of the missing comma: ${problems[0]!.message}`);
    // The document is still checked, with the built-in rules.
    const still = await diagnosticsWhen(uri, (d) => d.length === 1, 'the status error, still there');
    assert.equal(ruleOf(still[0]!), 'frontmatter-schema');
    // Fixing the config clears the problem.
    await editAndSave(configUri, '{ "rules": { "frontmatter-schema": "warning" } }\n');
    await diagnosticsWhen(configUri, (d) => d.length === 0, 'the config problem gone');
    await diagnosticsWhen(uri, (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Warning, 'the fixed config applies');
  });

  test('a sub-folder with its own .pmdocs.json: documents below it use that config, others do not', async () => {
    await writeFile('cfg/nested/team/.pmdocs.json', '{ "rules": { "frontmatter-schema": "info" } }\n');
    const inside = await writeFile('cfg/nested/team/US-62.md', STORY('US-62'));
    const outside = await writeFile('cfg/nested/US-63.md', STORY('US-63'));
    await open(inside);
    await open(outside);
    await diagnosticsWhen(inside, (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Information, 'info inside');
    await diagnosticsWhen(outside, (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Error, 'error outside');
  });

  test('pmdocs.rules in settings overrides a rule severity; pmdocs.associations gives a type to front matter without one', async () => {
    const typed = await writeFile('cfg/settings/US-64.md', STORY('US-64'));
    const untyped = await writeFile('cfg/settings/stories/US-65.md', STORY('US-65').replace('type: user-story\n', ''));
    await open(typed);
    await open(untyped);
    await diagnosticsWhen(typed, (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Error, 'the status error');
    await diagnosticsWhen(untyped, (d) => d.length === 0, 'nothing: no type');
    const restoreRules = await setSetting('rules', { 'frontmatter-schema': 'warning' });
    const restoreAssociations = await setSetting('associations', { 'cfg/settings/stories/*.md': 'user-story' });
    try {
      await diagnosticsWhen(typed, (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Warning, 'a warning by settings');
      // Typed by the association: its status is checked now (as a warning, by the rules setting).
      const typedNow = await diagnosticsWhen(untyped, (d) => d.some((x) => /'redy'/.test(x.message)), 'typed by association');
      assert.ok(
        typedNow.every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
        typedNow.map((d) => d.message).join(' | '),
      );
    } finally {
      await restoreAssociations();
      await restoreRules();
    }
    await diagnosticsWhen(typed, (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Error, 'back to an error');
  });

  test('.pmdocs.json gets the config schema: a bad severity is flagged by the JSON language service', async () => {
    const configUri = fileUri('cfg/schema/.pmdocs.json');
    await writeFile('cfg/schema/.pmdocs.json', '{ "rules": { "required-section": "loud" } }\n');
    const doc = await vscode.workspace.openTextDocument(configUri);
    assert.equal(doc.languageId, 'jsonc', 'comments are allowed, so it opens as JSON with comments');
    await vscode.window.showTextDocument(doc);
    const flagged = await diagnosticsWhen(
      configUri,
      (d) => d.length > 0,
      'the JSON schema diagnostic',
      (d) => d.source !== 'pmdocs',
    );
    assert.ok(
      flagged.some((d) => /loud|off|info|warning|error/i.test(d.message)),
      flagged.map((d) => d.message).join(' | '),
    );
  });
});
