// The changelog model in core: SemVer precedence as the spec orders it, release headings and their
// tolerated variants, and the release plan on CRLF text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSemver, semverParts } from '../../src/core/changelog/semver.js';
import { readReleaseHeading } from '../../src/core/changelog/heading.js';
import { parseChangelog } from '../../src/core/changelog/parse.js';
import { planRelease } from '../../src/core/changelog/release.js';
import { createEngine } from '../../src/core/engine.js';
import { renderDocument } from '../../src/core/render/index.js';
import { defaultConfig } from '../../src/core/config/types.js';

test('SemVer precedence follows the spec (§11) example order; build metadata is ignored', () => {
  const order = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.9.0',
    '1.10.0',
    '2.0.0',
  ];
  for (let i = 1; i < order.length; i++)
    assert.ok(compareSemver(semverParts(order[i - 1]!)!, semverParts(order[i]!)!) < 0, `${order[i - 1]} < ${order[i]}`);
  assert.equal(compareSemver(semverParts('1.0.0+build.1')!, semverParts('1.0.0+build.2')!), 0);
  assert.equal(semverParts('1.0'), undefined);
  assert.equal(semverParts('01.0.0'), undefined);
});

test('release headings: canonical, variants with their canonical form, and what is no release', () => {
  const read = (s: string) => readReleaseHeading(s, 0);
  assert.deepEqual(read('[1.2.3] - 2024-01-01 [YANKED]'), {
    kind: 'release',
    version: '1.2.3',
    versionSpan: { start: 1, end: 6 },
    date: '2024-01-01',
    dateSpan: { start: 10, end: 20 },
    yanked: true,
    variants: [],
  });
  assert.equal(read('v1.2.3').canonical, '[1.2.3]');
  assert.equal(read('1.2.3 (2024-01-01)').canonical, '[1.2.3] - 2024-01-01');
  assert.equal(read('[v1.2.3] — 2024-01-01').canonical, '[1.2.3] - 2024-01-01');
  assert.equal(read('1.2.3 / 2024-01-01').canonical, '[1.2.3] - 2024-01-01');
  assert.equal(
    read('[1.2.3](https://x/compare/v1.2.2...v1.2.3) (2024-01-01)').canonical,
    '[1.2.3](https://x/compare/v1.2.2...v1.2.3) - 2024-01-01',
  );
  assert.equal(read('Unreleased').canonical, '[Unreleased]');
  assert.equal(read('[Unreleased]').kind, 'unreleased');
  for (const other of ['Notes', '2023-12-19, Version 9.0.2', '[1.2.3', 'Version 1.2.3']) assert.equal(read(other).kind, 'other', other);
});

test('the parser skips code blocks and comments, keeps nested items with their entry, and reads definitions', () => {
  const log = parseChangelog(
    '# Changelog\n\n## [1.0.0] - 2026-03-01\n\n### Added\n\n- One\n  - nested\n- Two\n\n```\n## not a release\n```\n\n<!--\n## nor this\n-->\n\n[1.0.0]: https://x/releases/tag/v1.0.0\n',
  );
  assert.equal(log.releases.length, 1);
  assert.deepEqual(
    log.releases[0]!.groups[0]!.entries.map((e) => e.text),
    ['One - nested', 'Two'],
  );
  assert.deepEqual(
    log.definitions.map((d) => [d.label, d.url]),
    [['1.0.0', 'https://x/releases/tag/v1.0.0']],
  );
});

test('a release plan keeps CRLF line breaks and refuses a changelog without [Unreleased]', () => {
  const text = '# Changelog\r\n\r\n## [Unreleased]\r\n\r\n### Fixed\r\n\r\n- Totals round correctly.\r\n';
  const plan = planRelease({ text, version: '0.1.0', date: '2026-12-07' });
  assert.ok(plan.ok);
  assert.equal(
    plan.text,
    '# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [0.1.0] - 2026-12-07\r\n\r\n### Fixed\r\n\r\n- Totals round correctly.\r\n',
  );
  assert.deepEqual(planRelease({ text: '# Changelog\n', version: '0.1.0', date: '2026-12-07' }), {
    ok: false,
    message: "The changelog has no '## [Unreleased]' section to release: add one with the changes first.",
  });
  assert.equal(planRelease({ text, version: '0.1.0', date: '2026-13-01' }).ok, false);
});

test('the preview header card of a changelog: latest release, its date, counts by change type', () => {
  const text =
    '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- CSV export.\n\n## [1.1.0] - 2026-05-20\n\n### Fixed\n\n- Totals.\n- Reminders.\n\n## [1.0.0] - 2026-03-01\n\n### Added\n\n- First release.\n';
  const card = renderDocument(createEngine().lint(text, { path: '/ws/CHANGELOG.md' }), { allowRemoteImages: false }).card;
  const facts = [...card.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => `${m[1]}: ${m[2]}`);
  assert.deepEqual(facts, [
    'Latest release: 1.1.0',
    'Released: 2026-05-20',
    'Releases: 2',
    'Unreleased: Added 1',
    'Entries by type: Added 2 · Fixed 2',
  ]);
  assert.match(card, /<span class="pmdocs-type">Changelog<\/span>/);
});

test('a changelog by its name (any case), or by a path association under another name; other names are no document', () => {
  const engine = createEngine();
  const text = '# Changelog\n\n## [1.0.0] - 2026-03-01\n\n### Bug Fixes\n\n- Totals.\n';
  for (const path of ['/ws/CHANGELOG.md', '/ws/pkg/changes.md', '/ws/History.md'])
    assert.equal(engine.lint(text, { path }).docType?.type, 'changelog', path);
  assert.equal(engine.lint(text, { path: '/ws/docs/RELEASES.md' }).docType, undefined);
  const config = { ...defaultConfig('/ws'), associations: [{ glob: 'docs/RELEASES.md', type: 'changelog' }] };
  const result = engine.lint(text, { path: '/ws/docs/RELEASES.md', config });
  assert.equal(result.docType?.type, 'changelog');
  assert.deepEqual(
    result.findings.map((f) => f.ruleId),
    ['changelog-links', 'changelog-change-type'],
  );
});
