// Keep a Changelog: "don't let your friends dump git logs into changelogs". An entry that is only a
// commit hash or a PR number, or says "misc fixes", tells a reader nothing about what changed.

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';

const HASH = /^[0-9a-f]{7,40}$/;
const REF =
  /^(?:(?:pr|pull request|issue|gh|mr)[ -]?)?(?:[#!]\d+|\d+)$|^https?:\/\/\S+\/(?:pull|issues|merge_requests|commit)\/[0-9a-f]+\/?$/i;
const VAGUE =
  /^(?:(?:misc|miscellaneous|various|minor|small|some|other|general|several|many|multiple)\s+)+(?:bug\s*)?(?:fix|fixes|changes|improvements|updates|tweaks|enhancements|bugs|bugfixes|cleanups?|stuff)(?:\s+and\s+(?:\w+\s+)?(?:fix|fixes|changes|improvements|updates|tweaks|enhancements|cleanups?))?$|^(?:bug\s*fixes|fixes|updates|improvements|changes|tweaks|cleanup|wip|misc|various)$/i;

/** The entry text a reader sees: links reduced to their text, emphasis and code marks and wrapping punctuation gone. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/^[\s([]+|[\s)\].,;:!]+$/g, '')
    .trim();
}

export function vagueness(text: string): 'hash' | 'ref' | 'vague' | undefined {
  const t = plain(text);
  if (!t) return undefined;
  if (REF.test(t)) return 'ref';
  const tokens = t
    .split(/[\s,]+/)
    .map((s) => s.replace(/^[([]+|[)\].,;:]+$/g, ''))
    .filter(Boolean);
  if (tokens.length && tokens.every((x) => HASH.test(x) && /\d/.test(x) && /[a-f]/.test(x))) return 'hash';
  if (tokens.length && tokens.every((x) => REF.test(x) || (HASH.test(x) && /\d/.test(x)))) return 'ref';
  return VAGUE.test(t) ? 'vague' : undefined;
}

const WHY = {
  hash: 'is only a commit hash',
  ref: 'is only a pull request or issue number',
  vague: 'says nothing specific',
};

const rule: Rule = {
  id: 'changelog-vague-entry',
  description: 'Changelog entries say what changed: not only a commit hash or PR number, not "misc fixes" or "various improvements".',
  defaultSeverity: 'warning',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    for (const r of log.releases) {
      for (const e of [...r.looseEntries, ...r.groups.flatMap((g) => g.entries)]) {
        const kind = vagueness(e.text);
        if (!kind) continue;
        const firstLineEnd = ctx.doc.text.slice(e.start, e.end).search(/\r|\n/);
        ctx.report({
          start: e.start,
          end: firstLineEnd < 0 ? e.end : e.start + firstLineEnd,
          message: `The entry '${plain(e.text).slice(0, 60)}' ${WHY[kind]}: say what changed for the people using it (a link to the commit or PR may follow).`,
        });
      }
    }
  },
};

export default rule;
