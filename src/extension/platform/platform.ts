// What differs between the two extension hosts pmdocs runs in: desktop VS Code's Node extension host
// (also remote and code-server's server host) and the browser's web-worker extension host (vscode.dev,
// github.dev). Everything else — documents, .pmdocs.json, workspace schemas, the workspace index — goes
// through vscode.workspace.fs in both, so one code path serves both; each entry point passes its platform.

import type * as vscode from 'vscode';
import type { OwnerLookups } from '../../core/templates/index.js';

export type ExtensionHostKind = 'node' | 'web';

export interface ExtensionPlatform {
  /** Which extension host this is: reported in the output channel and the extension's API. */
  readonly kind: ExtensionHostKind;
  /** The owner lookups this host can do for a new document in `folder` ($PMDOCS_OWNER, git's user.name, the login name). */
  ownerLookups(folder: vscode.Uri): Omit<OwnerLookups, 'option' | 'optionName'>;
  /** Set when some owner lookups cannot work here: New Document's owner prompt says so. */
  readonly ownerLimitation?: string;
}
