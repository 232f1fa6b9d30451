// One `## …` heading of a changelog read as a release entry. Keep a Changelog writes
// `[Unreleased]` and `[1.4.0] - 2026-05-20` (optionally ` [YANKED]`); real files also write `v1.4.0`,
// en or em dashes, `(2026-05-20)` and headings without brackets. Those variants are read all the same
// and named, so a rule can point at them and offer the canonical form.

import type { Span } from '../types.js';

export type HeadingVariant = 'v-prefix' | 'no-brackets' | 'dash' | 'parentheses' | 'no-separator' | 'separator';

export interface ReleaseHeading {
  kind: 'unreleased' | 'release' | 'other';
  /** The version without brackets or `v` (release only). */
  version?: string;
  versionSpan?: Span;
  /** The date as written, without separator or parentheses (release only, when present). */
  date?: string;
  dateSpan?: Span;
  yanked: boolean;
  /** An inline link on the version (`[1.4.0](https://…)`), kept as written. */
  inlineLink?: string;
  variants: HeadingVariant[];
  /** The canonical heading text, when the heading is a variant. */
  canonical?: string;
}

const UNRELEASED = /^(\[)?[ \t]*(unreleased)[ \t]*(\])?(?:\(([^()\s]*)\))?$/i;
const RELEASE = /^(\[)?[ \t]*([vV])?(\d[^\s[\]()]*)(?:[ \t]*(\]))?(.*)$/;
const INLINE_LINK = /^\(([^()\s]*)\)/;
const YANKED = /[ \t]*\[YANKED\][ \t]*$/i;

export function readReleaseHeading(raw: string, offset: number): ReleaseHeading {
  const u = UNRELEASED.exec(raw);
  if (u && !!u[1] === !!u[3]) {
    const variants: HeadingVariant[] = u[1] ? [] : ['no-brackets'];
    return {
      kind: 'unreleased',
      yanked: false,
      ...(u[4] !== undefined ? { inlineLink: u[4] } : {}),
      variants,
      ...(variants.length ? { canonical: `[Unreleased]${u[4] !== undefined ? `(${u[4]})` : ''}` } : {}),
    };
  }
  const m = RELEASE.exec(raw);
  if (!m || !!m[1] !== !!m[4]) return { kind: 'other', yanked: false, variants: [] };
  const [, open, v, version] = m as unknown as [string, string | undefined, string | undefined, string];
  // `## 2023-12-19, Version 9.0.2`: a date first is another format, not a version.
  if (/^\d{4}-\d{1,2}(?:-\d{1,2})?,?$/.test(version)) return { kind: 'other', yanked: false, variants: [] };
  let rest = m[5]!;
  // `[1.4.0](https://…)`: a link on the bracketed version; without brackets `(…)` is a date.
  const l = open ? INLINE_LINK.exec(rest) : null;
  const link = l ? l[1] : undefined;
  if (l) rest = rest.slice(l[0].length);
  if (rest && !/^[\s\-–—:(]/.test(rest)) return { kind: 'other', yanked: false, variants: [] };
  const variants: HeadingVariant[] = [];
  if (v) variants.push('v-prefix');
  if (!open) variants.push('no-brackets');
  const versionStart = offset + raw.indexOf(version, v ? raw.indexOf(v) + 1 : 0);
  const restStart = offset + raw.length - rest.length;
  const yanked = YANKED.exec(rest);
  if (yanked) rest = rest.slice(0, yanked.index);
  // Separator, then the date (perhaps in parentheses).
  const sep = /^[ \t]*([-–—:/|])?[ \t]*/.exec(rest)!;
  let date: string | undefined;
  let dateStart = 0;
  const afterSep = rest.slice(sep[0].length);
  if (afterSep) {
    if (sep[1] === '–' || sep[1] === '—') variants.push('dash');
    else if (sep[1] && sep[1] !== '-') variants.push('separator');
    const paren = /^\(([^()]*)\)[ \t]*$/.exec(afterSep);
    if (paren) {
      variants.push('parentheses');
      date = paren[1]!.trim();
      dateStart = restStart + sep[0].length + 1 + paren[1]!.indexOf(date);
    } else {
      if (!sep[1]) variants.push('no-separator');
      date = afterSep.trimEnd();
      dateStart = restStart + sep[0].length;
    }
  }
  const heading: ReleaseHeading = {
    kind: 'release',
    version,
    versionSpan: { start: versionStart, end: versionStart + version.length },
    ...(date !== undefined ? { date, dateSpan: { start: dateStart, end: dateStart + date.length } } : {}),
    yanked: !!yanked,
    ...(link !== undefined ? { inlineLink: link } : {}),
    variants,
  };
  if (variants.length || (yanked && yanked[0].trim() !== '[YANKED]')) heading.canonical = canonicalHeading(heading);
  return heading;
}

/** `[1.4.0] - 2026-05-20 [YANKED]`: the heading Keep a Changelog writes for a release. */
export function canonicalHeading(h: { version?: string; date?: string; yanked?: boolean; inlineLink?: string }): string {
  const link = h.inlineLink !== undefined ? `(${h.inlineLink})` : '';
  return `[${h.version ?? ''}]${link}${h.date ? ` - ${h.date}` : ''}${h.yanked ? ' [YANKED]' : ''}`;
}
