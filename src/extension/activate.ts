// The extension's activation, shared by both entry points (extension.ts for the Node extension host,
// webExtension.ts for the browser's web worker), which differ only in the platform they pass. Activation
// only wires things up; the engine loads on the first lint (diagnostics/linter.ts), so VS Code start-up
// never waits for it.

import * as vscode from 'vscode';
import { ConfigProvider } from './config/configProvider.js';
import { createConfigProblemDiagnostics } from './diagnostics/configProblemDiagnostics.js';
import { DiagnosticsController, type ValidationEvent } from './diagnostics/diagnosticsController.js';
import { Linter } from './diagnostics/linter.js';
import { WorkspaceIndexer } from './workspaceIndex.js';
import { registerStatusBar } from './statusBar.js';
import { watchConfiguration, anyFolderValidatesWorkspace } from './configWatcher.js';
import { registerShowOutput } from './commands/showOutput.js';
import { registerInitConfig } from './commands/initConfig.js';
import { registerOpenRuleDocumentation } from './commands/openRuleDocumentation.js';
import { registerValidateWorkspace } from './commands/validateWorkspace.js';
import { registerNewDocument } from './commands/newDocument.js';
import { registerReleaseChangelog } from './commands/releaseChangelog.js';
import { navigationDeps, registerProviders } from './providers/index.js';
import { registerTraceView, type TraceTreeProvider } from './trace/traceView.js';
import { registerPreview } from './preview/index.js';
import { watchUserLimits } from './config/userLimits.js';
import type { Services } from './services.js';
import type { LintResult } from '../core/engine.js';
import type { ExtensionHostKind, ExtensionPlatform } from './platform/platform.js';

/** What activate() returns: for other extensions and the integration tests (events, not sleeps). */
export interface PmdocsApi {
  onDidValidate: vscode.Event<ValidationEvent>;
  resultFor(doc: vscode.TextDocument): LintResult | undefined;
  /** The extension host pmdocs runs in: 'node' (desktop, remote) or 'web' (the browser's web worker). */
  hostKind: ExtensionHostKind;
  /** The Trace view's contents (what the explorer shows for the active editor). */
  trace: TraceTreeProvider;
}

export function activatePmdocs(context: vscode.ExtensionContext, platform: ExtensionPlatform): PmdocsApi {
  const userLimits = watchUserLimits(); // first: every read below is bounded by them
  const log = vscode.window.createOutputChannel('pmdocs', { log: true });
  const problems = createConfigProblemDiagnostics();
  const configs = new ConfigProvider(log, problems);
  const indexer = new WorkspaceIndexer(configs, log);
  const linter = new Linter(configs, log, (uri, config) => indexer.indexFor(uri, config));
  const controller = new DiagnosticsController(linter, log, indexer);
  const services: Services = { context, log, configs, linter, controller, indexer };
  const trace = registerTraceView(navigationDeps(services), indexer.onDidChange);
  const validateAllQuietly = () => void vscode.commands.executeCommand('pmdocs.validateWorkspace', { silent: true });

  context.subscriptions.push(
    userLimits,
    log,
    problems,
    configs,
    indexer,
    controller,
    registerStatusBar(controller, context.extensionMode),
    watchConfiguration(configs, controller, validateAllQuietly),
    registerShowOutput(log),
    registerInitConfig(log),
    registerOpenRuleDocumentation(context, linter),
    registerValidateWorkspace(controller, configs, log, context.extensionMode),
    registerNewDocument(linter, log, platform),
    registerReleaseChangelog(),
    ...registerProviders(services),
    trace.disposable,
  );
  registerPreview(context, {
    lint: (doc) => controller.resultFor(doc),
    log,
    onDidLint: controller.onDidValidate,
    // The card's reference chips: the same index the cross-document rules use (read on first need).
    references: async (doc, wait) => {
      const { config } = await configs.configFor(doc.uri);
      const index = wait ? await indexer.indexWhenReady(doc.uri, config) : indexer.indexFor(doc.uri, config);
      if (!index) return undefined;
      const engine = await linter.getEngine();
      return { index, docTypes: engine.registry(config).all(), schemas: config.schemas };
    },
    onDidChangeReferences: indexer.onDidChange,
  });

  log.info(
    `pmdocs ${context.extension.packageJSON.version ?? ''} active (${platform.kind === 'web' ? 'web worker extension host' : 'Node extension host'}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web UI' : 'desktop UI'}${vscode.env.remoteName ? `, remote: ${vscode.env.remoteName}` : ''}, ${vscode.workspace.isTrusted ? 'trusted' : 'restricted mode'}).`,
  );
  controller.start();
  if (anyFolderValidatesWorkspace()) validateAllQuietly();
  return {
    onDidValidate: controller.onDidValidate,
    resultFor: (doc) => controller.resultFor(doc),
    hostKind: platform.kind,
    trace: trace.provider,
  };
}
