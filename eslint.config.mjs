// ESLint (flat config): the layers of DESIGN.md as import rules, import cycles, and a small set of
// correctness rules. Syntax-only (no type information), so a run over the whole tree stays quick.
// Formatting is Prettier's job (.prettierrc.json), not ESLint's.

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createNodeResolver } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** `paths`/`patterns` of no-restricted-imports for one layer. */
const restrict = ({ vscode = false, node = false, folders = [], message }) => ({
  paths: [
    ...(vscode ? [{ name: 'vscode', message: `${message} (vscode)` }] : []),
    ...(node ? nodeBuiltins.map((name) => ({ name, message: `${message} (a Node built-in)` })) : []),
  ],
  patterns: folders.length ? [{ regex: `(^|/)(${folders.join('|')})/`, message: `${message} (${folders.join(', ')})` }] : [],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'bench/corpus/**',
      'bench/peers/**',
      'bench/.corpus/**', // what the benchmarks generate (corpora, peers, the editor bench's bundle)
      'bench/.peers/**',
      'bench/.editor/**',
      'test/fixtures/**',
      'test/workspace/**',
      'src/core/schema/generated/**',
      '**/*.d.cts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts', '.cts'] },
      // Sources import `./x.js` for `./x.ts` (NodeNext style): resolve that the way TypeScript does.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Unused names are TypeScript's job (noUnusedLocals/noUnusedParameters); `_`-prefixed ones are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain Node scripts (build, tests, benchmarks) run outside the bundle.
    files: ['scripts/**', 'bench/**', '**/*.cjs', '*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine runs in a web worker and in the browser extension host: no editor, no Node, no front end.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict({
          vscode: true,
          node: true,
          folders: ['cli', 'extension', 'lsp', 'webview'],
          message: 'src/core is editor- and Node-free and knows no front end',
        }),
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict({ vscode: true, folders: ['extension', 'webview'], message: 'the CLI is a front end over src/core' }),
      ],
    },
  },
  {
    // The language server: `pmdocs lsp` starts it and hands it the Node host; it imports no CLI code.
    files: ['src/lsp/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict({ vscode: true, folders: ['cli', 'extension', 'webview'], message: 'the language server is a front end over src/core' }),
      ],
    },
  },
  {
    // The extension also runs in the browser's web worker (vscode.dev): Node only in the Node platform.
    files: ['src/extension/**'],
    ignores: ['src/extension/platform/nodePlatform.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict({
          node: true,
          folders: ['cli', 'lsp', 'webview'],
          message:
            'the extension is a front end over src/core that also runs in a web worker; Node-only code goes in platform/nodePlatform.ts',
        }),
      ],
    },
  },
  {
    files: ['src/extension/platform/nodePlatform.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict({ folders: ['cli', 'lsp', 'webview'], message: 'the extension is a front end over src/core' }),
      ],
    },
  },
  {
    // The preview page runs in the webview: only the message protocol's types cross over from the extension.
    files: ['src/webview/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'the preview page runs in a webview, not the extension host (vscode)' },
            ...nodeBuiltins.map((name) => ({ name, message: 'the preview page runs in a webview (a Node built-in)' })),
          ],
          patterns: [
            {
              regex: '(^|/)extension/preview/protocol(\\.js)?$',
              allowTypeImports: true,
              message: 'the preview page takes only types from the extension',
            },
            { regex: '(^|/)(extension|cli)/(?!preview/protocol(\\.js)?$)', message: 'the preview page imports no extension or CLI code' },
          ],
        },
      ],
    },
  },
);
