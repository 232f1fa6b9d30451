// The editor's side of "who owns a new document": core decides the order (the value given, else
// $PMDOCS_OWNER, else git's user.name, else the login name); the platform (Node or web worker) supplies
// the lookups its extension host can do.

import type * as vscode from 'vscode';
import { resolveOwner, type OwnerResult } from '../../core/templates/index.js';
import type { ExtensionPlatform } from '../platform/platform.js';

export function resolveNewDocumentOwner(option: string | undefined, folder: vscode.Uri, platform: ExtensionPlatform): Promise<OwnerResult> {
  return resolveOwner({ option, ...platform.ownerLookups(folder) });
}
