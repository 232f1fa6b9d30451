// Not a test of the normal suite: with PMDOCS_BENCH_RENAME=1 it times, in the real editor, the rename
// of a PRD that 50 stories name (front matter and body) — the provider's workspace edit, then applying
// it — and prints the figures for BENCHMARKS.md. Correctness of the same rename is navigation.test.ts's.
//   node scripts/build.mjs && PMDOCS_BENCH_RENAME=1 PMDOCS_TEST_GREP="rename bench" node scripts/test-integration.mjs

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsWhen, fileUri, open, ruleOf, setSetting, validatedWithIndex } from './helpers.js';

const STORIES = 50;
const PRD = `---\ntype: prd\nid: PRD-1450\ntitle: Rename bench\nstatus: draft\nowner: "@maria"\ncreated: 2026-07-01\n---\n\n# PRD-1450: Rename bench\n`;
const story = (n: number) =>
  `---\ntype: user-story\nid: US-${14500 + n}\ntitle: Bench story ${n}\nstatus: draft\nprd: PRD-1450\n---\n\n# Bench story ${n}\n\nPart of PRD-1450.\n`;

if (process.env.PMDOCS_BENCH_RENAME) {
  suite('rename bench', () => {
    suiteTeardown(closeAllEditors);

    test(`rename of a PRD that ${STORIES} stories name: edit and apply`, async () => {
      const create = new vscode.WorkspaceEdit();
      const encode = (s: string) => new TextEncoder().encode(s);
      create.createFile(fileUri('bench/PRD-1450-rename-bench.md'), { overwrite: true, contents: encode(PRD) });
      for (let n = 0; n < STORIES; n++)
        create.createFile(fileUri(`bench/US-${14500 + n}.md`), { overwrite: true, contents: encode(story(n)) });
      assert.ok(await vscode.workspace.applyEdit(create));
      const last = fileUri(`bench/US-${14500 + STORIES - 1}.md`);
      const editor = await open(last);
      await validatedWithIndex(editor.document);
      await diagnosticsWhen(last, (ds) => !ds.some((d) => ruleOf(d) === 'ref-unresolved'), 'the story to see PRD-1450');
      const restore = await setSetting('rename.renameFiles', true);
      try {
        const position = editor.document.positionAt(editor.document.getText().indexOf('prd: PRD-1450') + 7);
        const t0 = performance.now();
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
          'vscode.executeDocumentRenameProvider',
          last,
          position,
          'PRD-1451',
        );
        const t1 = performance.now();
        assert.ok(await vscode.workspace.applyEdit(edit));
        const t2 = performance.now();
        const changed = edit.entries().length;
        assert.equal(changed, STORIES + 1);
        console.log(
          `      rename bench: ${changed} files, rename provider ${(t1 - t0).toFixed(0)} ms, applyEdit ${(t2 - t1).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms`,
        );
      } finally {
        await restore();
      }
    });
  });
}
