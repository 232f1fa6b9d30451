// The preview's entry: commands, the panel serializer and, in test runs only, two commands the
// integration tests drive the panel with (the page's real messages go through the same checks).

import * as vscode from 'vscode';
import { PreviewManager } from './previewManager.js';
import { VIEW_TYPE, type PreviewDeps, type RenderedState } from './panel.js';

export type { PreviewDeps } from './panel.js';

export function registerPreview(context: vscode.ExtensionContext, deps: PreviewDeps): void {
  const manager = new PreviewManager({ extensionUri: context.extensionUri, deps });
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand('pmdocs.openPreview', (uri?: vscode.Uri) => manager.open(uri, false).then(() => undefined)),
    vscode.commands.registerCommand('pmdocs.openPreviewToSide', (uri?: vscode.Uri) => manager.open(uri, true).then(() => undefined)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, manager),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) context.subscriptions.push(...testCommands(manager));
}

/**
 * `pmdocs.preview.test.waitForContent(uri, minVersion, cardIncludes?)` resolves once the page has
 * confirmed showing content rendered from the lint result of that version or a later one (an event from
 * the page, no polling), and, when given, whose header card contains `cardIncludes` (the card changes
 * when the workspace index does).
 * `pmdocs.preview.test.receive(uri, message)` hands a message to the panel exactly as if its page had
 * posted it; resolves to whether it passed the checks.
 * `pmdocs.preview.test.restore(state)` does what VS Code does after a window reload: a new panel of our
 * view type is handed to the serializer with the state its page saved; resolves to whether a preview
 * now lives in it (false: the panel was disposed).
 */
function testCommands(manager: PreviewManager): vscode.Disposable[] {
  const panelFor = (uri: string) => [...manager.panels].find((p) => p.source === uri);
  return [
    vscode.commands.registerCommand(
      'pmdocs.preview.test.waitForContent',
      (uri: string, minVersion: number, cardIncludes?: string) =>
        new Promise<RenderedState>((resolve, reject) => {
          const panel = panelFor(uri);
          if (!panel) return reject(new Error(`no preview open for ${uri}`));
          const done = (s: RenderedState | undefined) =>
            !!s && s.fresh && s.version >= minVersion && (cardIncludes === undefined || s.card.includes(cardIncludes));
          if (done(panel.confirmed)) return resolve(panel.confirmed!);
          const sub = panel.onDidConfirm((state) => {
            if (!done(state)) return;
            sub.dispose();
            resolve(state);
          });
        }),
    ),
    vscode.commands.registerCommand('pmdocs.preview.test.receive', async (uri: string, message: unknown) => {
      const panel = panelFor(uri);
      if (!panel) throw new Error(`no preview open for ${uri}`);
      return panel.handleMessage(message);
    }),
    vscode.commands.registerCommand('pmdocs.preview.test.restore', async (state: unknown) => {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      let disposed = false;
      panel.onDidDispose(() => (disposed = true));
      await manager.deserializeWebviewPanel(panel, state);
      return !disposed && [...manager.panels].some((p) => p.panel === panel);
    }),
  ];
}
