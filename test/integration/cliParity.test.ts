// The CLI and the extension give the same findings for the same file and config: the repository's
// examples/ workspace (good and broken docs, a .pmdocs.json with associations and rule overrides) is
// copied into the test workspace, linted by the built CLI (`node dist/cli.mjs lint --format json`) and
// opened in the editor; every finding must match a diagnostic exactly (rule, severity, range, message).
// `pmdocs new` and New Document, given the same inputs in two copies of one folder, write the same file.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsWhen, EXTENSION_ID, open, reportTimeout, root, ruleOf, validatedWithIndex } from './helpers.js';

interface CliFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function runCli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath;
  // The extension host's executable is Node (code-server) or Electron (desktop); the latter acts as Node with this.
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' };
  return new Promise((resolve) => {
    execFile(process.execPath, [`${repo}/dist/cli.mjs`, ...args], { cwd, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const key = (rule: string, severity: vscode.DiagnosticSeverity, range: [number, number, number, number], message: string) =>
  `${rule} ${vscode.DiagnosticSeverity[severity]} ${range.join(':')} ${message}`;

suite('CLI parity', () => {
  teardown(reportTimeout);
  suiteTeardown(closeAllEditors);

  test('the CLI and the editor report the same findings on the examples workspace', async () => {
    const examples = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'examples');
    const target = vscode.Uri.joinPath(root(), 'parity');
    await vscode.workspace.fs.copy(examples, target, { overwrite: true });

    const cli = await runCli(target.fsPath, ['lint', '--format', 'json', '.']);
    assert.ok(cli.code === 0 || cli.code === 1, `CLI failed (exit ${cli.code}): ${cli.stderr}`);
    const files = JSON.parse(cli.stdout) as { filePath: string; docType?: string | null; findings: CliFinding[] }[];
    assert.ok(files.length >= 10, `the CLI linted ${files.length} files`);
    assert.ok(
      files.some((f) => f.findings.length > 0),
      'the broken examples have findings',
    );

    let compared = 0;
    for (const file of files) {
      const uri = vscode.Uri.joinPath(target, file.filePath);
      const editor = await open(uri);
      const result = await validatedWithIndex(editor.document);
      assert.equal(result.docType?.type ?? null, file.docType ?? null, `${file.filePath}: doc type`);
      const fromCli = file.findings
        .map((f) => key(f.ruleId, SEVERITY[f.severity]!, [f.line, f.column, f.endLine, f.endColumn], f.message))
        .sort();
      // The Problems panel's view of the same file. The copy reaches the editor's workspace index through
      // file-system events, which may come after a file's first check (a did-you-mean then lacks a
      // document not indexed yet); the index's change re-validates it. So the editor must come to the
      // CLI's findings, and this waits for it to (on each change of the diagnostics), before comparing.
      const keysOf = (diagnostics: readonly vscode.Diagnostic[]) =>
        diagnostics
          .filter((d) => d.source === 'pmdocs')
          .map((d) =>
            key(
              ruleOf(d)!,
              d.severity,
              [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
              d.message,
            ),
          )
          .sort();
      const same = (a: string[]) => a.length === fromCli.length && a.every((k, i) => k === fromCli[i]);
      // Each change of the diagnostics is checked; the 10 s bound only turns a real divergence into the
      // diff below instead of the suite's timeout.
      let bound: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        diagnosticsWhen(uri, (d) => same(keysOf(d)), `the CLI's findings on ${file.filePath}`),
        new Promise((resolve) => (bound = setTimeout(resolve, 10_000))),
      ]);
      clearTimeout(bound);
      assert.deepEqual(keysOf(vscode.languages.getDiagnostics(uri)), fromCli, `${file.filePath}: editor vs CLI`);
      compared += fromCli.length;
    }
    assert.ok(compared >= 5, `compared ${compared} findings`);
  });

  test('pmdocs new and New Document write byte-identical files for the same inputs', async () => {
    const story = (id: string) => `---\ntype: user-story\nid: ${id}\ntitle: Old\nstatus: draft\n---\n\n# Old\n`;
    const sides = ['cli', 'editor'].map((side) => vscode.Uri.joinPath(root(), 'parity-new', side));
    for (const dir of sides) {
      // Each copy is its own workspace (its own .pmdocs.json), holding the same documents.
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, '.pmdocs.json'), new TextEncoder().encode('{}\n'));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'stories/US-3-a.md'), new TextEncoder().encode(story('US-3')));
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(dir, 'US-5-only-the-name.md'),
        new TextEncoder().encode('# No front matter\n'),
      );
    }
    const [cliDir, editorDir] = sides as [vscode.Uri, vscode.Uri];
    const inputs = [
      { type: 'user-story', title: 'Download the invoice: as PDF', owner: '@jane', folder: 'stories' },
      { type: 'prd', title: 'Export "all" invoices', owner: 'group:billing', folder: 'prd' },
      { type: 'release-notes', title: 'Release 2.1.0-rc.1', version: '2.1.0-rc.1', folder: 'releases' },
    ];
    for (const input of inputs) {
      const args = [
        'new',
        input.type,
        input.title,
        '--dir',
        input.folder,
        ...(input.owner ? ['--owner', input.owner] : []),
        ...(input.version ? ['--version', input.version] : []),
      ];
      const cli = await runCli(cliDir.fsPath, args);
      assert.equal(cli.code, 0, `pmdocs ${args.join(' ')}: ${cli.stderr}`);
      const fromCli = vscode.Uri.joinPath(cliDir, cli.stdout.trim());
      const fromEditor = await vscode.commands.executeCommand<vscode.Uri>('pmdocs.newDocument', {
        ...input,
        folder: vscode.Uri.joinPath(editorDir, input.folder),
        open: false,
      });
      assert.ok(fromEditor, `New Document ${input.type} returned no file`);
      assert.equal(
        fromEditor.path.slice(editorDir.path.length),
        fromCli.path.slice(cliDir.path.length),
        `${input.type}: the same file name`,
      );
      const [a, b] = await Promise.all([vscode.workspace.fs.readFile(fromCli), vscode.workspace.fs.readFile(fromEditor)]);
      assert.equal(new TextDecoder().decode(b), new TextDecoder().decode(a), `${input.type}: the same text`);
      assert.ok(Buffer.from(a).equals(Buffer.from(b)), `${input.type}: the same bytes`);
    }
  });
});
