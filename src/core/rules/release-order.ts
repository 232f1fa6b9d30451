// Release dates follow version order: of two released versions on the same line (same major and minor,
// or two x.y.0 releases of the same major), the higher one is not dated before the lower one. A date or
// version typo otherwise puts the release in the wrong place in every list sorted by either. Patches of
// an older line released later (backports: 1.4.3 after 1.5.0) are ordinary and not compared. Reads the
// other release notes from the workspace index; the finding is on this document's `date`.

import { compareSemver, semverParts, type SemverParts } from '../changelog/semver.js';
import { RELEASE } from '../graph/trace.js';
import type { Rule } from './rule.js';

const SHIPPED = ['released', 'yanked'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const sameLine = (a: SemverParts, b: SemverParts) => a.major === b.major && (a.minor === b.minor || (a.patch === 0 && b.patch === 0));

const rule: Rule = {
  id: 'release-order',
  description: 'Released versions of the same line are dated in version order (a higher version is not dated before a lower one).',
  defaultSeverity: 'warning',
  check(ctx) {
    const ws = ctx.workspace;
    const { version, date, status, id } = ctx.data;
    if (!ws || ctx.docType?.type !== RELEASE || typeof version !== 'string' || typeof status !== 'string' || !SHIPPED.includes(status))
      return;
    if (typeof date !== 'string' || !ISO.test(date)) return;
    const mine = semverParts(version);
    if (!mine || mine.prerelease.length) return;
    for (const d of ws.typed(RELEASE)) {
      if (d.id === id || d.path === ctx.doc.path || !d.version || !d.date || !ISO.test(d.date) || !SHIPPED.includes(d.status ?? ''))
        continue;
      const theirs = semverParts(d.version);
      if (!theirs || theirs.prerelease.length || !sameLine(mine, theirs)) continue;
      const cmp = compareSemver(mine, theirs);
      const wrong = (cmp > 0 && date < d.date) || (cmp < 0 && date > d.date);
      if (!wrong) continue;
      const span = ctx.frontMatterSpan(['date']);
      if (!span) return;
      const name = d.id ?? ws.display(d.path);
      ctx.report({
        ...span,
        message:
          `${version} is dated ${date}, ${cmp > 0 ? 'before' : 'after'} ${name} (${d.version}, ${d.date}), a ${cmp > 0 ? 'lower' : 'higher'} version of the same line: ` +
          `expected a date ${cmp > 0 ? `on or after ${d.date}` : `on or before ${d.date}`}. One of the two dates or versions is wrong.`,
        expected: [cmp > 0 ? `>= ${d.date}` : `<= ${d.date}`],
        actual: date,
      });
      return;
    }
  },
};

export default rule;
