// Where the page may load from, and how document-relative paths (images, links) become URIs. One
// options function serves new panels and panels restored after a reload.

import * as vscode from 'vscode';

/** The document's workspace folder; for a file outside any folder, its own directory. */
export function documentRoot(documentUri: vscode.Uri): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  if (folder) return folder.uri;
  return documentUri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(documentUri, '..');
}

export function webviewOptions(extensionUri: vscode.Uri, documentUri: vscode.Uri | undefined): vscode.WebviewOptions {
  const roots = [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')];
  const docRoot = documentUri && documentRoot(documentUri);
  if (docRoot) roots.push(docRoot);
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: roots };
}

/**
 * A path from the document (`../img/a.png`, `/docs/b.md`) as a URI inside the document's root, or
 * undefined when it points elsewhere. A leading `/` is relative to the root.
 */
export function resolveInRoot(documentUri: vscode.Uri, path: string): vscode.Uri | undefined {
  const root = documentRoot(documentUri);
  if (!root || !path || /^[a-z][a-z0-9+.-]*:/i.test(path) || /^[\\/]{2}/.test(path)) return undefined;
  const clean = path.replace(/\\/g, '/');
  const target = clean.startsWith('/') ? vscode.Uri.joinPath(root, clean) : vscode.Uri.joinPath(documentUri, '..', clean);
  const rootPath = root.path.endsWith('/') ? root.path : `${root.path}/`;
  const inside = target.scheme === root.scheme && target.authority === root.authority && (target.path + '/').startsWith(rootPath);
  return inside ? target : undefined;
}

/** An image `src` from the document as a webview URL, if it is a file inside the document's root. */
export function imageResolver(webview: vscode.Webview, documentUri: vscode.Uri): (src: string) => string | undefined {
  return (src) => {
    let path: string;
    try {
      path = decodeURIComponent(src.replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
    const target = resolveInRoot(documentUri, path);
    return target ? webview.asWebviewUri(target).toString() : undefined;
  };
}
