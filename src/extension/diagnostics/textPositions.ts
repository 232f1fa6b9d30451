// Offsets → positions for a file that is not open in an editor (workspace validation), with the same
// rules a TextDocument uses: lines end at \n, \r\n or \r; columns count UTF-16 code units.

import * as vscode from 'vscode';
import { LineIndex } from '../../core/document/lineIndex.js';
import type { OffsetMapper } from './toDiagnostic.js';

export function offsetMapperFor(uri: vscode.Uri, text: string): OffsetMapper {
  const lines = new LineIndex(text);
  return {
    uri,
    positionAt(offset: number) {
      const p = lines.pointAt(offset);
      return new vscode.Position(p.line - 1, p.column - 1);
    },
  };
}
