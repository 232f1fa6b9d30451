// The extension's shared services, created once in activate() and handed to commands and providers.

import type * as vscode from 'vscode';
import type { ConfigProvider } from './config/configProvider.js';
import type { DiagnosticsController } from './diagnostics/diagnosticsController.js';
import type { Linter } from './diagnostics/linter.js';
import type { WorkspaceIndexer } from './workspaceIndex.js';

export const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  configs: ConfigProvider;
  linter: Linter;
  controller: DiagnosticsController;
  /** The workspace's documents (front matter only), for the cross-document rules and id completion. */
  indexer: WorkspaceIndexer;
}
