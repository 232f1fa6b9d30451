// The core's disk access (IHost) on top of vscode.workspace.fs, never Node's fs: it works the same for
// local folders, remote ones and virtual workspaces (vscode.dev, GitHub repositories). Paths are
// `Uri.path` strings; one host serves one scheme + authority (one workspace folder's file system).

import * as vscode from 'vscode';
import type { IHost } from '../../core/host.js';
import { readRegularFile } from '../readRegular.js';
import type { FolderFiles } from './documentScope.js';

const decoder = new TextDecoder('utf-8'); // drops a leading BOM, like an editor does

export interface WorkspaceFsHost extends IHost {
  uriOf(path: string): vscode.Uri;
}

export function createWorkspaceFsHost(base: vscode.Uri): WorkspaceFsHost {
  const uriOf = (path: string) => base.with({ path, query: '', fragment: '' });
  const stat = async (path: string) => {
    try {
      const s = await vscode.workspace.fs.stat(uriOf(path));
      return { isFile: (s.type & vscode.FileType.File) !== 0, isDirectory: (s.type & vscode.FileType.Directory) !== 0, size: s.size };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };
  return {
    uriOf,
    stat,
    async readFile(path, options) {
      try {
        return decoder.decode(await readRegularFile(uriOf(path), options?.maxBytes));
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
  };
}

/** The files of one workspace folder, for core/workspace/scope.ts (through documentScope.ts). */
export function createFolderFiles(base: vscode.Uri): FolderFiles {
  const host = createWorkspaceFsHost(base);
  return {
    readFile: (path) => host.readFile(path),
    stat: (path) => host.stat(path),
    async findFiles(dir, glob, exclude) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(host.uriOf(dir), glob), exclude);
      return found.map((uri) => uri.path);
    },
  };
}

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound');
}
