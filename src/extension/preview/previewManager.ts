// All open previews: which panel shows which document, per document or one that follows the active
// editor (setting `pmdocs.preview.mode`), kept current on edits, lint results, editor scrolling and
// settings, and restored after a window reload (WebviewPanelSerializer).

import * as vscode from 'vscode';
import { PreviewPanel, VIEW_TYPE, type PanelHost } from './panel.js';
import { parsePreviewState } from './protocol.js';
import { webviewOptions } from './resources.js';
import { loadRenderer, type Renderer } from './renderer.js';
import { versionAtLeast } from '../hostVersion.js';

export type PreviewMode = 'perDocument' | 'followActiveEditor';

export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  readonly #panels = new Set<PreviewPanel>();
  readonly #disposables: vscode.Disposable[] = [];

  constructor(private readonly host: PanelHost) {
    const ws = vscode.workspace;
    const win = vscode.window;
    this.#disposables.push(
      ws.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.#forDocument(e.document.uri).forEach((p) => p.scheduleUpdate());
      }),
      ws.onDidSaveTextDocument((doc) => this.#forDocument(doc.uri).forEach((p) => p.saved())),
      win.onDidChangeActiveTextEditor((editor) => this.#follow(editor)),
      win.onDidChangeTextEditorVisibleRanges((e) => {
        const top = e.visibleRanges[0]?.start.line;
        if (top !== undefined) this.#forDocument(e.textEditor.document.uri).forEach((p) => p.scrollToLine(top + 1));
      }),
      ws.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pmdocs')) this.#panels.forEach((p) => p.refresh());
      }),
    );
    if (host.deps.onDidLint) this.#disposables.push(host.deps.onDidLint(({ uri }) => this.#forDocument(uri).forEach((p) => p.linted(uri))));
  }

  get panels(): ReadonlySet<PreviewPanel> {
    return this.#panels;
  }

  /** `pmdocs.openPreview` / `pmdocs.openPreviewToSide`. */
  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<PreviewPanel | undefined> {
    const document = await this.#documentFor(uri);
    const renderer = await loadRenderer();
    if (!document) {
      void vscode.window.showInformationMessage('pmdocs: open a Markdown document to preview it.');
      return undefined;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const mode = previewMode();
    const existing =
      mode === 'followActiveEditor'
        ? [...this.#panels].find((p) => p.following)
        : [...this.#panels].find((p) => !p.following && p.source === document.uri.toString());
    if (existing) {
      existing.show(document);
      existing.panel.reveal(toSide ? undefined : column, toSide);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Preview',
      { viewColumn: column, preserveFocus: toSide },
      {
        ...webviewOptions(this.host.extensionUri, document.uri),
        enableFindWidget: true,
        retainContextWhenHidden: false,
      },
    );
    return this.#adopt(panel, document, mode === 'followActiveEditor', renderer);
  }

  /** After a reload VS Code hands back each panel with the state its page saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    let document: vscode.TextDocument | undefined;
    try {
      document = state ? await vscode.workspace.openTextDocument(vscode.Uri.parse(state.source, true)) : undefined;
    } catch (e) {
      this.host.deps.log?.warn(`Preview: could not restore ${state?.source}: ${(e as Error).message}`);
    }
    if (!document) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.host.extensionUri, document.uri);
    this.#adopt(panel, document, previewMode() === 'followActiveEditor', await loadRenderer());
  }

  #adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument, following: boolean, renderer: Renderer): PreviewPanel {
    // A theme icon on a webview tab needs VS Code 1.108; older hosts show their default webview icon.
    if (versionAtLeast(vscode.version, 1, 108)) (panel as { iconPath?: unknown }).iconPath = new vscode.ThemeIcon('open-preview');
    const preview = new PreviewPanel(panel, document, following, this.host, renderer);
    this.#panels.add(preview);
    preview.onDidDispose(() => this.#panels.delete(preview));
    return preview;
  }

  #follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'markdown') return;
    for (const p of this.#panels) if (p.following) p.show(editor.document);
  }

  #forDocument(uri: vscode.Uri): PreviewPanel[] {
    const key = uri.toString();
    return [...this.#panels].filter((p) => p.source === key);
  }

  async #documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (uri instanceof vscode.Uri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return open ?? (await vscode.workspace.openTextDocument(uri));
    }
    const active = vscode.window.activeTextEditor?.document;
    return active && active.languageId === 'markdown' ? active : undefined;
  }

  dispose(): void {
    for (const p of [...this.#panels]) p.dispose();
    while (this.#disposables.length) this.#disposables.pop()?.dispose();
  }
}

export function previewMode(): PreviewMode {
  return vscode.workspace.getConfiguration('pmdocs.preview').get<string>('mode') === 'followActiveEditor'
    ? 'followActiveEditor'
    : 'perDocument';
}
