// Entry point of the VS Code extension in a Node extension host (desktop VS Code, remote, code-server):
// package.json's `main`. The browser's web worker starts webExtension.ts instead; both share activate.ts.

import type * as vscode from 'vscode';
import { activatePmdocs, type PmdocsApi } from './activate.js';
import { nodePlatform } from './platform/nodePlatform.js';

export type { PmdocsApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): PmdocsApi {
  return activatePmdocs(context, nodePlatform);
}

export function deactivate(): void {}
