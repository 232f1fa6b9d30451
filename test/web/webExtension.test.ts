// pmdocs in the browser's web-worker extension host (the `browser` entry, as vscode.dev and github.dev
// run it), inside a real VS Code workbench (code-server + Chromium, scripts/test-web.mjs): it proves it
// runs in the worker, reads the workspace folder and .pmdocs.json through vscode.workspace.fs, lints a
// broken PRD on open, applies a quick fix, and answers completion, hover, New Document and the preview.
// Waits on events, never on time.
import * as vscode from 'vscode';
import type { PmdocsApi } from '../../src/extension/activate.js';
import { expectEqual, expectTrue } from './expect.js';
import type { RenderedState } from '../../src/extension/preview/panel.js';

const BROKEN_PRD = `---
type: prd
id: PRD-2
title: Export saved searches
status: reveiw
owner: "@maria"
created: 2026-04-01
---

# Export saved searches

## Problem

Agents copy saved searches by hand between machines.

## Goals

- Agents move their saved searches in one step, by the end of Q3.

## Requirements

| # | Requirement | Priority |
|---|---|---|
| 1 | An agent can export saved searches as a file. | must |
`;

const { Error: E, Warning: W } = vscode.DiagnosticSeverity;

async function pmdocs(): Promise<PmdocsApi> {
  const extension = vscode.extensions.getExtension<PmdocsApi>('pmdocs.pmdocs');
  expectTrue(extension, 'pmdocs.pmdocs is installed');
  return extension.activate();
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  expectTrue(f, 'a workspace folder is open');
  return f.uri;
}

/** pmdocs' diagnostics of a file as [rule id, 0-based line, severity]. */
function summary(uri: vscode.Uri): [string, number, vscode.DiagnosticSeverity][] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'pmdocs')
    .map((d) => [typeof d.code === 'object' ? String(d.code.value) : String(d.code), d.range.start.line, d.severity]);
}

/** Resolves once pmdocs' diagnostics of `uri` satisfy `done` (now or after a diagnostics change). */
function diagnosticsWhen(uri: vscode.Uri, done: (s: ReturnType<typeof summary>) => boolean): Promise<ReturnType<typeof summary>> {
  return new Promise((resolve) => {
    const check = () => {
      const s = summary(uri);
      if (!done(s)) return false;
      sub.dispose();
      resolve(s);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

const ruleIds = (s: ReturnType<typeof summary>) => s.map(([id]) => id);

export const webTests: { name: string; run: () => Promise<void> }[] = [
  {
    name: 'the extension runs in the web-worker extension host (its browser entry)',
    async run() {
      const api = await pmdocs();
      expectEqual(api.hostKind, 'web', 'host kind reported by the extension');
      // This test file runs in the same extension host: a dedicated worker, with no Node `process`.
      const g = globalThis as { WorkerGlobalScope?: new () => unknown; process?: unknown };
      expectTrue(typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope, 'running in a web worker');
      expectEqual(typeof g.process, 'undefined', 'typeof process in the extension host');
      expectEqual(vscode.env.uiKind, vscode.UIKind.Web, 'UI kind');
      console.log(`    (folder ${folder().scheme}://…, host kind ${api.hostKind})`);
    },
  },
  {
    name: 'a broken PRD in the workspace folder gets its diagnostics on open, with .pmdocs.json read through workspace.fs',
    async run() {
      await pmdocs();
      // The folder is not `file:` for a web extension: everything is read through vscode.workspace.fs.
      expectTrue(folder().scheme !== 'file', `the workspace folder is a non-file URI (${folder().scheme})`);
      await write(vscode.Uri.joinPath(folder(), '.pmdocs.json'), JSON.stringify({ rules: { 'req-weak-modal': 'warning' } }));
      const uri = vscode.Uri.joinPath(folder(), 'docs/prd/PRD-2-export.md');
      await write(uri, BROKEN_PRD);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const found = await diagnosticsWhen(uri, (s) => s.length > 0);
      expectEqual(
        found,
        [
          ['frontmatter-schema', 4, E],
          ['required-section', 15, E],
          ['required-section', 19, E],
          ['req-weak-modal', 23, W], // info by default: the workspace's .pmdocs.json made it a warning
        ],
        'diagnostics of docs/prd/PRD-2-export.md',
      );
    },
  },
  {
    name: "a quick fix ('Replace with 'review'') changes the text, and the document is linted again as it changes",
    async run() {
      const uri = vscode.Uri.joinPath(folder(), 'docs/prd/PRD-2-export.md');
      const doc = await vscode.workspace.openTextDocument(uri);
      const status = vscode.languages.getDiagnostics(uri).find((d) => d.source === 'pmdocs' && d.range.start.line === 4);
      expectTrue(status, 'the status diagnostic on line 5');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, status.range);
      const fix = actions.find((a) => a.title === "Replace with 'review'");
      expectTrue(fix?.edit, `a 'Replace with 'review'' quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      expectEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value, 'code action kind');
      expectTrue(await vscode.workspace.applyEdit(fix.edit), 'the quick fix applies');
      expectEqual(doc.lineAt(4).text, 'status: review', 'line 5 after the quick fix');
      const after = await diagnosticsWhen(uri, (s) => !ruleIds(s).includes('frontmatter-schema'));
      expectEqual(ruleIds(after), ['required-section', 'required-section', 'req-weak-modal'], 'diagnostics after the quick fix');
    },
  },
  {
    name: 'completion and hover answer from the schema in the worker',
    async run() {
      const uri = vscode.Uri.joinPath(folder(), 'docs/prd/PRD-2-export.md');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(4, 'status: '.length),
      );
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      expectTrue(
        labels.includes('approved') && labels.includes('draft'),
        `status values offered (got ${JSON.stringify(labels.slice(0, 20))})`,
      );
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 2));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      expectTrue(/status/i.test(text), `a hover on 'status' (got ${JSON.stringify(text.slice(0, 200))})`);
    },
  },
  {
    name: 'New Document writes a PRD through workspace.fs (owner given: no git config or login name in the browser)',
    async run() {
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('pmdocs.newDocument', {
        type: 'prd',
        title: 'Bulk export',
        owner: '@maria',
        open: false,
      });
      expectTrue(created, 'New Document returned the new file');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      expectTrue(/^type: prd$/m.test(text) && /^owner: "?@maria"?$/m.test(text), `front matter of ${created.path}:\n${text.slice(0, 300)}`);
    },
  },
  {
    name: 'Validate Workspace lints a file never opened, and leaves out what .gitignore ignores (both read through workspace.fs)',
    async run() {
      const unopened = vscode.Uri.joinPath(folder(), 'docs/prd/PRD-5-unopened.md');
      const ignored = vscode.Uri.joinPath(folder(), 'docs/drafts/PRD-6-ignored.md');
      // scripts/test-web.mjs puts a .gitignore with `docs/drafts/` into the workspace before VS Code starts.
      await write(unopened, BROKEN_PRD.replace('id: PRD-2', 'id: PRD-5'));
      await write(ignored, BROKEN_PRD.replace('id: PRD-2', 'id: PRD-6'));
      const result = await vscode.commands.executeCommand<{ cancelled: boolean }>('pmdocs.validateWorkspace', { silent: true });
      expectEqual(result.cancelled, false, 'Validate Workspace ran to the end');
      const found = await diagnosticsWhen(unopened, (s) => s.length > 0);
      expectEqual(
        ruleIds(found),
        ['frontmatter-schema', 'required-section', 'required-section', 'req-weak-modal'],
        'diagnostics of the unopened PRD',
      );
      expectEqual(summary(ignored), [], 'diagnostics of the file under an ignored folder');
    },
  },
  {
    name: 'the preview panel renders the PRD (webview page, renderer in the worker)',
    async run() {
      const uri = vscode.Uri.joinPath(folder(), 'docs/prd/PRD-2-export.md');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('pmdocs.openPreviewToSide', uri);
      // The page loaded, ran its script under the CSP and confirmed the content of this version.
      const shown = await vscode.commands.executeCommand<RenderedState>('pmdocs.preview.test.waitForContent', uri.toString(), doc.version);
      expectTrue(shown.card.includes('<span class="pmdocs-id">PRD-2</span>'), `the card shows the id (card: ${shown.card.slice(0, 300)})`);
      expectEqual(
        shown.headings.map((h) => `${h.text}@${h.line}`),
        ['Export saved searches@10', 'Problem@12', 'Goals@16', 'Requirements@20'],
        'headings of the preview',
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    },
  },
];
