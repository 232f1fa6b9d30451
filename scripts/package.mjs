// `npm run package`: a minified build, then a .vsix with @vscode/vsce (no node_modules: the bundle
// inlines its dependencies), then its size and file list so a stray file is easy to spot.
//   node scripts/package.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createVSIX, listFiles } from '@vscode/vsce';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : `${pkg.name}-${pkg.version}.vsix`;

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--minify'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// vsce runs the `vscode:prepublish` script if there is one; there is none, the build above is it.
await createVSIX({ packagePath: out, dependencies: false, useYarn: false });

const files = (await listFiles({ dependencies: false, useYarn: false })).sort();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\n${out}: ${kb(statSync(out).size)}, ${files.length} files`);
for (const f of files) console.log(`  ${f.padEnd(48)} ${kb(statSync(f).size).padStart(10)}`);
const unexpected = files.filter((f) => /^(src|test|node_modules|bench|examples|scripts)\//.test(f) || f.endsWith('.map'));
if (unexpected.length) {
  console.error(`\nThe .vsix must hold the bundle only; unexpected: ${unexpected.join(', ')}`);
  process.exit(1);
}
