// The skeleton of a Keep a Changelog file: one H1, then H2 release entries (`[Unreleased]` first, then
// `[x.y.z] - YYYY-MM-DD`), change groups only inside a release, and list items inside a change group.

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';

const rule: Rule = {
  id: 'changelog-structure',
  description:
    'A changelog has one H1, H2 release entries (`[Unreleased]` first, then `[x.y.z] - YYYY-MM-DD`), H3 change groups inside releases and its entries inside a group.',
  defaultSeverity: 'error',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    if (!log.title) {
      const first = log.releases[0]?.line ?? { start: ctx.doc.frontMatter?.block.end ?? 0, end: ctx.doc.frontMatter?.block.end ?? 0 };
      ctx.report({ ...first, message: "The changelog has no H1 title: expected a first line '# Changelog' before the releases." });
    } else if (log.releases.length && log.releases[0]!.line.start < log.title.line.start) {
      ctx.report({ ...log.title.line, message: `The H1 '${log.title.text}' comes after the first release: the title belongs at the top.` });
    }
    for (const extra of log.h1s.slice(1)) {
      ctx.report({
        ...extra.line,
        message: `A second H1 '${extra.text}': a changelog has one title; releases are H2 ('## [1.2.0] - 2026-05-20').`,
        related: [{ ...log.title!.line, message: 'the title' }],
      });
    }
    let firstRelease: (typeof log.releases)[number] | undefined;
    let unreleasedSeen = false;
    for (const r of log.releases) {
      const h = r.heading;
      if (h.kind === 'other') {
        ctx.report({
          ...r.span,
          message: `'## ${ctx.doc.text.slice(r.span.start, r.span.end)}' is not a release entry: expected '## [Unreleased]' or '## [x.y.z] - YYYY-MM-DD'.`,
        });
        continue;
      }
      if (r.level === 3) {
        const hashes = /^ {0,3}#{3}/.exec(ctx.doc.text.slice(r.line.start, r.line.end))![0];
        const start = r.line.start + hashes.length - 3;
        ctx.report({
          ...r.span,
          message: `'${ctx.doc.text.slice(r.span.start, r.span.end)}' is a release heading at level 3: releases are H2 ('## …'), change groups H3.`,
          fixes: [{ title: 'Make it an H2', edits: [{ start, end: start + 3, newText: '##' }], safe: true }],
        });
      }
      if (h.kind === 'unreleased') {
        if (unreleasedSeen) ctx.report({ ...r.span, message: "A second '[Unreleased]' entry: keep one, at the top." });
        else if (firstRelease) {
          ctx.report({
            ...r.span,
            message: `'[Unreleased]' is below the release ${firstRelease.heading.version}: it belongs at the top, above every release.`,
            related: [{ ...firstRelease.span, message: 'the first release' }],
          });
        }
        unreleasedSeen = true;
      } else firstRelease ??= r;
      if (r.looseEntries.length) {
        const e = r.looseEntries[0]!;
        ctx.report({
          start: e.start,
          end: Math.min(e.end, ctx.doc.text.indexOf('\n', e.start) < 0 ? e.end : ctx.doc.text.indexOf('\n', e.start)),
          severity: 'warning',
          message: `${r.looseEntries.length === 1 ? 'An entry' : `${r.looseEntries.length} entries`} under '${ctx.doc.text.slice(r.span.start, r.span.end)}' with no change group: put ${r.looseEntries.length === 1 ? 'it' : 'them'} under '### Added', '### Changed', '### Fixed'…`,
        });
      }
    }
    for (const g of log.orphanGroups) {
      ctx.report({
        ...g.line,
        message: `The change group '${g.text}' is not inside a release: put it under '## [Unreleased]' or a release heading.`,
      });
    }
  },
};

export default rule;
