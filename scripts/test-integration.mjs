// Runs the integration suite (test/integration/**/*.test.ts) inside a real VS Code extension host.
//   node scripts/test-integration.mjs [--code-server=4.90.3]   (after `node scripts/build.mjs`)
// By default VS Code is code-server, installed on demand by scripts/setup-vscode-test.sh and driven by
// scripts/run-vscode-tests.cjs: this works on machines that cannot download desktop VS Code.
// PMDOCS_VSCODE=desktop uses @vscode/test-electron's own download of desktop VS Code instead (a laptop
// with internet). Either way the tests get a fresh copy of test/workspace that they may edit freely.
// Exit code: 0 all passed, 1 a test failed, 2 the run could not start. The in-host runner prints the
// `N passed, N failed` line that scripts/test.mjs reads; nothing here prints another one.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// --code-server=VERSION (or PMDOCS_CODE_SERVER_VERSION): run on another code-server, e.g. 4.90.3 = VS Code
// 1.90, the oldest version the extension declares (`npm run test:integration:old`). Each version is
// installed into its own folder, which scripts/setup-vscode-test.sh and run-vscode-tests.cjs share.
const codeServerArg = process.argv.find((a) => a.startsWith('--code-server='))?.slice('--code-server='.length);
if (codeServerArg) process.env.PMDOCS_CODE_SERVER_VERSION = codeServerArg;
const codeServerVersion = process.env.PMDOCS_CODE_SERVER_VERSION;
if (codeServerVersion && codeServerVersion !== '4.139.1' && !process.env.VSCODE_TEST_TOOLS) {
  process.env.VSCODE_TEST_TOOLS = join(homedir(), `.cache/vscode-test-tools-${codeServerVersion}`);
}
const extensionBundle = join(repo, 'dist/extension.cjs');
const testsBundle = join(repo, 'out/test/integration/index.cjs');
const desktop = process.env.PMDOCS_VSCODE === 'desktop';

function fail(message) {
  console.error(`test-integration: ${message}`);
  process.exit(2);
}

const missing = [extensionBundle, testsBundle].filter((f) => !existsSync(f));
if (missing.length > 0) {
  fail(`missing ${missing.map((f) => f.slice(repo.length + 1)).join(' and ')}; build first with \`node scripts/build.mjs\``);
}

if (!desktop) {
  // Progress goes to stderr so it shows live even when the caller captures stdout.
  const setup = spawnSync('bash', [join(repo, 'scripts/setup-vscode-test.sh')], { stdio: ['ignore', 2, 2] });
  if (setup.status !== 0) fail(`scripts/setup-vscode-test.sh failed (exit ${setup.status ?? setup.signal})`);
}

const workspace = mkdtempSync(join(tmpdir(), 'pmdocs-test-workspace-'));
cpSync(join(repo, 'test/workspace'), workspace, { recursive: true });

let exitCode;
try {
  await runTests({
    ...(desktop ? {} : { vscodeExecutablePath: join(repo, 'scripts/run-vscode-tests.cjs') }),
    extensionDevelopmentPath: repo,
    extensionTestsPath: testsBundle,
    launchArgs: [workspace, '--disable-extensions'],
  });
  exitCode = 0;
} catch (error) {
  // runTests rejects with the host's exit code when a test failed; anything else means no run.
  if (typeof error?.code === 'number') {
    exitCode = error.code;
  } else {
    console.error(`test-integration: ${error?.message ?? error}`);
    exitCode = 2;
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(exitCode);
