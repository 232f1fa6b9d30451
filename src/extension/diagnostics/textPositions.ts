// Offsets → positions for a file that is not open in an editor (workspace validation), with the same
// rules a TextDocument uses: lines end at \n, \r\n or \r; columns count UTF-16 code units.

import * as vscode from 'vscode';
import type { OffsetMapper } from './toDiagnostic.js';

export function offsetMapperFor(uri: vscode.Uri, text: string): OffsetMapper {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    } else if (c === 10 /* \n */) lineStarts.push(i + 1);
  }
  return {
    uri,
    positionAt(offset: number) {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      return new vscode.Position(lo, o - lineStarts[lo]!);
    },
  };
}
