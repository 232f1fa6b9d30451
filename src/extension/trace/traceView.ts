// The Trace view in the explorer: for the document in the active editor, the trace of each PRD it
// belongs to (core/graph/traceTree.ts decides the contents), with status icons and the gaps marked.
// Computed lazily (only while the view asks for it) and again when the active editor or the workspace
// index changes, so an edit to a story's status shows at once.

import * as vscode from 'vscode';
import { traceTreesFor, type TraceNode } from '../../core/graph/traceTree.js';
import type { NavigationDeps } from '../providers/navigationContext.js';
import { uriOf } from '../providers/navigationContext.js';
import { graphContext } from './graphContext.js';

export const TRACE_VIEW = 'pmdocs.trace';
/** Shows the Trace view (the CodeLens's command). */
export const SHOW_TRACE = 'pmdocs.showTrace';

const NOTHING = 'Open a PRD, epic, story or release notes of the workspace to see its trace.';

export class TraceTreeProvider implements vscode.TreeDataProvider<TraceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly messages = new vscode.EventEmitter<string | undefined>();
  /** The view's message: why it is empty, or undefined. */
  readonly onDidChangeMessage = this.messages.event;
  private document: vscode.TextDocument | undefined;
  private roots: Promise<TraceNode[]> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly deps: NavigationDeps,
    onDidChangeIndex: vscode.Event<unknown>,
  ) {
    this.follow(vscode.window.activeTextEditor);
    this.disposables = [
      this.changed,
      this.messages,
      // Focus moving to a panel or a non-Markdown editor keeps the last trace.
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e) && this.refresh()),
      onDidChangeIndex(() => this.refresh()),
    ];
  }

  /** The document whose trace is shown. */
  get followed(): vscode.TextDocument | undefined {
    return this.document;
  }

  private follow(editor: vscode.TextEditor | undefined): boolean {
    if (!editor || editor.document.languageId !== 'markdown' || editor.document === this.document) return false;
    this.document = editor.document;
    return true;
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire();
  }

  getChildren(node?: TraceNode): vscode.ProviderResult<TraceNode[]> {
    if (node) return node.children;
    return (this.roots ??= this.compute());
  }

  private async compute(): Promise<TraceNode[]> {
    const document = this.document;
    const g = document && (await graphContext(this.deps, document).catch(() => undefined));
    const roots = g ? traceTreesFor(g.index, g.entry, g.isDone) : [];
    this.messages.fire(roots.length ? undefined : g ? `${g.entry.id ?? 'This document'} belongs to no PRD of the workspace.` : NOTHING);
    return roots;
  }

  getTreeItem(node: TraceNode): vscode.TreeItem {
    const state = !node.children.length
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'prd' || node.kind === 'group'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    if (node.description) item.description = node.description;
    item.tooltip = node.description ? `${node.label}: ${node.description}` : node.label;
    item.contextValue = node.kind;
    const icon = iconOf(node);
    if (icon) item.iconPath = icon;
    if (node.path && this.document) {
      const uri = uriOf(node.path, this.document.uri);
      const line = node.line ?? 0;
      item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) }] };
      item.resourceUri = uri;
    }
    return item;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function iconOf(node: TraceNode): vscode.ThemeIcon | undefined {
  if (node.gap) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (node.status === 'done') return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  if (node.status === 'dropped') return new vscode.ThemeIcon('circle-slash');
  if (node.status === 'open') return new vscode.ThemeIcon('circle-large-outline');
  return undefined;
}

/** The view, its provider (returned for the integration tests) and the command that shows it. */
export function registerTraceView(
  deps: NavigationDeps,
  onDidChangeIndex: vscode.Event<unknown>,
): { provider: TraceTreeProvider; disposable: vscode.Disposable } {
  const provider = new TraceTreeProvider(deps, onDidChangeIndex);
  const view = vscode.window.createTreeView(TRACE_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  view.message = NOTHING;
  const disposable = vscode.Disposable.from(
    provider,
    view,
    provider.onDidChangeMessage((m) => (view.message = m)),
    vscode.commands.registerCommand(SHOW_TRACE, () => vscode.commands.executeCommand(`${TRACE_VIEW}.focus`)),
  );
  return { provider, disposable };
}
