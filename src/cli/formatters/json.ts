// Machine-readable output: an array of {filePath (relative to the cwd), docType, findings}; findings
// carry everything the engine reports (offsets, 1-based positions, docsUrl, expected/actual, fixes).

import { relativePath } from '../../core/config/paths.js';
import type { Formatter } from './types.js';

export const json: Formatter = (results, ctx) =>
  `${JSON.stringify(results.map((r) => ({ filePath: relativePath(ctx.cwd, r.path), docType: r.docType ?? null, findings: r.findings })))}\n`;
