// Runs the web tests (test/web) inside the browser's web-worker extension host of a real VS Code
// workbench: code-server serves it, headless Chromium runs it (scripts/run-vscode-tests.cjs), and
// `extensionDevelopmentKind=web` makes the workbench start pmdocs from its `browser` entry in the web
// worker, as vscode.dev and github.dev do, with the tests in the same worker.
//   node scripts/test-web.mjs   (after `node scripts/build.mjs`; also run by `npm test`)
// Exit code: 0 all passed, 1 a test failed, 2 the run could not start. The in-host runner prints the
// `N passed, N failed` line that scripts/test.mjs reads.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundles = ['dist/web/extension.cjs', 'out/test/web/index.cjs'];
const missing = bundles.filter((f) => !existsSync(join(repo, f)));
if (missing.length) {
  console.error(`test-web: missing ${missing.join(' and ')}; build first with \`node scripts/build.mjs\``);
  process.exit(2);
}

// Progress goes to stderr so it shows live even when the caller captures stdout.
const setup = spawnSync('bash', [join(repo, 'scripts/setup-vscode-test.sh')], { stdio: ['ignore', 2, 2] });
if (setup.status !== 0) {
  console.error(`test-web: scripts/setup-vscode-test.sh failed (exit ${setup.status ?? setup.signal})`);
  process.exit(2);
}

const workspace = mkdtempSync(join(tmpdir(), 'pmdocs-web-workspace-'));
cpSync(join(repo, 'test/workspace'), workspace, { recursive: true });
// Read by the Validate Workspace test: a folder .gitignore leaves out (there from the start, so no file
// watcher event is needed for pmdocs to know it).
writeFileSync(join(workspace, '.gitignore'), 'docs/drafts/\n');
try {
  const run = spawnSync(
    process.execPath,
    [
      join(repo, 'scripts/run-vscode-tests.cjs'),
      workspace,
      `--extensionDevelopmentPath=${repo}`,
      `--extensionTestsPath=${join(repo, 'out/test/web/index.cjs')}`,
      '--extensionDevelopmentKind=web',
    ],
    { stdio: 'inherit' },
  );
  process.exitCode = run.status ?? 2;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
