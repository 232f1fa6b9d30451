// What a release holds, counted: for the outline, the hover on a version and the preview's header card.

import type { Changelog, Release } from './parse.js';

export interface ReleaseSummary {
  /** `Unreleased` or the version as written. */
  name: string;
  version?: string;
  date?: string;
  yanked: boolean;
  /** Entries per change group, in the file's order (a group named twice is counted once, together). */
  groups: { name: string; entries: number }[];
  entries: number;
}

export function summarizeRelease(r: Release): ReleaseSummary {
  const groups: { name: string; entries: number }[] = [];
  for (const g of r.groups) {
    const same = groups.find((x) => x.name === g.name);
    if (same) same.entries += g.entries.length;
    else groups.push({ name: g.name, entries: g.entries.length });
  }
  if (r.looseEntries.length) groups.unshift({ name: '(no group)', entries: r.looseEntries.length });
  const h = r.heading;
  return {
    name: h.kind === 'unreleased' ? 'Unreleased' : (h.version ?? ''),
    ...(h.version ? { version: h.version } : {}),
    ...(h.date ? { date: h.date } : {}),
    yanked: h.yanked,
    groups,
    entries: groups.reduce((n, g) => n + g.entries, 0),
  };
}

/** `Added 3 · Fixed 2`. */
export function countsLine(s: ReleaseSummary): string {
  return s.groups.map((g) => `${g.name} ${g.entries}`).join(' · ') || 'no entries';
}

/** The latest release (first non-Unreleased entry with a version), and the totals by type across the file. */
export function changelogOverview(log: Changelog): {
  latest?: ReleaseSummary;
  unreleased?: ReleaseSummary;
  releases: number;
  byType: Record<string, number>;
} {
  const summaries = log.releases.filter((r) => r.heading.kind !== 'other').map(summarizeRelease);
  const latest = summaries.find((s) => s.version);
  const unreleased = summaries.find((s) => !s.version);
  const byType: Record<string, number> = {};
  for (const s of summaries) for (const g of s.groups) byType[g.name] = (byType[g.name] ?? 0) + g.entries;
  return {
    ...(latest ? { latest } : {}),
    ...(unreleased ? { unreleased } : {}),
    releases: summaries.filter((s) => s.version).length,
    byType,
  };
}

/** The preview header card's facts for a changelog: latest release and date, counts by change type. */
export function changelogFacts(log: Changelog): [label: string, value: string][] {
  const o = changelogOverview(log);
  const out: [string, string][] = [];
  if (o.latest) {
    out.push(['Latest release', `${o.latest.version}${o.latest.yanked ? ' (yanked)' : ''}`]);
    if (o.latest.date) out.push(['Released', o.latest.date]);
  }
  out.push(['Releases', String(o.releases)]);
  if (o.unreleased) out.push(['Unreleased', countsLine(o.unreleased)]);
  const types = Object.entries(o.byType).filter(([, n]) => n > 0);
  if (types.length) out.push(['Entries by type', types.map(([t, n]) => `${t} ${n}`).join(' · ')]);
  return out;
}
