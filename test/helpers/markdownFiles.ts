// Every .md file below a folder (fixtures, examples), recursively.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith('.md') ? [p] : [];
  });
}
