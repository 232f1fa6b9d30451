// `pmdocs lsp --stdio`: the language server. It wires the protocol to the same core the CLI and the
// VS Code extension use (./linting.ts, ./features.ts); stdout carries protocol messages only (the
// library sends console output to the client as log messages).
//
// Configuration: `.pmdocs.json` files as everywhere, plus the client's settings in initializationOptions
// or workspace/didChangeConfiguration (`{ "pmdocs": { … } }` or the settings object itself):
// run ("onType" | "onSave"), debounceMs, rules, associations, rename ({ renameFiles }).

import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ScopeHost } from '../core/workspace/scope.js';
import { LspConfigs } from './configs.js';
import { COMPLETION_TRIGGERS, FIX_ALL_KIND, Features } from './features.js';
import { DocumentLinter } from './linting.js';
import { pathOf } from './paths.js';
import { LspWorkspaceIndex } from './workspaceIndex.js';
import { Navigation } from './navigation.js';

/** The settings object inside what a client sends: `{ pmdocs: {…} }` or the object itself. */
function settingsIn(raw: unknown): unknown {
  const o = raw as Record<string, unknown> | null | undefined;
  return o && typeof o === 'object' && o['pmdocs'] && typeof o['pmdocs'] === 'object' ? o['pmdocs'] : raw;
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(pathOf).filter((p): p is string => !!p);
}

export interface ServerOptions {
  /** The machine's files (the CLI's Node host). */
  host: ScopeHost;
  /** pmdocs' version, for serverInfo. */
  version: string;
}

/**
 * Starts the server on this process's stdin/stdout (`--stdio` must be among its arguments). The front
 * end that starts it (`pmdocs lsp`) passes what it knows of the machine, so src/lsp imports no CLI code.
 */
export function startServer({ host, version }: ServerOptions): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let configs!: LspConfigs;
  let linter!: DocumentLinter;
  let features!: Features;
  let navigation!: Navigation;
  let watchFiles = false;
  let codeLensRefresh = false;

  connection.onInitialize((params): InitializeResult => {
    configs = new LspConfigs(host, foldersOf(params), settingsIn(params.initializationOptions));
    const index = new LspWorkspaceIndex(
      host,
      configs,
      (scope) => {
        linter.indexChanged(scope);
        // The trace CodeLens counts other documents: ask the client to fetch it again.
        if (codeLensRefresh) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      },
      (m) => connection.console.info(m),
    );
    linter = new DocumentLinter(connection, documents, configs, index);
    features = new Features(linter, configs);
    navigation = new Navigation(linter, configs, documents);
    const caps = params.capabilities;
    const workspaceEdit = caps.workspace?.workspaceEdit;
    navigation.fileRenames = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('rename');
    linter.pull = !!caps.textDocument?.diagnostic;
    features.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        documentSymbolProvider: { label: 'pmdocs' },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(linter.pull ? { diagnosticProvider: { identifier: 'pmdocs', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pmdocs', version },
    };
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      // Markdown files feed the workspace index; config and schema files change how documents are linted.
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/.pmdocs.json' }, { globPattern: '**/*.{json,yaml,yml}' }],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      configs.setFolders(folders.map((f) => pathOf(f.uri)).filter((p): p is string => !!p));
      linter.index.reset();
      linter.relintAll();
    });
  });

  connection.onDidChangeConfiguration((params) => {
    if (params.settings === undefined || params.settings === null) return;
    configs.setSettings(settingsIn(params.settings));
    linter.relintAll();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const configChanged = changes.some((c) => /(^|\/)\.pmdocs\.json$|\.(json|ya?ml)$/i.test(c.uri));
    if (configChanged) {
      configs.invalidate();
      linter.index.reset();
      linter.relintAll();
      return;
    }
    for (const change of changes) {
      const path = pathOf(change.uri);
      if (path && /\.(md|markdown)$/i.test(path) && (change.type !== FileChangeType.Changed || !documents.get(change.uri)))
        await linter.index.fileChanged(path);
    }
  });

  // Opening a document also fires a content change for the same version: the open lint covers it.
  const openedAt = new Map<string, number>();
  documents.onDidOpen((e) => {
    openedAt.set(e.document.uri, e.document.version);
    void linter.lint(e.document);
  });
  documents.onDidChangeContent((e) => {
    if (openedAt.get(e.document.uri) === e.document.version) return;
    openedAt.delete(e.document.uri);
    linter.changed(e.document);
  });
  documents.onDidSave((e) => linter.saved(e.document));
  documents.onDidClose((e) => {
    openedAt.delete(e.document.uri);
    linter.closed(e.document.uri);
  });

  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const linted = doc && (await linter.current(doc));
    return { kind: 'full', items: doc && linted ? linter.diagnosticsOf(doc, linted) : [] };
  });
  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? features.codeActions(doc, params) : [];
  });
  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? features.completion(doc, params.position) : [];
  });
  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return (doc && (await features.hover(doc, params.position))) ?? null;
  });
  connection.onDocumentSymbol(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? features.symbols(doc) : [];
  });
  connection.onDefinition(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? navigation.definition(doc, params.position) : [];
  });
  connection.onReferences(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? navigation.references(doc, params.position, params.context.includeDeclaration) : [];
  });
  connection.onPrepareRename(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? navigation.prepareRename(doc, params.position) : null;
  });
  connection.onRenameRequest(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? navigation.rename(doc, params.position, params.newName) : null;
  });
  connection.onDocumentLinks(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? navigation.documentLinks(doc) : [];
  });
  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? navigation.codeLenses(doc) : [];
  });
  connection.onWorkspaceSymbol(async (params) => navigation.workspaceSymbols(params.query));
  // For tools and tests: resolves once the workspace index of the document's scope has been read.
  connection.onRequest('pmdocs/indexReady', async (params: { uri: string }) => {
    const path = pathOf(params.uri);
    const { config, folder } = await configs.configFor(path);
    const index = await linter.index.whenReady(path, config, folder);
    return { documents: index?.docs.length ?? 0 };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
