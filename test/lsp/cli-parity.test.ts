// The language server publishes, for every document in examples/, exactly the findings `pmdocs lint -f
// json` reports for the same file: same rules, severities, messages and ranges (the cross-document rules
// included: the server's workspace index is waited for before the documents are opened).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient.js';
import { ensureBuilt } from '../helpers/ensureBuilt.js';

const repo = join(import.meta.dirname, '../..');
const examples = join(repo, 'examples');
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith('.md') ? [p] : [];
  });
}

const files = markdownFiles(examples).sort();
let client: LspClient;

before(() => ensureBuilt());
after(() => client?.kill());

test('examples/ has documents to compare', () => {
  assert.ok(files.length >= 10, `only ${files.length} files`);
});

test('for every file in examples/, the published diagnostics equal `pmdocs lint -f json`', async () => {
  const cli = spawnSync(process.execPath, [join(repo, 'dist/cli.mjs'), 'lint', '-f', 'json', ...files.map((f) => relative(repo, f))], {
    cwd: repo,
    encoding: 'utf8',
  });
  assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
  const byFile = new Map<string, unknown[]>();
  for (const r of JSON.parse(cli.stdout) as { filePath: string; findings: any[] }[]) {
    byFile.set(
      join(repo, r.filePath),
      r.findings.map((f) => ({
        code: f.ruleId,
        severity: SEVERITY[f.severity],
        message: f.message,
        from: [f.line, f.column],
        to: [f.endLine, f.endColumn],
      })),
    );
  }
  assert.ok(
    [...byFile.values()].some((f) => f.length > 0),
    'the CLI found nothing: the comparison would prove nothing',
  );

  client = new LspClient();
  await client.initialize(pathToFileURL(examples).href);
  const ready = await client.request('pmdocs/indexReady', { uri: pathToFileURL(files[0]!).href });
  assert.ok(ready.result.documents >= 10, JSON.stringify(ready));

  for (const file of files) {
    const uri = pathToFileURL(file).href;
    const published = client.diagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
    const actual = (await published).params.diagnostics.map((d: any) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      from: [d.range.start.line + 1, d.range.start.character + 1],
      to: [d.range.end.line + 1, d.range.end.character + 1],
    }));
    assert.deepEqual(actual, byFile.get(file) ?? [], relative(repo, file));
  }
  const exit = await client.shutdown();
  assert.equal(exit.code, 0);
  assert.deepEqual(client.junk, []);
});
