// Changelog versions are SemVer 2.0, each listed once, newest first (strictly descending by SemVer
// precedence, so 1.10.0 sits above 1.9.0 and 2.0.0-rc.1 below 2.0.0).

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';
import { compareSemver, semverParts, type SemverParts } from '../changelog/semver.js';

const rule: Rule = {
  id: 'changelog-version',
  description: 'Changelog versions are valid SemVer, each listed once, newest first (strictly descending by SemVer precedence).',
  defaultSeverity: 'error',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    const seen = new Map<string, { span: { start: number; end: number }; version: string }>();
    let previous: { parts: SemverParts; version: string; span: { start: number; end: number } } | undefined;
    for (const r of log.releases) {
      const h = r.heading;
      if (h.kind !== 'release' || !h.version || !h.versionSpan) continue;
      const parts = semverParts(h.version);
      if (!parts) {
        const guess = completed(h.version);
        ctx.report({
          ...h.versionSpan,
          message: `'${h.version}' is not a SemVer version: expected MAJOR.MINOR.PATCH such as '${guess ?? '1.4.0'}' (optionally -prerelease and +build).`,
          expected: guess ? [guess] : [],
          actual: h.version,
        });
        continue;
      }
      const key = h.version.replace(/\+.*$/, '');
      const dup = seen.get(key);
      if (dup) {
        ctx.report({
          ...h.versionSpan,
          message: `Version ${h.version} is listed twice: each version has one entry.`,
          related: [{ ...dup.span, message: `the first ${dup.version}` }],
        });
        continue;
      }
      seen.set(key, { span: h.versionSpan, version: h.version });
      if (previous && compareSemver(parts, previous.parts) >= 0) {
        ctx.report({
          ...h.versionSpan,
          message: `Version ${h.version} is listed below ${previous.version} but is not lower: releases go newest first (by SemVer precedence).`,
          related: [{ ...previous.span, message: `${previous.version} above it` }],
        });
      }
      previous = { parts, version: h.version, span: h.versionSpan };
    }
  },
};

/** `1.4` → `1.4.0`, `2` → `2.0.0`: what a short version most likely meant. */
function completed(version: string): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(version);
  return m ? `${Number(m[1])}.${m[2] !== undefined ? Number(m[2]) : 0}.0` : undefined;
}

export default rule;
