// `pmdocs changelog release` and `pmdocs lint --fix` on a changelog, in-process through main() on a
// temporary folder: the released file lints clean, the fixes a changelog offers are applied.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';

const NOW = new Date(2026, 11, 7); // 2026-12-07, local time

async function run(dir: string, ...argv: string[]) {
  return runAt(NOW, dir, ...argv);
}

async function runAt(now: Date, dir: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: dir,
    host: createNodeHost(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    now: () => now,
  });
  return { code, stdout, stderr };
}

function tree(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'pmdocs-changelog-'))).replace(/\\/g, '/');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const LINKED = `# Changelog

## [Unreleased]

### Added

- Export invoices as CSV.

### Removed

## [1.1.0] - 2026-05-20

### Fixed

- Totals round half-cents correctly.

[Unreleased]: https://github.com/acme/ledgerly/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/acme/ledgerly/releases/tag/v1.1.0
`;

test('changelog release: [Unreleased] becomes the dated release, a fresh [Unreleased] above it, links follow; the result lints clean', async () => {
  const dir = tree({ 'CHANGELOG.md': LINKED });
  const r = await run(dir, 'changelog', 'release', '1.2.0');
  assert.deepEqual(r, { code: 0, stdout: 'CHANGELOG.md: Released 1.2.0 (2026-12-07): 1 entry moved from [Unreleased].\n', stderr: '' });
  assert.equal(
    readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'),
    `# Changelog

## [Unreleased]

## [1.2.0] - 2026-12-07

### Added

- Export invoices as CSV.

## [1.1.0] - 2026-05-20

### Fixed

- Totals round half-cents correctly.

[Unreleased]: https://github.com/acme/ledgerly/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/acme/ledgerly/compare/v1.1.0...v1.2.0
[1.1.0]: https://github.com/acme/ledgerly/releases/tag/v1.1.0
`,
  );
  assert.deepEqual(await run(dir, 'lint', 'CHANGELOG.md'), { code: 0, stdout: '', stderr: '' });
  // Nothing left to release, a version that is not higher, not SemVer.
  assert.deepEqual(await run(dir, 'changelog', 'release', '1.3.0'), {
    code: 1,
    stdout: '',
    stderr: "pmdocs: CHANGELOG.md: '[Unreleased]' lists no changes: there is nothing to release.\n",
  });
});

test('changelog release refuses a version that is not higher, or not SemVer; --dry-run writes nothing', async () => {
  const dir = tree({ 'CHANGELOG.md': LINKED });
  assert.deepEqual(await run(dir, 'changelog', 'release', '1.1.0'), {
    code: 1,
    stdout: '',
    stderr: 'pmdocs: CHANGELOG.md: Version 1.1.0 is already in the changelog.\n',
  });
  assert.deepEqual(await run(dir, 'changelog', 'release', '1.0.9'), {
    code: 1,
    stdout: '',
    stderr: 'pmdocs: CHANGELOG.md: Version 1.0.9 is not higher than the latest release, 1.1.0.\n',
  });
  assert.deepEqual(await run(dir, 'changelog', 'release', '1.2'), {
    code: 1,
    stdout: '',
    stderr: "pmdocs: CHANGELOG.md: '1.2' is not a SemVer version: expected MAJOR.MINOR.PATCH such as 1.5.0.\n",
  });
  const dry = await run(dir, 'changelog', 'release', 'v1.2.0', '--date', '2026-12-01', '--dry-run');
  assert.equal(dry.code, 0);
  assert.match(dry.stdout, /\n## \[1\.2\.0\] - 2026-12-01\n/);
  assert.equal(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'), LINKED);
  assert.equal((await run(dir, 'changelog', 'publish', '1.2.0')).code, 2);
  assert.equal((await run(tree({}), 'changelog', 'release', '1.2.0')).code, 2);
});

test('changelog release without links in the file takes them from package.json repository', async () => {
  const dir = tree({
    'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- First release.\n',
    'package.json': '{"repository": {"type": "git", "url": "git+https://github.com/acme/ledgerly.git"}}',
  });
  assert.equal((await run(dir, 'changelog', 'release', '0.1.0')).code, 0);
  assert.equal(
    readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'),
    '# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-12-07\n\n### Added\n\n- First release.\n\n[Unreleased]: https://github.com/acme/ledgerly/compare/v0.1.0...HEAD\n[0.1.0]: https://github.com/acme/ledgerly/releases/tag/v0.1.0\n',
  );
  assert.deepEqual(await run(dir, 'lint', 'CHANGELOG.md'), { code: 0, stdout: '', stderr: '' });
});

test('lint --fix on a changelog: change-type synonyms and heading variants become canonical, unsafe renames stay', async () => {
  const dir = tree({
    'CHANGELOG.md': `# Changelog

## v1.1.0 (2026-05-20)

### Bug Fixes

- Totals round half-cents correctly.

### Breaking Changes

- Invoice ids are strings.

## [1.0.0] – 2026-03-01

### ✨ Features

- First release.
`,
  });
  const r = await run(dir, 'lint', '--fix', 'CHANGELOG.md');
  assert.equal(
    readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'),
    `# Changelog

## [1.1.0] - 2026-05-20

### Fixed

- Totals round half-cents correctly.

### Breaking Changes

- Invoice ids are strings.

## [1.0.0] - 2026-03-01

### Added

- First release.
`,
  );
  assert.match(r.stdout, /'Breaking Changes' is not a Keep a Changelog change type/);
  assert.doesNotMatch(r.stdout, /Bug Fixes|Features|heading-format/);
});

test('a release dated after today is flagged with the CLI clock; with --cache the finding does not outlive its day', async () => {
  const dir = tree({ 'CHANGELOG.md': '# Changelog\n\n## [1.0.0] - 2026-12-08\n\n### Added\n\n- First release.\n' });
  const future =
    /3:14 +error +Release 1\.0\.0 is dated 2026-12-08, after today \(2026-12-07\): a release is dated the day it went out\. +changelog-date/;
  const first = await run(dir, 'lint', '--cache', 'CHANGELOG.md');
  assert.equal(first.code, 1);
  assert.match(first.stdout, future);
  assert.equal((await run(dir, 'lint', '--cache', 'CHANGELOG.md')).stdout, first.stdout);
  const nextDay = await runAt(new Date(2026, 11, 8), dir, 'lint', '--cache', 'CHANGELOG.md');
  assert.equal(nextDay.code, 0);
  assert.doesNotMatch(nextDay.stdout, /changelog-date/);
});

test("this project's own CHANGELOG.md lints with no finding (parallel landings must keep it in shape)", async () => {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  assert.deepEqual(await runAt(new Date(), repo, 'lint', 'CHANGELOG.md'), { code: 0, stdout: '', stderr: '' });
});
