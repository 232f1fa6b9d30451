// The entry VS Code's web-worker extension host calls for `extensionTestsPath` (bundled for the browser
// into out/test/web/index.js by scripts/build.mjs; run by scripts/test-web.mjs). mocha needs Node, so
// this is a minimal sequential runner: each test in order, its name and outcome printed, then exactly
// one `N passed, N failed` line that scripts/test.mjs reads. Rejects when anything failed, which makes
// the extension host, and so the test command, exit 1.
import { webTests } from './webExtension.test.js';

const TIMEOUT_MS = 60_000; // a safety net for a busy machine; the tests wait on events, not time

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const t of webTests) {
    try {
      await Promise.race([t.run(), safetyNet(t.name)]);
      passed++;
      console.log(`  ✔ web: ${t.name}`);
    } catch (e) {
      failed++;
      console.error(`  ✖ web: ${t.name}\n    ${(e as Error)?.stack ?? String(e)}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} web extension test(s) failed`);
  if (passed === 0) throw new Error('no web extension test ran');
}

/** Like mocha's timeout in the integration suite: a hung test fails with its name instead of stalling the run. */
function safetyNet(name: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`'${name}' did not finish in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS));
}
