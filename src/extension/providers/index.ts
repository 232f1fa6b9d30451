// Language features beyond diagnostics register here, one small file each (quick fixes, completion,
// hover, outline: issue 5). Each gets the shared services; a provider reads the Finding behind a
// diagnostic with `findingOf` (diagnostics/toDiagnostic.ts) and lint results with `controller.resultFor`.

import type * as vscode from 'vscode';
import type { Services } from '../services.js';

export type ProviderRegistration = (services: Services) => vscode.Disposable;

/** Add a provider's register function here. */
const providers: ProviderRegistration[] = [];

export function registerProviders(services: Services): vscode.Disposable[] {
  return providers.map((register) => register(services));
}
