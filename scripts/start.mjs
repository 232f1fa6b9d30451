// `npm start`: build, then lint the bundled examples/ workspace and print the findings.
// The documents in examples/broken/ are wrong on purpose, so the lint exits 1; this script exits 0
// when that is exactly what happened (findings only in broken/), and 1 otherwise.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log('$ pmdocs lint examples\n');
const lint = spawnSync(process.execPath, ['dist/cli.mjs', 'lint', 'examples'], {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
});
const json = spawnSync(process.execPath, ['dist/cli.mjs', 'lint', 'examples', '--format', 'json'], { encoding: 'utf8' });
const results = JSON.parse(json.stdout || '[]');
const flagged = results.filter((r) => r.findings.length).map((r) => r.filePath);
const outsideBroken = flagged.filter((p) => !p.replace(/\\/g, '/').includes('examples/broken/'));

console.log(
  `\npmdocs exited with ${lint.status}: the ${flagged.length} flagged files are the deliberately broken examples in examples/broken/.`,
);
console.log('\n$ pmdocs trace examples\n');
spawnSync(process.execPath, ['dist/cli.mjs', 'trace', 'examples'], { stdio: 'inherit' });
console.log('Try: node dist/cli.mjs lint examples --format sarif   ·   node dist/cli.mjs new prd "My feature" --dir /tmp/docs');
if (lint.status !== 1 || outsideBroken.length) {
  console.error(
    `Unexpected: ${outsideBroken.length ? `findings outside examples/broken/: ${outsideBroken.join(', ')}` : `exit code ${lint.status}`}`,
  );
  process.exit(1);
}
