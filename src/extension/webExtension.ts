// Entry point of the VS Code extension in the browser's web-worker extension host (vscode.dev,
// github.dev, a code-server workbench running web extensions): package.json's `browser`. Bundled for the
// browser (no Node built-ins); every file is read through vscode.workspace.fs, as in the Node host.

import type * as vscode from 'vscode';
import { activatePmdocs, type PmdocsApi } from './activate.js';
import { webPlatform } from './platform/webPlatform.js';

export function activate(context: vscode.ExtensionContext): PmdocsApi {
  return activatePmdocs(context, webPlatform);
}

export function deactivate(): void {}
