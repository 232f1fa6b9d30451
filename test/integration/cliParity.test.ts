// The CLI and the extension give the same findings for the same file and config: the repository's
// examples/ workspace (good and broken docs, a .pmdocs.json with associations and rule overrides) is
// copied into the test workspace, linted by the built CLI (`node dist/cli.mjs lint --format json`) and
// opened in the editor; every finding must match a diagnostic exactly (rule, severity, range, message).

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, open, reportTimeout, root, ruleOf, validatedWithIndex } from './helpers.js';

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
    assert.ok(files.some((f) => f.findings.length > 0), 'the broken examples have findings');

    let compared = 0;
    for (const file of files) {
      const uri = vscode.Uri.joinPath(target, file.filePath);
      const editor = await open(uri);
      const result = await validatedWithIndex(editor.document);
      assert.equal(result.docType?.type ?? null, file.docType ?? null, `${file.filePath}: doc type`);
      const fromCli = file.findings.map((f) => key(f.ruleId, SEVERITY[f.severity]!, [f.line, f.column, f.endLine, f.endColumn], f.message)).sort();
      // The Problems panel's view of the same file.
      const shown = vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'pmdocs')
        .map((d) => key(ruleOf(d)!, d.severity, [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1], d.message))
        .sort();
      assert.deepEqual(shown, fromCli, `${file.filePath}: editor vs CLI`);
      compared += fromCli.length;
    }
    assert.ok(compared >= 5, `compared ${compared} findings`);
  });
});
