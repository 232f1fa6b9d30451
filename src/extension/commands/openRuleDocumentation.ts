// pmdocs: Open Rule Documentation — for the rule of the diagnostic under the cursor, a given rule id, or
// one picked from the list. The page shipped inside the extension opens in VS Code's Markdown preview
// (works offline and in restricted mode); without it, the online page opens in the browser.

import * as vscode from 'vscode';
import { docsUrl } from '../../core/rules/rule.js';
import type { Linter } from '../diagnostics/linter.js';
import { uriExists } from '../uriExists.js';
import { findingOf } from '../diagnostics/toDiagnostic.js';

export function registerOpenRuleDocumentation(context: vscode.ExtensionContext, linter: Linter): vscode.Disposable {
  return vscode.commands.registerCommand('pmdocs.openRuleDocumentation', async (ruleId?: unknown) => {
    const id = (typeof ruleId === 'string' && ruleId) || ruleAtCursor() || (await pickRule(linter));
    if (!id) return undefined;
    const bundled = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
    if (/^[a-z0-9-]+$/.test(id) && (await uriExists(bundled))) {
      await vscode.commands.executeCommand('markdown.showPreview', bundled);
      return bundled;
    }
    const online = vscode.Uri.parse(docsUrl(id));
    await vscode.env.openExternal(online);
    return online;
  });
}

function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const here = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.range.contains(at));
  return here.map(findingOf).find((f) => f !== undefined)?.ruleId;
}

async function pickRule(linter: Linter): Promise<string | undefined> {
  const engine = await linter.getEngine();
  const picked = await vscode.window.showQuickPick(
    engine.rules.map((r) => ({ label: r.id, description: r.offByDefault ? 'off by default' : r.defaultSeverity, detail: r.description })),
    { title: 'pmdocs: Open Rule Documentation', placeHolder: 'Pick a rule', matchOnDetail: true },
  );
  return picked?.label;
}
