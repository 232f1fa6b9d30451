// The CodeLens on a PRD's or epic's title heading: "3 stories · 2 done · 4/6 requirements covered · in
// REL-2.4.0" (core/graph's lensSummary); a click shows the Trace view. Off with `pmdocs.codeLens: false`.
// Refreshed whenever the workspace index changes (a story's status, a new release note).

import * as vscode from 'vscode';
import { lensSummary } from '../../core/graph/trace.js';
import { lensLine } from '../../core/graph/lensLine.js';
import { MARKDOWN } from '../services.js';
import { readSettings } from '../config/settings.js';
import type { NavigationDeps } from '../providers/navigationContext.js';
import { graphContext } from './graphContext.js';
import { SHOW_TRACE } from './traceView.js';

export function registerCodeLens(deps: NavigationDeps, onDidChangeIndex: vscode.Event<unknown>): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document) {
      if (!readSettings(document.uri).codeLens) return [];
      const g = await graphContext(deps, document);
      if (!g) return [];
      const title = lensSummary(g.index, g.entry, g.isDone);
      if (!title) return [];
      const line = lensLine(g.typed.doc);
      return [
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, command: SHOW_TRACE, tooltip: 'Show the trace of this document' }),
      ];
    },
  };
  return vscode.Disposable.from(
    changed,
    onDidChangeIndex(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pmdocs.codeLens')) changed.fire();
    }),
    vscode.languages.registerCodeLensProvider(MARKDOWN, provider),
  );
}
