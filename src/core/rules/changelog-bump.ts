// SemVer: breaking changes need a major bump (a minor one while 0.y.z), new features and deprecations
// at least a minor one (any bump while 0.y.z). A release is checked against the release below it; only under-bumps are flagged.
// "Breaking" is a Removed group with entries, a group named like "Breaking changes", or an entry
// marked BREAKING.

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';
import { bumpKind, semverParts } from '../changelog/semver.js';
import { normalizeGroupName } from '../changelog/changeTypes.js';
import type { Release } from '../changelog/parse.js';

const BREAKING_ENTRY = /(?:^|[\s*_[(])BREAKING(?:[\s_-]CHANGES?)?\b/;

function breakingReason(r: Release): string | undefined {
  for (const g of r.groups) {
    if (!g.entries.length) continue;
    if (g.name === 'Removed') return "it has 'Removed' entries";
    if (/^breaking/.test(normalizeGroupName(g.name))) return `it has '${g.name}'`;
  }
  const marked = [...r.looseEntries, ...r.groups.flatMap((g) => g.entries)].some((e) => BREAKING_ENTRY.test(e.text));
  return marked ? 'an entry is marked BREAKING' : undefined;
}

const rule: Rule = {
  id: 'changelog-bump',
  description:
    'The version bump fits the changes: Removed or BREAKING entries need a major bump (minor while 0.y.z), Added or Deprecated entries at least a minor one.',
  defaultSeverity: 'warning',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    const releases = log.releases.filter((r) => r.heading.kind === 'release' && r.heading.version && semverParts(r.heading.version));
    releases.forEach((r, i) => {
      const below = releases[i + 1];
      if (!below) return;
      const to = semverParts(r.heading.version!)!;
      const from = semverParts(below.heading.version!)!;
      // Pre-releases are steps towards a version, not bumps of their own.
      if (to.prerelease.length || from.prerelease.length) return;
      const kind = bumpKind(from, to);
      if (!kind) return; // out of order: changelog-version's finding
      const span = r.heading.versionSpan!;
      const related = [{ ...below.heading.versionSpan!, message: `the previous release, ${below.heading.version}` }];
      const breaking = breakingReason(r);
      const majorOk = kind === 'major' || (to.major === 0 && kind === 'minor');
      if (breaking && !majorOk) {
        const need = to.major === 0 ? `${from.major}.${from.minor + 1}.0 (0.y.z: a minor bump)` : `${from.major + 1}.0.0`;
        ctx.report({
          ...span,
          message: `${r.heading.version} is a ${kind} bump over ${below.heading.version}, but ${breaking}: a breaking change needs ${need}.`,
          related,
        });
        return;
      }
      // While 0.y.z the minor digit acts as the major one, so additions may ship in a patch.
      if (kind === 'patch' && to.major > 0) {
        const adds = r.groups.find((g) => (g.name === 'Added' || g.name === 'Deprecated') && g.entries.length);
        if (adds)
          ctx.report({
            ...span,
            message: `${r.heading.version} is a patch bump over ${below.heading.version}, but it has '${adds.name}' entries: ${adds.name === 'Added' ? 'new features need' : 'a deprecation needs'} at least ${from.major}.${from.minor + 1}.0.`,
            related,
          });
      }
    });
  },
};

export default rule;
