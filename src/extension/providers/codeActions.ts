// Quick fixes for pmdocs diagnostics (the rules' fixes, then "Disable RULE for this line / file") and
// "Fix all pmdocs problems in this file" (`source.fixAll.pmdocs`, usable in editor.codeActionsOnSave),
// which applies the safe fixes only, as `pmdocs lint --fix` does.

import * as vscode from 'vscode';
import type { Finding } from '../../core/types.js';
import { fixAll, safeFixes } from '../../core/fixes/fixAll.js';
import { suppressionFixes } from '../../core/fixes/suppress.js';
import { MARKDOWN } from '../services.js';
import { docPath, lintNow, type AuthoringDeps } from './deps.js';
import { minimalReplace, workspaceEditFor } from './fixEdits.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('pmdocs');
const FIX_ALL_TITLE = 'Fix all pmdocs problems in this file';

export function registerCodeActions(deps: AuthoringDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(MARKDOWN, new PmdocsCodeActions(deps), {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  });
}

export class PmdocsCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly deps: AuthoringDeps) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    const wantQuickFixes = !only || only.intersects(vscode.CodeActionKind.QuickFix);
    const wantFixAll = !!only && only.intersects(FIX_ALL_KIND);
    const ours = context.diagnostics.filter((d) => d.source === 'pmdocs');
    if (!wantFixAll && !(wantQuickFixes && ours.length)) return [];
    const { result, engine, config } = await lintNow(this.deps, document);
    const actions: vscode.CodeAction[] = [];
    if (wantQuickFixes) {
      for (const diagnostic of ours) {
        const finding = findingFor(document, diagnostic, result.findings);
        if (finding) actions.push(...quickFixes(document, diagnostic, finding, result));
      }
    }
    const fixable = safeFixes(result.findings).length;
    const offerFixAll = wantFixAll || (actions.length > 0 && fixable > 1);
    if (offerFixAll && fixable > 0) {
      const text = document.getText();
      const outcome = fixAll(text, (t) => engine.lint(t, { path: docPath(document.uri), config }));
      const edit = minimalReplace(document, text, outcome.text);
      if (edit) {
        const action = new vscode.CodeAction(wantFixAll ? FIX_ALL_TITLE : `${FIX_ALL_TITLE} (${outcome.applied.length} safe fixes)`, wantFixAll ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, [edit]);
        actions.push(action);
      }
    }
    return actions;
  }
}

function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding, result: { doc: Parameters<typeof suppressionFixes>[0] }): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const fixes = finding.fixes ?? [];
  for (const fix of fixes) {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.edit = workspaceEditFor(document, fix);
    // Preferred (the one Ctrl+. / "auto fix" picks) only when it is the one obvious fix.
    action.isPreferred = fixes.length === 1 && fix.safe;
    actions.push(action);
  }
  for (const fix of suppressionFixes(result.doc, finding)) {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.edit = workspaceEditFor(document, fix);
    actions.push(action);
  }
  return actions;
}

/** The finding behind a diagnostic, in a lint of the current text: same rule, same range. */
function findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, findings: readonly Finding[]): Finding | undefined {
  const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const sameRule = findings.filter((f) => f.ruleId === ruleId);
  return sameRule.find((f) => f.start === start && f.end === end && f.message === diagnostic.message) ?? sameRule.find((f) => f.start === start && f.end === end);
}
