// When a type's ids carry a SemVer version (release notes: `REL-1.4.0`), the front matter's `version`
// must be that same version: one of the two was not updated when the file was copied for a new release.

import { SEMVER } from '../doctypes/valueShapes.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'release-version-id',
  description: "Release notes' `version` equals the version in their id (`REL-1.4.0` ↔ `1.4.0`).",
  defaultSeverity: 'error',
  check(ctx) {
    const prefix = ctx.docType?.idPrefix;
    const id = ctx.data['id'];
    const version = ctx.data['version'];
    // A non-string version (`1.10` read as a number) is the schema's finding, with a "quote it" hint.
    if (typeof prefix !== 'string' || !prefix || typeof id !== 'string' || !id.startsWith(prefix) || typeof version !== 'string') return;
    const fromId = id.slice(prefix.length);
    if (!SEMVER.test(fromId) || version === fromId) return;
    const span = ctx.frontMatterSpan(['version']);
    if (!span) return;
    const idSpan = ctx.frontMatterSpan(['id']);
    const raw = ctx.doc.text.slice(span.start, span.end);
    const at = version ? raw.indexOf(version) : -1;
    ctx.report({
      ...span,
      message: `version '${version}' does not match the id '${id}': expected '${fromId}' (the version in the id), or change the id.`,
      expected: [fromId],
      actual: version,
      ...(idSpan ? { related: [{ ...idSpan, message: `the id says ${fromId}` }] } : {}),
      ...(at >= 0
        ? {
            fixes: [
              {
                title: `Set version to '${fromId}'`,
                edits: [{ start: span.start + at, end: span.start + at + version.length, newText: fromId }],
                safe: false,
              },
            ],
          }
        : {}),
    });
  },
};

export default rule;
