// The one place a core Finding becomes a vscode.Diagnostic. Positions come from the finding's offsets
// through the document (`positionAt`), so they are right for CRLF, BOMs and surrogate pairs alike. The
// Finding travels with the diagnostic (`finding`), so code actions can use its fixes later.

import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core/types.js';

export class PmdocsDiagnostic extends vscode.Diagnostic {
  constructor(
    range: vscode.Range,
    message: string,
    severity: vscode.DiagnosticSeverity,
    readonly finding: Finding,
  ) {
    super(range, message, severity);
  }
}

/** Something that maps offsets to positions: a TextDocument, or a stand-in for a file that is not open. */
export interface OffsetMapper {
  readonly uri: vscode.Uri;
  positionAt(offset: number): vscode.Position;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, doc: OffsetMapper): PmdocsDiagnostic {
  const range = new vscode.Range(doc.positionAt(finding.start), doc.positionAt(finding.end));
  const diagnostic = new PmdocsDiagnostic(range, finding.message, SEVERITY[finding.severity], finding);
  diagnostic.source = 'pmdocs';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end))),
          r.message,
        ),
    );
  }
  return diagnostic;
}

/** The Finding behind a diagnostic pmdocs published (undefined for anyone else's). */
export function findingOf(diagnostic: vscode.Diagnostic): Finding | undefined {
  return diagnostic instanceof PmdocsDiagnostic ? diagnostic.finding : undefined;
}
