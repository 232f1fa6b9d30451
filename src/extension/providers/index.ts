// Language features beyond diagnostics (issue 5: quick fixes and fix-all, completion, hover, outline),
// one small file each. `registerAuthoring` takes only what it needs (AuthoringDeps); `registerProviders`
// builds those from the extension's shared services and is what activate() calls.

import type * as vscode from 'vscode';
import type { Services } from '../services.js';
import type { AuthoringDeps } from './deps.js';
import { registerCodeActions } from './codeActions.js';
import { registerCompletion } from './completion.js';
import { registerHover } from './hover.js';
import { registerSymbols } from './symbols.js';
import type { KnownDocsSource } from './completion.js';
import type { NavigationDeps } from './navigationContext.js';
import { registerDefinition } from './definition.js';
import { registerReferences } from './references.js';
import { registerRename } from './rename.js';
import { registerDocumentLinks } from './documentLinks.js';
import { registerWorkspaceSymbols } from './workspaceSymbols.js';
import { registerCodeLens } from '../trace/codeLens.js';

export type { AuthoringDeps } from './deps.js';

export function registerAuthoring(_context: vscode.ExtensionContext, deps: AuthoringDeps, known: KnownDocsSource): vscode.Disposable[] {
  return [registerCodeActions(deps), registerCompletion(deps, known), registerHover(deps), registerSymbols(deps)];
}

/** Go to Definition, references, rename, id links and workspace symbols over the workspace index (issue 14). */
export function registerNavigation(deps: NavigationDeps): vscode.Disposable[] {
  return [
    registerDefinition(deps),
    registerReferences(deps),
    registerRename(deps),
    registerDocumentLinks(deps),
    registerWorkspaceSymbols(deps),
  ];
}

/** What the navigation providers, the CodeLens and the Trace view need, from the extension's services. */
export function navigationDeps(services: Services): NavigationDeps {
  const indexer = services.indexer;
  return {
    authoring: authoringDeps(services),
    index: {
      indexWhenReady: (uri, config) => indexer.indexWhenReady(uri, config),
      scopeOf: (uri, config) => indexer.scopeOf(uri, config),
      allIndexes: () => indexer.allIndexes(),
    },
  };
}

function authoringDeps(services: Services): AuthoringDeps {
  return {
    prepare: (uri) => services.linter.prepare(uri),
    lint: (engine, config, uri, text) => services.linter.lintWith(engine, config, uri, text).result,
    currentResult: (document) => services.controller.resultFor(document),
    log: services.log,
  };
}

export function registerProviders(services: Services): vscode.Disposable[] {
  const deps = navigationDeps(services);
  const indexer = services.indexer;
  return [
    ...registerAuthoring(services.context, deps.authoring, { knownDocs: (uri, config) => indexer.knownDocs(uri, config) }),
    ...registerNavigation(deps),
    registerCodeLens(deps, indexer.onDidChange),
  ];
}
