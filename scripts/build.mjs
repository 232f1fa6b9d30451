// Bundles the CLI and its worker (shared chunks), the VS Code extension (Node and web worker) and the preview page's script
// with esbuild: dependencies inlined, so the CLI needs no node_modules and the .vsix holds none.
//   node scripts/build.mjs [--watch] [--minify]
import { build, context } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';
import { webExtensionTarget, webTestsTarget } from './webBundle.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

// ESM bundles that inline CommonJS dependencies (ajv) need a real `require` for Node built-ins.
const esmBanner =
  "import { createRequire as __pmdocsCreateRequire } from 'node:module'; const require = __pmdocsCreateRequire(import.meta.url);";

// mainFields: prefer a package's ESM build; jsonc-parser's default (UMD) entry requires its modules at
// run time, which a bundle cannot resolve.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minify,
  logLevel: 'warning',
  legalComments: 'none',
  mainFields: ['module', 'main'],
};

const targets = [
  // The CLI and its worker share chunks: what `import()` loads lazily (the engine with remark, yaml and
  // ajv; each command) stays out of start-up, so a run the cache answers never parses that code.
  // The shebang comes from bin.ts (esbuild keeps an entry point's hashbang first).
  {
    entryPoints: { cli: 'src/cli/bin.ts', worker: 'src/cli/worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]', // next to worker.mjs, which pool.ts finds beside itself
    splitting: true,
    format: 'esm',
    banner: { js: esmBanner },
  },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', format: 'cjs', external: ['vscode'] },
  // The same extension for the browser's web-worker extension host (vscode.dev, github.dev).
  webExtensionTarget,
  // The preview page's script (src/webview, DOM only): one classic script loaded by nonce.
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', format: 'iife', platform: 'browser', target: 'es2022' },
];

// --- integration tests bundle ---
// (owned by the integration-test setup; see scripts/test-integration.mjs)
// The in-host mocha runner plus every test/integration/**/*.test.ts as one CommonJS file that VS Code's
// extension host loads as extensionTestsPath. `vscode` comes from the host; mocha stays external and is
// required from node_modules at run time (it loads its reporters and interfaces from its own files).
// The runner imports the list of test files from a module this plugin writes at build time.
function integrationTestsTarget() {
  const testFileList = {
    name: 'integration-test-files',
    setup(b) {
      b.onResolve({ filter: /^pmdocs:integration-test-files$/ }, (a) => ({ path: a.path, namespace: 'pmdocs-generated' }));
      b.onLoad({ filter: /.*/, namespace: 'pmdocs-generated' }, async () => {
        const { glob } = await import('tinyglobby');
        const files = (await glob('test/integration/**/*.test.ts')).sort();
        const entries = files.map((f) => `  { path: ${JSON.stringify(f)}, load: () => import(${JSON.stringify(`./${f}`)}) },`);
        return {
          contents: `export const integrationTestFiles = [\n${entries.join('\n')}\n];\n`,
          loader: 'js',
          resolveDir: process.cwd(),
          watchDirs: [...new Set(['test/integration', ...files.map((f) => f.slice(0, f.lastIndexOf('/')))])].map(
            (d) => `${process.cwd()}/${d}`,
          ),
        };
      });
    },
  };
  return {
    entryPoints: ['test/integration/runner/index.ts'],
    outfile: 'out/test/integration/index.cjs',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    plugins: [testFileList],
  };
}
targets.push(integrationTestsTarget());
// --- end integration tests bundle ---
targets.push(webTestsTarget);

const entryFiles = (t) => (Array.isArray(t.entryPoints) ? t.entryPoints : Object.values(t.entryPoints));
const missing = targets.filter((t) => !entryFiles(t).every((f) => existsSync(f)));
for (const t of missing) console.warn(`build: skipping ${t.outfile ?? t.outdir} (${entryFiles(t).join(', ')} does not exist yet)`);
const todo = targets.filter((t) => !missing.includes(t)).map((t) => ({ ...common, ...t }));

if (watch) {
  for (const t of todo) await (await context(t)).watch();
  console.log('build: watching…');
} else {
  await Promise.all(todo.map((t) => build(t)));
  if (existsSync('dist/cli.mjs')) chmodSync('dist/cli.mjs', 0o755);
}
