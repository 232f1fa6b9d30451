// A workspace index built from a folder of Markdown files on disk (front matter only), the way the CLI
// builds one: for the cross-document rules' tests and fixtures.

import { readFileSync } from 'node:fs';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { indexEntry } from '../../src/core/workspace/entry.js';
import { createWorkspaceIndex, type IndexedDoc, type WorkspaceIndex } from '../../src/core/workspace/index.js';
import { markdownFiles } from './markdownFiles.js';

/** Every .md file below `dir` (recursively), indexed under its absolute path; messages show paths relative to `dir`. */
export function indexFolder(dir: string, config: ResolvedConfig = defaultConfig(dir)): WorkspaceIndex {
  const docs: IndexedDoc[] = [];
  for (const file of markdownFiles(dir).sort()) {
    const entry = indexEntry(readFileSync(file, 'utf8'), file, config);
    if (entry) docs.push(entry);
  }
  return createWorkspaceIndex({ root: dir, docs });
}

/** An index of in-memory documents: `{path: text}`. */
export function indexTexts(files: Record<string, string>, root = '/ws', config: ResolvedConfig = defaultConfig(root)): WorkspaceIndex {
  const docs: IndexedDoc[] = [];
  for (const [path, text] of Object.entries(files)) {
    const entry = indexEntry(text, path, config);
    if (entry) docs.push(entry);
  }
  return createWorkspaceIndex({ root, docs });
}
