// Editor help for changelogs: the outline lists releases (date and counts as detail) with their change
// groups, and hovering a release heading shows its date, groups and entry counts.

import type { ParsedDoc } from '../document/parse.js';
import type { AssistSymbol } from '../assist/symbols.js';
import { parseChangelog, type Changelog } from './parse.js';
import { countsLine, summarizeRelease } from './summary.js';

function read(doc: ParsedDoc): Changelog {
  return parseChangelog(doc.text, doc.frontMatter?.block.end ?? 0);
}

export function changelogSymbols(doc: ParsedDoc): AssistSymbol[] {
  const log = read(doc);
  const releases: AssistSymbol[] = log.releases.map((r) => {
    const s = summarizeRelease(r);
    const name = r.heading.kind === 'other' ? doc.text.slice(r.span.start, r.span.end) : s.name;
    return {
      name,
      detail: [s.date, s.yanked ? 'YANKED' : undefined, countsLine(s)].filter(Boolean).join(' · '),
      kind: 'section',
      range: { start: r.line.start, end: trimEnd(doc.text, r.end) },
      selection: r.span,
      children: r.groups.map((g) => ({
        name: g.name,
        detail: `${g.entries.length} entr${g.entries.length === 1 ? 'y' : 'ies'}`,
        kind: 'section',
        range: { start: g.line.start, end: trimEnd(doc.text, g.end) },
        selection: g.span,
        children: [],
      })),
    };
  });
  // The title holds the releases only when it comes first (a misplaced H1 is changelog-structure's finding).
  if (!log.title || (releases[0] && releases[0].range.start < log.title.line.start)) return releases;
  return [
    {
      name: log.title.text || 'Changelog',
      detail: `${releases.filter((r) => /^\d/.test(r.name)).length} releases`,
      kind: 'document',
      range: { start: log.title.line.start, end: doc.text.length },
      selection: log.title.span,
      children: releases,
    },
  ];
}

/** Markdown for a hover on a release heading (undefined elsewhere). */
export function changelogHover(doc: ParsedDoc, offset: number): { contents: string; range: { start: number; end: number } } | undefined {
  const log = read(doc);
  const r = log.releases.find((x) => offset >= x.line.start && offset <= x.line.end);
  if (!r || r.heading.kind === 'other') return undefined;
  const s = summarizeRelease(r);
  const title = s.version
    ? `**${s.version}**${s.date ? ` — released ${s.date}` : ' — no date'}${s.yanked ? ' (yanked)' : ''}`
    : '**Unreleased** — changes not in a release yet';
  const rows = s.groups.map((g) => `| ${g.name} | ${g.entries} |`);
  const table = rows.length
    ? ['', '| group | entries |', '|---|---:|', ...rows, `| **total** | **${s.entries}** |`].join('\n')
    : '\n\nNo entries.';
  return { contents: `${title}${table}`, range: r.span };
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}
