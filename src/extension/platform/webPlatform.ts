// The browser's web-worker extension host (vscode.dev, github.dev): no environment variables, no home
// folder and no login name. The owner of a new document can still come from the repository's own
// .git/config (read as data through vscode.workspace.fs, when the workspace has one — github.dev's
// virtual file system does not); otherwise New Document asks for it and says why it cannot suggest one.

import { gitUserName } from '../../core/templates/index.js';
import { createWorkspaceFsHost } from '../config/workspaceFsHost.js';
import type { ExtensionPlatform } from './platform.js';

export const webPlatform: ExtensionPlatform = {
  kind: 'web',
  ownerLookups: (folder) => ({ gitUserName: () => gitUserName(createWorkspaceFsHost(folder), folder.path, {}) }),
  ownerLimitation:
    "in the browser pmdocs cannot read $PMDOCS_OWNER, your global git config or your login name, so it suggests an owner only from the repository's .git/config",
};
