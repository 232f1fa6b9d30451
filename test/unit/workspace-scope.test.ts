// Which files make up a workspace is decided once (core/workspace/scope.ts). One table of trees: for each,
// the CLI (`pmdocs lint` run in-process, and the lister its workspace index uses) and the extension's
// adapter (documentScope over a fake of its small FolderFiles host, as Validate Workspace and the
// workspace index call it) must select the same files — and the ones the table expects.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import { loadConfig, createConfigLoader } from '../../src/core/config/load.js';
import { fileLister, workspaceFiles } from '../../src/core/workspace/scope.js';
import { main } from '../../src/cli/main.js';
import { createNodeHost, toSlash } from '../../src/cli/nodeHost.js';
import { documentScope, scopeHost, type FolderFiles } from '../../src/extension/config/documentScope.js';
import { existingDocs } from '../../src/core/templates/index.js';

interface Case {
  name: string;
  files: Record<string, string>;
  /** What `pmdocs lint` (no arguments) and Validate Workspace lint, relative to the tree. */
  linted: string[];
  /** Config file (relative; '' for none) → the documents of its workspace (what the index holds). */
  documents: Record<string, string[]>;
}

// A pmdocs document (the CLI's JSON lists every document it linted; findings do not matter here).
const doc = '---\ntype: epic\ntitle: A document\n---\n\n# A document\n';
const cases: Case[] = [
  {
    name: '.md and .markdown; git-ignored files and folders are skipped',
    files: {
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'a.md': doc,
      'notes.markdown': doc,
      'drafts/b.md': doc,
      'c.tmp.md': doc,
      'readme.txt': 'text',
    },
    linted: ['a.md', 'notes.markdown'],
    documents: { '': ['a.md', 'notes.markdown'] },
  },
  {
    name: 'a .gitignore in a subfolder applies below it; node_modules never counts',
    files: {
      'sub/.gitignore': 'private.md\n',
      'sub/private.md': doc,
      'sub/public.md': doc,
      'node_modules/pkg/README.md': doc,
      'top.md': doc,
    },
    linted: ['sub/public.md', 'top.md'],
    documents: { '': ['sub/public.md', 'top.md'] },
  },
  {
    name: 'a nested .pmdocs.json is its own workspace, with its own exclude',
    files: { '.pmdocs.json': '{}', 'z.md': doc, 'team/.pmdocs.json': '{ "exclude": ["old/**"] }', 'team/x.md': doc, 'team/old/y.md': doc },
    linted: ['team/x.md', 'z.md'],
    documents: { '.pmdocs.json': ['z.md'], 'team/.pmdocs.json': ['team/old/y.md', 'team/x.md'] },
  },
  {
    name: 'include selects, exclude keeps from linting but not from the workspace',
    files: {
      '.pmdocs.json': '{ "include": ["docs/**/*.{md,markdown}"], "exclude": ["docs/archive/**"] }',
      'docs/a.md': doc,
      'docs/c.markdown': doc,
      'docs/archive/b.md': doc,
      'README.md': doc,
      '.gitignore': 'docs/generated/\n',
      'docs/generated/g.md': doc,
    },
    linted: ['docs/a.md', 'docs/c.markdown'],
    documents: { '.pmdocs.json': ['docs/a.md', 'docs/archive/b.md', 'docs/c.markdown'] },
  },
];

function writeTree(files: Record<string, string>): string {
  const dir = toSlash(mkdtempSync(join(tmpdir(), 'pmdocs-scope-')));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const rel = (dir: string, paths: readonly string[]) => paths.map((p) => p.slice(dir.length + 1)).sort();

/** The CLI: `pmdocs lint --format json` in-process; every file it reports was linted. */
async function cliLinted(dir: string): Promise<string[]> {
  let out = '';
  const code = await main({
    argv: ['lint', '--format', 'json'],
    cwd: dir,
    host: createNodeHost(),
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    env: { PMDOCS_WORKERS: '0' },
  });
  assert.ok(code === 0 || code === 1, `pmdocs lint exited ${code}`);
  return (JSON.parse(out) as { filePath: string }[]).map((f) => f.filePath).sort();
}

/** The CLI's workspace index: the lister of its run and core's workspaceFiles, as src/cli/workspace.ts calls them. */
async function cliDocuments(dir: string, configFile: string | undefined): Promise<string[]> {
  const host = createNodeHost();
  const loader = createConfigLoader(host, {});
  const config = configFile ? await loader.loadFile(configFile) : { root: dir };
  return rel(dir, (await workspaceFiles(fileLister(host, dir), config, configFile, loader.configFileFor)).documents);
}

/** A fake of the extension's FolderFiles (workspace.findFiles + workspace.fs) on the temporary folder. */
function fakeFolderFiles(): FolderFiles {
  return {
    // VS Code reads `{a,b}` in an exclude as either glob; tinyglobby's ignore takes them as a list.
    findFiles: async (base, pattern, exclude) =>
      (
        await glob(pattern, {
          cwd: base,
          ignore: /^\{.*\}$/.test(exclude) ? exclude.slice(1, -1).split(',') : [exclude],
          dot: true,
          absolute: true,
          onlyFiles: true,
          expandDirectories: false,
        })
      ).map(toSlash),
    readFile: async (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    stat: async (path) => {
      try {
        const s = statSync(path);
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size };
      } catch {
        return undefined;
      }
    },
  };
}

/** The extension: its config lookup (core's loader on the folder) and documentScope, as Validate Workspace and the index use them. */
async function editorSelection(dir: string): Promise<{ linted: string[]; documents: Record<string, string[]> }> {
  const host = createNodeHost();
  const configFor = (path: string) => loadConfig(host, path, { workspaceRoot: dir });
  const scope = documentScope(fakeFolderFiles(), dir);
  const linted = rel(dir, await scope.lintedFiles(configFor));
  const documents: Record<string, string[]> = {};
  // The index: every Markdown file found, placed in its own config's workspace when it is a document there.
  for (const path of await fakeFolderFiles().findFiles(dir, '**/*.{md,markdown}', '**/node_modules/**')) {
    const config = await configFor(path);
    if (!(await scope.isDocument(config, path))) continue;
    (documents[config.file ? config.file.slice(dir.length + 1) : ''] ??= []).push(path.slice(dir.length + 1));
  }
  for (const list of Object.values(documents)) list.sort();
  return { linted, documents };
}

for (const c of cases) {
  test(`workspace scope: ${c.name}`, async () => {
    const dir = writeTree(c.files);
    try {
      const editor = await editorSelection(dir);
      const cliDocs: Record<string, string[]> = {};
      for (const key of Object.keys(c.documents)) cliDocs[key] = await cliDocuments(dir, key ? `${dir}/${key}` : undefined);
      assert.deepEqual(await cliLinted(dir), c.linted, 'pmdocs lint');
      assert.deepEqual(editor.linted, c.linted, 'Validate Workspace');
      assert.deepEqual(cliDocs, c.documents, "the CLI's workspace index");
      assert.deepEqual(editor.documents, c.documents, "the editor's workspace index");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('ids in use for a new document: the same files through the CLI host and the editor adapter', async () => {
  const prd = (id: string) => `---\ntype: prd\nid: ${id}\ntitle: P\n---\n`;
  const dir = writeTree({
    '.gitignore': 'drafts/\n',
    'docs/PRD-1-a.md': prd('PRD-1'),
    'docs/b.markdown': prd('PRD-5'),
    'drafts/PRD-7-draft.md': prd('PRD-7'), // git-ignored, still an id seen on disk
    'team/.pmdocs.json': '{}',
    'team/PRD-8-t.md': prd('PRD-8'), // another workspace below, counted all the same
    'stories/US-3.md': '---\ntype: user-story\nid: US-3\n---\n', // no PRD- in it: not parsed
    'node_modules/pkg/PRD-9.md': prd('PRD-9'),
  });
  try {
    const expected = [
      { path: 'docs/PRD-1-a.md', id: 'PRD-1' },
      { path: 'docs/b.markdown', id: 'PRD-5' },
      { path: 'drafts/PRD-7-draft.md', id: 'PRD-7' },
      { path: 'stories/US-3.md', id: undefined },
      { path: 'team/PRD-8-t.md', id: 'PRD-8' },
    ];
    for (const [name, host] of [
      ['pmdocs new', createNodeHost()],
      ['New Document', scopeHost(fakeFolderFiles())],
    ] as const) {
      const found = (await existingDocs(host, dir, 'PRD-')).map((d) => ({ path: d.path.slice(dir.length + 1), id: d.id }));
      assert.deepEqual(
        found.sort((a, b) => (a.path < b.path ? -1 : 1)),
        expected,
        name,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
