// Reads a workspace file for pmdocs through workspace.fs, only when it is a regular file within the
// fileBytes limit: a FIFO or a device (also behind a symlink, which stat follows) is refused before it is
// opened, so the extension host never blocks on a pipe or reads /dev/zero without end.

import * as vscode from 'vscode';
import { limits, limitSetting } from '../core/limits.js';

export async function readRegularFile(uri: vscode.Uri, maxBytes = limits().fileBytes): Promise<Uint8Array> {
  const s = await vscode.workspace.fs.stat(uri);
  if (!(s.type & vscode.FileType.File)) throw new Error(`${uri.path} is not a regular file; pmdocs reads only regular files`);
  if (s.size > maxBytes) throw new Error(`${uri.path} is larger than ${maxBytes} bytes; raise ${limitSetting('fileBytes')} to read it`);
  return vscode.workspace.fs.readFile(uri);
}
