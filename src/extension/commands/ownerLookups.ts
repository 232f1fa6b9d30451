// The editor's side of "who owns a new document": core decides the order (the value given, else
// $PMDOCS_OWNER, else git's user.name, else the login name); this supplies the lookups the extension host
// can do. git's config files are read as data through vscode.workspace.fs — no `git` process, so nothing
// in a repository's config (or a `git` executable inside the folder) runs. Only for local folders: a
// virtual workspace has no git config on this machine to speak for it.

import * as vscode from 'vscode';
import { gitUserName, resolveOwner, type OwnerResult } from '../../core/templates/index.js';
import { createWorkspaceFsHost } from '../config/workspaceFsHost.js';

export function resolveNewDocumentOwner(option: string | undefined, folder: vscode.Uri): Promise<OwnerResult> {
  const env: Record<string, string | undefined> = typeof process === 'object' ? process.env : {};
  const asPath = (p: string | undefined) => (p ? vscode.Uri.file(p).path : undefined);
  return resolveOwner({
    option,
    envOwner: env['PMDOCS_OWNER'],
    gitUserName:
      folder.scheme === 'file'
        ? () =>
            gitUserName(createWorkspaceFsHost(folder), folder.path, {
              home: asPath(env['HOME'] ?? env['USERPROFILE']),
              xdgConfigHome: asPath(env['XDG_CONFIG_HOME']),
              gitConfigGlobal: asPath(env['GIT_CONFIG_GLOBAL']),
            })
        : undefined,
    loginName: () => env['USER'] || env['LOGNAME'] || env['USERNAME'],
  });
}
