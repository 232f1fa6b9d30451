// SemVer 2.0 for changelogs: validity is the project's one definition (doctypes/valueShapes.ts, the
// schema's `$defs.semver` pattern); precedence and bump kinds follow the spec's §11.

import { SEMVER } from '../doctypes/valueShapes.js';

export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

export interface SemverParts {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

/** The parts of a valid SemVer version (build metadata dropped: it has no precedence); undefined if invalid. */
export function semverParts(version: string): SemverParts | undefined {
  if (!isSemver(version)) return undefined;
  const core = version.replace(/\+.*$/, '');
  const dash = core.indexOf('-');
  const [major, minor, patch] = (dash < 0 ? core : core.slice(0, dash)).split('.').map(Number) as [number, number, number];
  return { major, minor, patch, prerelease: dash < 0 ? [] : core.slice(dash + 1).split('.') };
}

/** SemVer precedence: negative when a < b, 0 when equal (build metadata ignored), positive when a > b. */
export function compareSemver(a: SemverParts, b: SemverParts): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  // A pre-release sorts before its release; identifiers compare one by one.
  if (!a.prerelease.length || !b.prerelease.length) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return Number(x) - Number(y) || x.length - y.length;
    if (xn !== yn) return xn ? -1 : 1; // numeric identifiers have lower precedence
    return x < y ? -1 : 1;
  }
  return 0;
}

/** What kind of step `to` is over `from`: major, minor, patch or pre-release (undefined when not higher). */
export function bumpKind(from: SemverParts, to: SemverParts): 'major' | 'minor' | 'patch' | 'prerelease' | undefined {
  if (compareSemver(to, from) <= 0) return undefined;
  if (to.major !== from.major) return 'major';
  if (to.minor !== from.minor) return 'minor';
  if (to.patch !== from.patch) return 'patch';
  return 'prerelease';
}
