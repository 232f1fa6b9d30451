// The layer rules of eslint.config.mjs catch what they are there for (ESLint run on sample text placed
// at paths of each layer; nothing is written).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result!.messages.filter((m) => /restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message.split('.')[0]!);
}

const cases: { path: string; code: string; flagged: number }[] = [
  { path: 'src/core/sample.ts', code: "import * as vscode from 'vscode';\nexport const v = vscode;\n", flagged: 1 },
  {
    path: 'src/core/sample.ts',
    code: "import { readFile } from 'node:fs';\nimport { join } from 'path';\nexport const f = [readFile, join];\n",
    flagged: 2,
  },
  {
    path: 'src/core/rules/sample.ts',
    code: "import { main } from '../../cli/main.js';\nimport { activate } from '../../extension/extension.js';\nexport const m = [main, activate];\n",
    flagged: 2,
  },
  { path: 'src/core/sample.ts', code: "import { lint } from './engine.js';\nexport const l = lint;\n", flagged: 0 },
  { path: 'src/cli/sample.ts', code: "import * as vscode from 'vscode';\nexport const v = vscode;\n", flagged: 1 },
  { path: 'src/extension/sample.ts', code: "import { main } from '../cli/main.js';\nexport const m = main;\n", flagged: 1 },
  { path: 'src/extension/sample.ts', code: "import { startServer } from '../lsp/server.js';\nexport const s = startServer;\n", flagged: 1 },
  {
    path: 'src/lsp/sample.ts',
    code: "import { createNodeHost } from '../cli/nodeHost.js';\nimport { VERSION } from '../cli/version.js';\nexport const h = [createNodeHost, VERSION];\n",
    flagged: 2,
  },
  { path: 'src/lsp/sample.ts', code: "import * as vscode from 'vscode';\nexport const v = vscode;\n", flagged: 1 },
  { path: 'src/lsp/sample.ts', code: "import { activate } from '../extension/extension.js';\nexport const a = activate;\n", flagged: 1 },
  {
    path: 'src/lsp/sample.ts',
    code: "import { createEngine } from '../core/engine.js';\nimport { readFile } from 'node:fs';\nexport const e = [createEngine, readFile];\n",
    flagged: 0,
  },
  { path: 'src/core/sample.ts', code: "import { startServer } from '../lsp/server.js';\nexport const s = startServer;\n", flagged: 1 },
  {
    path: 'src/webview/sample.ts',
    code: "import type { HostMessage } from '../extension/preview/protocol.js';\nexport type M = HostMessage;\n",
    flagged: 0,
  },
  {
    path: 'src/webview/sample.ts',
    code: "import { parseWebviewMessage } from '../extension/preview/protocol.js';\nexport const p = parseWebviewMessage;\n",
    flagged: 1,
  },
  {
    path: 'src/webview/sample.ts',
    code: "import { activate } from '../extension/extension.js';\nexport const a = activate;\n",
    flagged: 1,
  },
];

for (const c of cases) {
  test(`${c.path}: ${c.code.split('\n')[0]} → ${c.flagged} restricted import(s)`, async () => {
    assert.equal((await restricted(c.path, c.code)).length, c.flagged);
  });
}
