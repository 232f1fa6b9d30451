// `npm test`: type-check, lint (ESLint: layers, import cycles), format check (Prettier), build, unit + CLI tests (node's test runner through tsx), then the integration
// suite inside a real VS Code extension host, and the web tests in its web-worker extension host. Ends with one summary line that CI reads.
//   node scripts/test.mjs [--unit] [--integration]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.includes('--unit') ? 'unit' : process.argv.includes('--integration') ? 'integration' : 'all';
let passed = 0;
let failed = 0;
let broken = false;

function run(label, cmd, args, { capture = false } = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: process.env });
  if (capture) process.stdout.write(r.stdout ?? '');
  if (r.status !== 0) broken = true;
  return r;
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

function count(output) {
  // node's spec reporter ends with "ℹ pass N" / "ℹ fail N"; mocha's runner with "N passed, N failed".
  const num = (re) => Number((output.match(re) ?? [])[1] ?? 0);
  const p = num(/^ℹ pass (\d+)$/m) + num(/^(\d+) passed, \d+ failed$/m);
  const f = num(/^ℹ fail (\d+)$/m) + num(/^\d+ passed, (\d+) failed$/m);
  passed += p;
  failed += f;
}

run('type-check', 'npx', ['tsc', '-p', 'tsconfig.json']);
run('type-check (preview page)', 'npx', ['tsc', '-p', 'src/webview/tsconfig.json']);
run('lint (ESLint)', 'npx', ['eslint', '.']);
run('format (Prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '**/*.{ts,mts,cts,js,mjs,cjs}']);
run('build', 'node', ['scripts/build.mjs']);
if (only !== 'integration') {
  const files = [...testFiles('test/unit'), ...testFiles('test/cli'), ...testFiles('test/lsp'), ...testFiles('test/browser')];
  const r = run(
    `unit + CLI tests (${files.length} files)`,
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
    { capture: true },
  );
  count(r.stdout ?? '');
}
if (only !== 'unit') {
  const r = run('integration tests in a real VS Code extension host', process.execPath, ['scripts/test-integration.mjs'], {
    capture: true,
  });
  count(r.stdout ?? '');
  // The oldest VS Code engines.vscode allows (1.90): the same suite on code-server 4.90.3.
  const old = run(
    'integration tests on VS Code 1.90 (code-server 4.90.3)',
    process.execPath,
    ['scripts/test-integration.mjs', '--code-server=4.90.3'],
    { capture: true },
  );
  count(old.stdout ?? '');
  // The web extension (package.json's `browser`) in the browser's web-worker extension host.
  const web = run('web extension tests in a real web-worker extension host', process.execPath, ['scripts/test-web.mjs'], { capture: true });
  count(web.stdout ?? '');
}
console.log(`\n${passed} passed, ${failed} failed${broken && failed === 0 ? ' (a step failed: see above)' : ''}`);
process.exit(broken || failed ? 1 : 0);
