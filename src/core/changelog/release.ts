// "Release" a changelog: `[Unreleased]` becomes `[1.5.0] - 2026-12-07`, a fresh empty `[Unreleased]`
// goes above it, empty change groups are dropped, and the link reference definitions follow
// (`[Unreleased]` compares from the new version, the new version from the previous one). One list of
// text edits, so the editor applies it as one undoable edit and the CLI writes it once.

import type { TextEdit } from '../types.js';
import { parseChangelog, definitionFor, type Changelog, type LinkDefinition } from './parse.js';
import { compareSemver, semverParts } from './semver.js';
import { isIsoDate } from '../rules/date-order.js';

export interface ReleaseInput {
  text: string;
  version: string;
  /** YYYY-MM-DD: the caller's today, or a date it was given. */
  date: string;
  /** Where the body starts (after front matter), if the file has any. */
  bodyStart?: number;
  /** The repository's web URL (`https://github.com/acme/ledgerly`), used for links when the file has none to copy. */
  repositoryUrl?: string;
}

export type ReleaseResult = { ok: true; edits: TextEdit[]; text: string; summary: string } | { ok: false; message: string };

const COMPARE = /^(.*)\/compare\/([^/?#]+?)\.{2,3}([^/?#]+?)\/?$/;
const REPO_URL = /^(https?:\/\/[^/\s]+\/[^/\s]+\/[^/\s#?]+?)(?:\.git)?(?:\/(?:-\/)?(?:compare|releases|tree|commits?|tags)(?:\/.*)?)?\/?$/;

export function planRelease(input: ReleaseInput): ReleaseResult {
  const { text, version, date } = input;
  const v = version.replace(/^v(?=\d)/, '');
  const parts = semverParts(v);
  if (!parts) return { ok: false, message: `'${version}' is not a SemVer version: expected MAJOR.MINOR.PATCH such as 1.5.0.` };
  if (!isIsoDate(date)) return { ok: false, message: `'${date}' is not a date: expected YYYY-MM-DD.` };
  const log = parseChangelog(text, input.bodyStart ?? 0);
  const unreleased = log.releases.find((r) => r.heading.kind === 'unreleased');
  if (!unreleased)
    return { ok: false, message: "The changelog has no '## [Unreleased]' section to release: add one with the changes first." };
  const entries = unreleased.looseEntries.length + unreleased.groups.reduce((n, g) => n + g.entries.length, 0);
  if (!entries) return { ok: false, message: "'[Unreleased]' lists no changes: there is nothing to release." };
  const releases = log.releases.filter((r) => r.heading.kind === 'release' && r.heading.version);
  const same = releases.find((r) => r.heading.version === v);
  if (same) return { ok: false, message: `Version ${v} is already in the changelog.` };
  const latest = releases.map((r) => ({ r, p: semverParts(r.heading.version!) })).find((x) => x.p);
  if (latest && compareSemver(parts, latest.p!) <= 0) {
    return { ok: false, message: `Version ${v} is not higher than the latest release, ${latest.r.heading.version}.` };
  }
  const eol = log.eol;
  const edits: TextEdit[] = [];
  // The heading: a fresh [Unreleased] above the new release.
  edits.push({ start: unreleased.line.start, end: unreleased.line.end, newText: `## [Unreleased]${eol}${eol}## [${v}] - ${date}` });
  // Empty change groups (template leftovers) would be an empty-group finding in a finished release.
  for (const g of unreleased.groups) {
    if (!g.entries.length && !g.hasOtherContent) edits.push({ start: g.line.start, end: g.end, newText: '' });
  }
  edits.push(...linkEdits(log, v, latest?.r.heading.version, input.repositoryUrl));
  edits.sort((a, b) => a.start - b.start);
  let out = text;
  for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return {
    ok: true,
    edits,
    text: out,
    summary: `Released ${v} (${date}): ${entries} entr${entries === 1 ? 'y' : 'ies'} moved from [Unreleased].`,
  };
}

function linkEdits(log: Changelog, version: string, previous: string | undefined, repositoryUrl: string | undefined): TextEdit[] {
  const unreleasedDef = definitionFor(log, 'Unreleased');
  const compare = unreleasedDef ? COMPARE.exec(unreleasedDef.url) : null;
  const tag = tagStyle(log, compare?.[2]);
  const base =
    compare?.[1] ??
    repoBase(log.definitions) ??
    (repositoryUrl ? (REPO_URL.exec(repositoryUrl.trim())?.[1] ?? repositoryUrl.replace(/\/+$/, '')) : undefined);
  if (!base) return [];
  const newUrl = previous ? `${base}/compare/${tag(previous)}...${tag(version)}` : `${base}/releases/tag/${tag(version)}`;
  const unreleasedUrl = `${base}/compare/${tag(version)}...${compare?.[3] ?? 'HEAD'}`;
  const eol = log.eol;
  if (unreleasedDef) {
    return [
      {
        start: unreleasedDef.line.start,
        end: unreleasedDef.line.end,
        newText: `[Unreleased]: ${unreleasedUrl}${eol}[${version}]: ${newUrl}`,
      },
    ];
  }
  // No [Unreleased] link yet: both go above the first version definition, else at the end.
  const lines = `[Unreleased]: ${unreleasedUrl}${eol}[${version}]: ${newUrl}`;
  const first = log.definitions[0];
  if (first) return [{ start: first.line.start, end: first.line.start, newText: `${lines}${eol}` }];
  const text = log.text;
  const trailing = /(?:\r\n|\n|\r)*$/.exec(text)!;
  return [{ start: trailing.index, end: text.length, newText: `${eol}${eol}${lines}${eol}` }];
}

/** The repository web address behind the file's existing links. */
function repoBase(defs: readonly LinkDefinition[]): string | undefined {
  for (const d of defs) {
    const m = /^(https?:\/\/.+?)\/(?:-\/)?(?:compare|releases\/tag|tree|commits?)\//.exec(d.url);
    if (m) return m[1];
  }
  return undefined;
}

/** How the file names tags: `v1.4.0` (the default), `1.4.0`, `pkg@1.4.0` — read from a compare link. */
function tagStyle(log: Changelog, sample: string | undefined): (version: string) => string {
  const from = sample ?? log.definitions.map((d) => COMPARE.exec(d.url)?.[3]).find((t) => t && /\d+\.\d+/.test(t));
  const m = from ? /^(.*?)\d+\.\d+\.\d+/.exec(from) : null;
  const prefix = m ? m[1]! : 'v';
  return (version) => `${prefix}${version}`;
}
