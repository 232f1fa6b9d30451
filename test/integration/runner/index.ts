// The entry VS Code's extension host calls for `extensionTestsPath` (bundled into
// out/test/integration/index.cjs by scripts/build.mjs). Runs every test/integration/**/*.test.ts with
// mocha's TDD interface (suite/test/suiteSetup/…), prints each test, then exactly one line
// `N passed, N failed` that scripts/test.mjs and CI read. Rejects when anything failed, which makes
// the extension host, and so the whole test command, exit 1.
import type MochaClass from 'mocha';
import { integrationTestFiles } from 'pmdocs:integration-test-files';

// mocha is an ES module wrapping CommonJS: depending on the host's Node version, require() gives the
// Mocha class itself or a module namespace holding it as `default`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this runner is bundled as CommonJS for the extension host
const mochaModule = require('mocha') as typeof MochaClass | { default: typeof MochaClass };
const Mocha = typeof mochaModule === 'function' ? mochaModule : mochaModule.default;

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false, // the output travels through the workbench log, not a terminal
    timeout: 60_000, // a safety net for a hung test on a busy machine; tests wait on events, not time
    ...(process.env.PMDOCS_TEST_GREP ? { grep: process.env.PMDOCS_TEST_GREP } : {}),
  });

  // The test files are bundled in, not read from disk: load each one the way `mocha.addFile` would,
  // with mocha's globals in place while its top level registers suites.
  for (const file of integrationTestFiles) {
    mocha.suite.emit('pre-require', globalThis, file.path, mocha);
    await file.load();
    mocha.suite.emit('post-require', globalThis, file.path, mocha);
  }

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run((failures) => resolve({ passed: runner.stats?.passes ?? 0, failed: failures }));
  });
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (passed === 0) throw new Error('no integration test ran');
}
