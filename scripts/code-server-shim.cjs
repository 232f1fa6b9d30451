// Starts an older code-server (4.90) with one more command-line option in its table:
// `--enable-smoke-test-driver`, which its VS Code server understands but which releases before
// `--vscode-option` reject as unknown. code-server hands every parsed option to the VS Code server, so
// adding the entry is all it takes. Used by scripts/run-vscode-tests.cjs; the folder of the code-server
// package comes in PMDOCS_CODE_SERVER_DIR (its own child processes run this file again).
'use strict';
const path = require('node:path');

const dir = process.env.PMDOCS_CODE_SERVER_DIR;
if (!dir) throw new Error('PMDOCS_CODE_SERVER_DIR is not set');
const cli = require(path.join(dir, 'out/node/cli.js'));
cli.options['enable-smoke-test-driver'] ??= { type: 'boolean', description: 'Let the workbench run extension tests (smoke-test driver).' };
require(path.join(dir, 'out/node/entry.js'));
