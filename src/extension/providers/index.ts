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

export type { AuthoringDeps } from './deps.js';

export function registerAuthoring(_context: vscode.ExtensionContext, deps: AuthoringDeps, known: KnownDocsSource): vscode.Disposable[] {
  return [registerCodeActions(deps), registerCompletion(deps, known), registerHover(deps), registerSymbols(deps)];
}

export function registerProviders(services: Services): vscode.Disposable[] {
  return registerAuthoring(
    services.context,
    {
      prepare: (uri) => services.linter.prepare(uri),
      lint: (engine, config, uri, text) => services.linter.lintWith(engine, config, uri, text).result,
      currentResult: (document) => services.controller.resultFor(document),
      log: services.log,
    },
    { knownDocs: (uri, config) => services.indexer.knownDocs(uri, config) },
  );
}
