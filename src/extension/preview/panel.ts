// One preview panel: renders its document into the page, keeps it current as the user types (only the
// three content parts travel, debounced by how long rendering takes), and acts on the page's messages
// after checking them (reveal a line, open a link through the host, open the document a reference chip
// names). Reference chips are resolved through the workspace index, fetched when the page is built and
// again whenever the index changes; the card is rendered again only when what its chips show changed.

import * as vscode from 'vscode';
import type { LintResult } from '../../core/engine.js';
import type { ReferenceContext, RenderedDocument, RenderedHeading } from '../../core/render/index.js';
import type { Renderer } from './renderer.js';
import { previewShell } from './html.js';
import { createNonce } from './nonce.js';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from './protocol.js';
import { imageResolver, webviewOptions } from './resources.js';
import { openLink, openReferencedDocument, revealLine } from './pageActions.js';

export const VIEW_TYPE = 'pmdocs.preview';

export interface PreviewDeps {
  /** The lint result for the document's current version, or undefined while it is being linted. */
  lint(doc: vscode.TextDocument): LintResult | undefined;
  log?: vscode.LogOutputChannel;
  /** Fires when a document was linted (the diagnostics controller's onDidValidate fits). */
  onDidLint?: vscode.Event<{ uri: vscode.Uri }>;
  /**
   * The document's workspace index and config, for the card's reference chips; undefined when it has
   * none (untitled, outside the workspace folders) or, unless `wait`, while the workspace is being read.
   */
  references?(doc: vscode.TextDocument, wait: boolean): Promise<ReferenceContext | undefined>;
  /** Fires when the workspace index changed (the workspace indexer's onDidChange fits). */
  onDidChangeReferences?: vscode.Event<unknown>;
}

export interface PanelHost {
  extensionUri: vscode.Uri;
  deps: PreviewDeps;
}

/** What the page last confirmed it shows (for tests and for scroll sync after updates). */
export interface RenderedState {
  version: number;
  /** Rendered from the lint result of this version (not the text with the previous findings). */
  fresh: boolean;
  body: string;
  findings: string;
  card: string;
  headings: RenderedHeading[];
}

const MIN_DELAY_MS = 120;
const MAX_DELAY_MS = 2000;
/** How long to wait for the linter before rendering the new text with the previous findings. */
const LINT_WAIT_MS = 1500;
/** A document whose render takes longer than this updates on save only, not while typing. */
const SLOW_RENDER_MS = 2000;

export class PreviewPanel implements vscode.Disposable {
  #document: vscode.TextDocument;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lintWait: ReturnType<typeof setTimeout> | undefined;
  #lastResult: LintResult | undefined;
  #renderMs = 0;
  #staleUntilSave = false;
  /** Content was posted after the page's HTML was set: a page reloaded from that HTML is behind. */
  #postedSinceHtml = false;
  #sent = new Map<number, RenderedState>();
  #confirmed: RenderedState | undefined;
  /** The workspace index the chips are resolved with (undefined: none yet, the chips are plain text). */
  #references: ReferenceContext | undefined;
  /** What the chips of the last render showed (chipsSignature). */
  #chips = '';
  #referencesRun = 0;
  readonly #onDidConfirm = new vscode.EventEmitter<RenderedState>();
  readonly onDidConfirm = this.#onDidConfirm.event;
  readonly #onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.#onDidDispose.event;
  readonly #disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument,
    /** A following panel switches to whichever pmdocs document becomes active. */
    readonly following: boolean,
    private readonly host: PanelHost,
    private readonly renderer: Renderer,
  ) {
    this.#document = document;
    this.#disposables.push(
      panel.webview.onDidReceiveMessage((raw) => void this.handleMessage(raw)),
      panel.onDidDispose(() => this.dispose()),
      this.#onDidConfirm,
    );
    if (host.deps.onDidChangeReferences) this.#disposables.push(host.deps.onDidChangeReferences(() => void this.#loadReferences()));
    this.refresh();
  }

  get document(): vscode.TextDocument {
    return this.#document;
  }

  get source(): string {
    return this.#document.uri.toString();
  }

  get confirmed(): RenderedState | undefined {
    return this.#confirmed;
  }

  /** Shows another document in this panel (follow mode). */
  show(document: vscode.TextDocument): void {
    if (document.uri.toString() === this.source) return;
    this.#document = document;
    this.#lastResult = undefined;
    this.#references = undefined; // another document may belong to another workspace's index
    this.#sent.clear();
    this.#confirmed = undefined;
    this.refresh();
  }

  /** Rebuilds the whole page (new nonce, options and CSP): on open, document switch, settings change. */
  refresh(): void {
    this.#cancelTimers();
    this.#postedSinceHtml = false;
    const webview = this.panel.webview;
    webview.options = webviewOptions(this.host.extensionUri, this.#document.uri);
    const rendered = this.#render(this.#currentResult());
    const ext = this.host.extensionUri;
    this.panel.title = `Preview ${rendered.title ?? basename(this.#document.uri)}`;
    this.panel.webview.html = previewShell({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'preview.css')).toString(),
      allowRemoteImages: allowRemoteImages(this.#document.uri),
      source: this.source,
      version: this.#document.version,
      title: rendered.title ?? basename(this.#document.uri),
      content: rendered.html,
    });
    void this.#loadReferences();
  }

  /** Fetches the document's workspace index; when the chips would now look different, renders again. */
  async #loadReferences(): Promise<void> {
    const get = this.host.deps.references;
    if (!get) return;
    const run = ++this.#referencesRun;
    const document = this.#document;
    let references: ReferenceContext | undefined;
    try {
      references = await get(document, false);
    } catch (e) {
      this.host.deps.log?.warn(
        `Preview: the workspace index for ${document.uri.toString(true)} is not available: ${(e as Error)?.message ?? String(e)}`,
      );
      return;
    }
    if (this.#disposed || run !== this.#referencesRun || document !== this.#document) return; // superseded
    this.#references = references;
    const result = this.#lastResult;
    // An update on its way renders with the new index anyway; a slow document catches up on save.
    if (!result || this.#timer || this.#lintWait || this.#staleUntilSave) return;
    if (this.renderer.chipsSignature(result, references) !== this.#chips) this.#post(result);
  }

  /** The document changed: update after a pause that grows with the cost of a render. */
  scheduleUpdate(): void {
    if (this.#renderMs > SLOW_RENDER_MS) {
      // Rendering would freeze the editor on every pause in typing: wait for a save instead.
      this.#staleUntilSave = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    const delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, this.#renderMs * 2));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#update();
    }, delay);
  }

  /** The document was saved: catch up if typing was not followed live. */
  saved(): void {
    if (!this.#staleUntilSave) return;
    this.#staleUntilSave = false;
    this.#update();
  }

  /** A lint finished for some document: if it is ours and new, show it. */
  linted(uri: vscode.Uri): void {
    if (uri.toString() !== this.source) return;
    const result = this.host.deps.lint(this.#document);
    if (!result || result === this.#lastResult || this.#timer || this.#staleUntilSave) return;
    if (this.#lintWait) clearTimeout(this.#lintWait);
    this.#lintWait = undefined;
    this.#post(result);
  }

  scrollToLine(line: number): void {
    this.#postMessage({ type: 'scrollToLine', source: this.source, line });
  }

  #update(): void {
    const result = this.host.deps.lint(this.#document);
    if (result) return this.#post(result);
    if (!this.host.deps.onDidLint) return this.#post(this.#currentResult());
    if (this.#lintWait) clearTimeout(this.#lintWait);
    this.#lintWait = setTimeout(() => {
      this.#lintWait = undefined;
      this.#post(this.#currentResult());
    }, LINT_WAIT_MS);
  }

  #post(result: LintResult): void {
    const rendered = this.#render(result);
    const version = this.#document.version;
    this.#sent.clear();
    this.#sent.set(version, this.#stateOf(rendered, result));
    this.#postedSinceHtml = true;
    this.#postMessage({
      type: 'update',
      source: this.source,
      version,
      card: rendered.card,
      findings: rendered.findings,
      body: rendered.body,
      title: rendered.title,
    });
    if (rendered.title) this.panel.title = `Preview ${rendered.title}`;
  }

  /** The linted result for the current text, else the current text with the last known findings. */
  #currentResult(): LintResult {
    const fresh = this.host.deps.lint(this.#document);
    if (fresh) return fresh;
    const last = this.#lastResult;
    const path = this.#document.uri.scheme === 'untitled' ? undefined : this.#document.uri.path;
    return {
      docType: last?.docType,
      detectedBy: last?.detectedBy,
      findings: last?.findings ?? [],
      doc: this.renderer.parse(this.#document.getText(), path),
    };
  }

  #render(result: LintResult): RenderedDocument {
    const started = Date.now();
    this.#lastResult = result;
    let rendered: RenderedDocument;
    try {
      rendered = this.renderer.render(result, {
        allowRemoteImages: allowRemoteImages(this.#document.uri),
        resolveImage: imageResolver(this.panel.webview, this.#document.uri),
        ...(this.#references ? { references: this.#references } : {}),
      });
      this.#chips = this.renderer.chipsSignature(result, this.#references);
    } catch (e) {
      // A document the renderer chokes on gets a readable note, not a dead panel.
      this.host.deps.log?.error(`Preview of ${this.#document.uri.toString(true)} failed: ${(e as Error)?.stack ?? String(e)}`);
      rendered = failedRender(e);
    }
    this.#renderMs = Date.now() - started;
    if (this.#renderMs > 500) {
      const note = this.#renderMs > SLOW_RENDER_MS ? '; it will update on save rather than while typing' : '';
      this.host.deps.log?.info(`Preview of ${this.#document.uri.toString(true)} rendered in ${this.#renderMs} ms${note}.`);
    }
    // The first render of a page is part of its HTML: remember it as sent too.
    this.#sent.set(this.#document.version, this.#stateOf(rendered, result));
    return rendered;
  }

  #stateOf(rendered: RenderedDocument, result: LintResult): RenderedState {
    const fresh = result === this.host.deps.lint(this.#document);
    return {
      version: this.#document.version,
      fresh,
      body: rendered.body,
      findings: rendered.findings,
      card: rendered.card,
      headings: rendered.headings,
    };
  }

  #postMessage(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  /** Every message from the page comes through here, checked before anything happens. */
  async handleMessage(raw: unknown): Promise<boolean> {
    const message = parseWebviewMessage(raw, { source: this.source, lineCount: this.#document.lineCount });
    if (!message) {
      this.host.deps.log?.warn(`Preview: ignored a malformed message from the page: ${safeDescribe(raw)}`);
      return false;
    }
    await this.#act(message);
    return true;
  }

  async #act(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'rendered': {
        const state = this.#sent.get(message.version);
        if (state) {
          this.#confirmed = state;
          this.#onDidConfirm.fire(state);
        }
        if (message.type === 'ready') {
          // A hidden preview is rebuilt from its first HTML when shown again: bring it up to date.
          if (this.#postedSinceHtml || message.version !== this.#document.version) this.#post(this.#currentResult());
          this.#syncToEditor();
        }
        return;
      }
      case 'revealLine':
        return revealLine(this.#document, this.panel, message.line);
      case 'openLink':
        return openLink(this.#document, this.panel, message.href, this.host.deps.log);
      case 'openReference':
        return this.#openReference(message.id);
    }
  }

  /**
   * Opens the document that one of this document's references names. The page sends only an id: it is
   * looked up among the references of the front matter the page shows, and through the workspace index.
   */
  async #openReference(id: string): Promise<void> {
    const document = this.#document;
    const log = this.host.deps.log;
    let references: ReferenceContext | undefined;
    try {
      references = await this.host.deps.references?.(document, true);
    } catch (e) {
      log?.warn(`Preview: reference '${id}' not opened: ${(e as Error)?.message ?? String(e)}`);
      return;
    }
    const result = this.#lastResult ?? this.#currentResult();
    const target = references && document === this.#document ? this.renderer.referenceTarget(result, references, id) : undefined;
    if (!target) {
      log?.info(
        `Preview: reference '${id}' not opened: ${references ? 'this document has no reference with that id that names a document of the workspace' : 'the document has no workspace index'}.`,
      );
      return;
    }
    const uri = vscode.Uri.from({ scheme: document.uri.scheme, authority: document.uri.authority, path: target.path });
    return openReferencedDocument(this.panel, uri, id);
  }

  #syncToEditor(): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source);
    const top = editor?.visibleRanges[0]?.start.line;
    if (top !== undefined && top > 0) this.scrollToLine(top + 1);
  }

  #cancelTimers(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#lintWait) clearTimeout(this.#lintWait);
    this.#timer = this.#lintWait = undefined;
  }

  #disposed = false;

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#cancelTimers();
    this.#onDidDispose.fire();
    this.#onDidDispose.dispose();
    while (this.#disposables.length) this.#disposables.pop()?.dispose();
    this.panel.dispose();
  }
}

function failedRender(e: unknown): RenderedDocument {
  const text = `The preview could not be built: ${(e as Error)?.message ?? String(e)}. The details are in the pmdocs output.`;
  const body = `<p class="pmdocs-render-error">${escapeText(text)}</p>`;
  return {
    html: `<div id="pmdocs-card"></div><div id="pmdocs-findings"></div><article id="pmdocs-body" class="pmdocs-body">${body}</article>`,
    card: '',
    findings: '',
    body,
    headings: [],
  };
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function allowRemoteImages(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('pmdocs.preview', uri).get<boolean>('allowRemoteImages', false) === true;
}

const basename = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString(true);

function safeDescribe(raw: unknown): string {
  try {
    return JSON.stringify(raw)?.slice(0, 200) ?? String(raw);
  } catch {
    return typeof raw;
  }
}
