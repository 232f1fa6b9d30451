// Config and workspace-schema problems as diagnostics on the file at fault (`.pmdocs.json` or the schema),
// so a broken config shows one clear error where the user can fix it, while linting goes on with the
// built-in types.

import * as vscode from 'vscode';
import type { ConfigProblemSink, LocatedConfigProblem } from '../config/configProvider.js';

export function createConfigProblemDiagnostics(): ConfigProblemSink & vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('pmdocs-config');
  return {
    show(problems: readonly LocatedConfigProblem[]) {
      const byUri = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
      for (const p of problems) {
        const at = new vscode.Position(Math.max(0, (p.line ?? 1) - 1), Math.max(0, (p.column ?? 1) - 1));
        const d = new vscode.Diagnostic(new vscode.Range(at, at), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'pmdocs';
        d.code = 'config';
        const entry = byUri.get(p.uri.toString()) ?? { uri: p.uri, diagnostics: [] };
        entry.diagnostics.push(d);
        byUri.set(p.uri.toString(), entry);
      }
      collection.clear();
      for (const { uri, diagnostics } of byUri.values()) collection.set(uri, diagnostics);
    },
    dispose: () => collection.dispose(),
  };
}
