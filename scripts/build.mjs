// Bundles the CLI, its worker and the VS Code extension with esbuild (one file each, dependencies
// inlined, so the CLI starts fast and the .vsix holds no node_modules).
//   node scripts/build.mjs [--watch] [--minify]
import { build, context } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

// ESM bundles that inline CommonJS dependencies (ajv) need a real `require` for Node built-ins.
const esmBanner = "import { createRequire as __pmdocsCreateRequire } from 'node:module'; const require = __pmdocsCreateRequire(import.meta.url);";

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, minify, logLevel: 'warning', legalComments: 'none' };

const targets = [
  { entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.mjs', format: 'esm', banner: { js: `#!/usr/bin/env node\n${esmBanner}` } },
  { entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.mjs', format: 'esm', banner: { js: esmBanner } },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', format: 'cjs', external: ['vscode'] },
];

// --- integration tests bundle ---
// (owned by the integration-test setup; see scripts/test-integration.mjs)
// --- end integration tests bundle ---

const missing = targets.filter((t) => !existsSync(t.entryPoints[0]));
for (const t of missing) console.warn(`build: skipping ${t.outfile} (${t.entryPoints[0]} does not exist yet)`);
const todo = targets.filter((t) => !missing.includes(t)).map((t) => ({ ...common, ...t }));

if (watch) {
  for (const t of todo) await (await context(t)).watch();
  console.log('build: watching…');
} else {
  await Promise.all(todo.map((t) => build(t)));
  if (existsSync('dist/cli.mjs')) chmodSync('dist/cli.mjs', 0o755);
}
