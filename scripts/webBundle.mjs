// esbuild options of the web extension (package.json's `browser`): one CommonJS file that VS Code's
// web-worker extension host loads (it evaluates `module.exports`, with `vscode` as the only require).
// Platform browser: a dependency that reaches for a Node built-in fails the build instead of arriving in
// vscode.dev broken; mainFields prefer a package's browser build. The extension host is a web worker,
// which has no DOM: the `worker` condition comes first, so a package exporting a DOM build for `browser`
// (decode-named-character-reference, used by micromark) gives its worker build. Shared by build.mjs and the unit test
// that checks the bundle (test/unit/web-bundle.test.ts).
export const webExtensionTarget = {
  entryPoints: ['src/extension/webExtension.ts'],
  outfile: 'dist/web/extension.cjs',
  format: 'cjs',
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  conditions: ['worker'],
  external: ['vscode'],
};

// The web tests (test/web, run by scripts/test-web.mjs): bundled the same way, loaded by the same
// web-worker extension host as its `extensionTestsPath`; `.cjs` because package.json says "type": "module" and the worker host refuses ESM.
export const webTestsTarget = { ...webExtensionTarget, entryPoints: ['test/web/runner.ts'], outfile: 'out/test/web/index.cjs' };
