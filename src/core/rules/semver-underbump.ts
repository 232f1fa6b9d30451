// Release notes whose changes break users (`breaking: true`, or a non-empty section with the role
// `breaking-changes`) carry a major bump over the previous release (a minor one while 0.y.z); a minor
// bump whose only changes are fixes (Fixed / Security sections, nothing Added, Changed, Deprecated or
// Removed) could have been a patch (info). The previous release is the highest lower version among the
// workspace's release notes; without one (or without an index), the front matter's `previous`.
// changelog-bump makes the same check inside a CHANGELOG.md.

import { bumpKind, compareSemver, semverParts, type SemverParts } from '../changelog/semver.js';
import { RELEASE } from '../graph/trace.js';
import type { Rule, RuleContext } from './rule.js';
import { findSection } from './sections/find.js';
import { specsWithRole } from './sections/specs.js';

const FIX_ONLY = ['Fixed', 'Security'];

const rule: Rule = {
  id: 'semver-underbump',
  description:
    'Breaking release notes (`breaking: true` or a Breaking changes section) are a major bump over the previous release; a minor bump with only fixes is flagged as info.',
  defaultSeverity: 'warning',
  check(ctx) {
    const version = ctx.data['version'];
    if (ctx.docType?.type !== RELEASE || typeof version !== 'string') return;
    const to = semverParts(version);
    if (!to || to.prerelease.length) return;
    const previous = previousRelease(ctx, to);
    if (!previous) return;
    const kind = bumpKind(previous.parts, to);
    if (!kind) return;
    const span = ctx.frontMatterSpan(['version']);
    if (!span) return;
    const over = `${previous.version}${previous.where}`;
    const breaking = breakingReason(ctx);
    const majorOk = kind === 'major' || (to.major === 0 && kind === 'minor');
    if (breaking && !majorOk) {
      const p = previous.parts;
      const need = to.major === 0 ? `${p.major}.${p.minor + 1}.0 (0.y.z: a minor bump)` : `${p.major + 1}.0.0`;
      ctx.report({
        ...span,
        message: `${version} is a ${kind} bump over ${over}, but ${breaking}: a breaking change needs ${need}.`,
        expected: [need.replace(/ .*/, '')],
        actual: version,
      });
      return;
    }
    if (kind === 'minor' && to.major > 0 && !breaking) {
      const present = specsWithRole(ctx.docType, 'change-type')
        .map((s) => ({ spec: s, section: findSection(ctx, s) }))
        .filter((x) => x.section && x.section.content.length);
      if (present.length && present.every((x) => FIX_ONLY.includes(x.spec.name))) {
        const p = previous.parts;
        ctx.report({
          ...span,
          severity: 'info',
          message: `${version} is a minor bump over ${over}, but the notes only fix (${present.map((x) => `'${x.spec.name}'`).join(', ')}): a patch, ${p.major}.${p.minor}.${p.patch + 1}, says so.`,
          expected: [`${p.major}.${p.minor}.${p.patch + 1}`],
          actual: version,
        });
      }
    }
  },
};

function breakingReason(ctx: RuleContext): string | undefined {
  if (ctx.data['breaking'] === true) return 'the notes say breaking: true';
  for (const spec of specsWithRole(ctx.docType, 'breaking-changes')) {
    const section = findSection(ctx, spec);
    if (section?.content.length) return `the notes have a '${section.title}' section`;
  }
  return undefined;
}

/** The highest release below `to` among the workspace's release notes, else the front matter's `previous`. */
function previousRelease(ctx: RuleContext, to: SemverParts): { version: string; parts: SemverParts; where: string } | undefined {
  let best: { version: string; parts: SemverParts; where: string } | undefined;
  const self = ctx.data['id'];
  for (const d of ctx.workspace?.typed(RELEASE) ?? []) {
    if (!d.version || d.id === self || d.path === ctx.doc.path) continue;
    const parts = semverParts(d.version);
    if (!parts || parts.prerelease.length || compareSemver(parts, to) >= 0) continue;
    if (!best || compareSemver(parts, best.parts) > 0) best = { version: d.version, parts, where: d.id ? ` (${d.id})` : '' };
  }
  if (best) return best;
  const prev = ctx.data['previous'];
  const parts = typeof prev === 'string' ? semverParts(prev) : undefined;
  return parts && !parts.prerelease.length ? { version: prev as string, parts, where: ' (`previous`)' } : undefined;
}

export default rule;
