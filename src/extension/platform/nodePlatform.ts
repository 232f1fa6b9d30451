// The desktop (Node) extension host: the owner of a new document may come from $PMDOCS_OWNER, git's
// user.name or the login name, as for `pmdocs new`. git's config files are read as data through
// vscode.workspace.fs — no `git` process, so nothing in a repository's config (or a `git` executable
// inside the folder) runs. Only for local folders: a virtual workspace has no git config on this machine
// to speak for it.

import * as vscode from 'vscode';
import { gitUserName } from '../../core/templates/index.js';
import { createWorkspaceFsHost } from '../config/workspaceFsHost.js';
import type { ExtensionPlatform } from './platform.js';

export const nodePlatform: ExtensionPlatform = {
  kind: 'node',
  ownerLookups(folder) {
    const env: Record<string, string | undefined> = typeof process === 'object' ? process.env : {};
    const asPath = (p: string | undefined) => (p ? vscode.Uri.file(p).path : undefined);
    return {
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
    };
  },
};
