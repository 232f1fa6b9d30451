// Where a workspace keeps both a CHANGELOG.md and release notes (one document per release), the two agree
// (warning, both directions, through the workspace index): a `released` (or yanked) release-notes
// document has a changelog entry with the same version and date, and a dated changelog entry that a
// release-notes document covers has that document's date, and the document says it is released.
// A document is paired with the changelog nearest above it in the folder tree.

import type { Rule, RuleContext } from './rule.js';
import type { IndexedDoc, WorkspaceIndex } from '../workspace/index.js';
import { changelogOf, CHANGELOG_TYPE } from '../changelog/ofDocument.js';

const RELEASE_NOTES = 'release-notes';
const SHIPPED = ['released', 'yanked'];

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/** The changelog whose folder holds `path` most closely (undefined: none above it). */
function nearestChangelog(workspace: WorkspaceIndex, path: string): IndexedDoc | undefined {
  let best: IndexedDoc | undefined;
  for (const c of workspace.typed(CHANGELOG_TYPE)) {
    const dir = dirOf(c.path);
    if (path.startsWith(dir) && (!best || dir.length > dirOf(best.path).length)) best = c;
  }
  return best;
}

function checkReleaseNotes(ctx: RuleContext, workspace: WorkspaceIndex): void {
  const path = ctx.doc.path;
  const { version, date, status } = ctx.data as { version?: unknown; date?: unknown; status?: unknown };
  if (!path || typeof version !== 'string' || typeof status !== 'string' || !SHIPPED.includes(status)) return;
  const changelog = nearestChangelog(workspace, path);
  if (!changelog) return;
  const name = workspace.display(changelog.path);
  const entry = changelog.releases?.find((r) => r.version === version);
  const versionSpan = ctx.frontMatterSpan(['version']);
  if (!entry) {
    if (versionSpan)
      ctx.report({
        ...versionSpan,
        message: `These notes say ${version} is ${status}, but ${name} has no entry for it: expected '## [${version}] - ${typeof date === 'string' ? date : 'YYYY-MM-DD'}' there.`,
      });
    return;
  }
  const dateSpan = ctx.frontMatterSpan(['date']);
  if (typeof date === 'string' && entry.date !== undefined && entry.date !== date && dateSpan) {
    ctx.report({
      ...dateSpan,
      message: `${name} dates ${version} ${entry.date}, these notes ${date}: one of the two is wrong.`,
      expected: [entry.date],
      actual: date,
    });
  } else if (typeof date === 'string' && entry.date === undefined && versionSpan) {
    ctx.report({ ...versionSpan, message: `${name} lists ${version} without a date; these notes date it ${date}.` });
  }
}

function checkChangelog(ctx: RuleContext, workspace: WorkspaceIndex): void {
  const log = changelogOf(ctx);
  const path = ctx.doc.path;
  if (!log || !path) return;
  const notes = workspace.ofType(RELEASE_NOTES).filter((d) => d.version && nearestChangelog(workspace, d.path)?.path === path);
  if (!notes.length) return;
  for (const r of log.releases) {
    const h = r.heading;
    if (h.kind !== 'release' || !h.version || h.date === undefined || !h.dateSpan) continue;
    const doc = notes.find((d) => d.version === h.version);
    if (!doc) continue;
    const where = `${doc.id ?? workspace.display(doc.path)} (${workspace.display(doc.path)})`;
    if (doc.date !== undefined && doc.date !== h.date) {
      ctx.report({
        ...h.dateSpan,
        message: `${h.version} is dated ${h.date} here, but its release notes ${where} say ${doc.date}: one of the two is wrong.`,
        expected: [doc.date],
        actual: h.date,
      });
    } else if (doc.status !== undefined && !SHIPPED.includes(doc.status)) {
      ctx.report({
        ...h.dateSpan,
        message: `${h.version} is released here (${h.date}), but its release notes ${where} are still '${doc.status}': set them to released, with date ${h.date}.`,
      });
    }
  }
}

const rule: Rule = {
  id: 'changelog-release-notes',
  description:
    'A changelog and the release-notes documents agree: every released release-notes document has a changelog entry with its version and date, and the other way round.',
  defaultSeverity: 'warning',
  check(ctx) {
    const workspace = ctx.workspace;
    if (!workspace) return;
    if (ctx.docType?.type === CHANGELOG_TYPE) checkChangelog(ctx, workspace);
    else if (ctx.docType?.type === RELEASE_NOTES) checkReleaseNotes(ctx, workspace);
  },
};

export default rule;
