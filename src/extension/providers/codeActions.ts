// Quick fixes for pmdocs diagnostics (the rules' fixes, then "Disable RULE for this line / file") and
// "Fix all pmdocs problems in this file" (`source.fixAll.pmdocs`, usable in editor.codeActionsOnSave),
// which applies the safe fixes only, as `pmdocs lint --fix` does.

import * as vscode from 'vscode';
import { FIX_ALL_TITLE, findingAt, fixAllEdit, quickFixesFor } from '../../core/fixes/quickFixes.js';
import { MARKDOWN } from '../services.js';
import { lintNow, type AuthoringDeps } from './deps.js';
import { rangeOf, workspaceEditFor } from './fixEdits.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('pmdocs');

export function registerCodeActions(deps: AuthoringDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(MARKDOWN, new PmdocsCodeActions(deps), {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  });
}

export class PmdocsCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly deps: AuthoringDeps) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const only = context.only;
    const wantQuickFixes = !only || only.intersects(vscode.CodeActionKind.QuickFix);
    const wantFixAll = !!only && only.intersects(FIX_ALL_KIND);
    const ours = context.diagnostics.filter((d) => d.source === 'pmdocs');
    if (!wantFixAll && !(wantQuickFixes && ours.length)) return [];
    const { result, engine, config } = await lintNow(this.deps, document);
    const actions: vscode.CodeAction[] = [];
    if (wantQuickFixes) {
      for (const diagnostic of ours) {
        const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
        const finding = findingAt(
          result.findings,
          ruleId,
          document.offsetAt(diagnostic.range.start),
          document.offsetAt(diagnostic.range.end),
          diagnostic.message,
        );
        if (!finding) continue;
        for (const { fix, preferred } of quickFixesFor(result.doc, finding)) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.edit = workspaceEditFor(document, fix);
          action.isPreferred = preferred;
          actions.push(action);
        }
      }
    }
    const text = document.getText();
    const all = fixAllEdit(text, result, (t) => this.deps.lint(engine, config, document.uri, t), {
      asked: wantFixAll,
      offeringQuickFixes: actions.length > 0,
    });
    if (all) {
      const action = new vscode.CodeAction(
        wantFixAll ? FIX_ALL_TITLE : `${FIX_ALL_TITLE} (${all.applied} safe fixes)`,
        wantFixAll ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix,
      );
      action.edit = new vscode.WorkspaceEdit();
      action.edit.set(document.uri, [new vscode.TextEdit(rangeOf(document, all.edit), all.edit.newText)]);
      actions.push(action);
    }
    return actions;
  }
}
