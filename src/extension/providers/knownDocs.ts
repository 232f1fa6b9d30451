// The ids of the workspace's documents, for completing reference fields (`prd:`, `epic:`, `stories:`)
// and the next free id. Built on first use from the front matter of every Markdown file (read through
// workspace.fs, so it works in virtual workspaces), kept current by a file watcher; open documents
// count with their unsaved text.

import * as vscode from 'vscode';
import { parseDoc } from '../../core/document/parse.js';
import type { KnownDoc } from '../../core/assist/completion.js';

const MAX_FILES = 10_000;
const decoder = new TextDecoder('utf-8');

export class KnownDocsIndex implements vscode.Disposable {
  private readonly byUri = new Map<string, KnownDoc | undefined>();
  private scanning?: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.read(uri)),
      watcher.onDidChange((uri) => void this.read(uri)),
      watcher.onDidDelete((uri) => this.byUri.delete(uri.toString())),
    );
  }

  /** Every known document; `folder` limits them to one workspace folder (ids are unique per folder). */
  async all(folder?: vscode.WorkspaceFolder): Promise<KnownDoc[]> {
    await (this.scanning ??= this.scan());
    const docs = new Map(this.byUri);
    for (const d of vscode.workspace.textDocuments) {
      if (d.languageId === 'markdown' && d.isDirty) docs.set(d.uri.toString(), knownDoc(d.getText(), d.uri));
    }
    const out: KnownDoc[] = [];
    for (const [uri, doc] of docs) {
      if (!doc) continue;
      if (folder && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))?.uri.toString() !== folder.uri.toString()) continue;
      out.push(doc);
    }
    return out.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  }

  private async scan(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', MAX_FILES);
    await Promise.all(files.map((uri) => this.read(uri)));
    this.log.debug(`Known documents: ${[...this.byUri.values()].filter(Boolean).length} with an id in ${files.length} Markdown file(s).`);
  }

  private async read(uri: vscode.Uri): Promise<void> {
    try {
      this.byUri.set(uri.toString(), knownDoc(decoder.decode(await vscode.workspace.fs.readFile(uri)), uri));
    } catch {
      this.byUri.delete(uri.toString()); // gone or unreadable: not a document to point at
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function knownDoc(text: string, uri: vscode.Uri): KnownDoc | undefined {
  const data = parseDoc(text, uri.path).frontMatter?.data;
  const id = data?.['id'];
  if (typeof id !== 'string' || !id) return undefined;
  return {
    id,
    ...(typeof data?.['type'] === 'string' ? { type: data['type'] as string } : {}),
    ...(typeof data?.['title'] === 'string' ? { title: data['title'] as string } : {}),
    path: vscode.workspace.asRelativePath(uri),
  };
}
