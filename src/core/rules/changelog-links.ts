// Link reference definitions at the bottom of a changelog make each version heading a link (Keep a
// Changelog's "linkable versions"). Checked by text only, never fetched: each bracketed version heading
// has a definition (info when missing), no definition names a version with no heading, and a compare
// link of a release goes from the release below it to this one (`compare/v1.3.0...v1.4.0`).

import type { Rule } from './rule.js';
import { changelogOf } from '../changelog/ofDocument.js';
import { definitionFor, normalizeLabel, type Release } from '../changelog/parse.js';
import { isSemver } from '../changelog/semver.js';

const COMPARE = /\/compare\/([^/?#]+?)\.{2,3}([^/?#]+?)\/?(?:[?#].*)?$/;
const VERSION_LABEL = /^v?\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?$|^unreleased$/i;

/** The label a heading's brackets hold: `[v1.4.0]` → `v1.4.0`, `[Unreleased]` → `Unreleased`. */
export function headingLabel(text: string, r: Release): string | undefined {
  const raw = text.slice(r.span.start, r.span.end);
  const m = /^\[([^\]]+)\](?!\()/.exec(raw);
  return m ? m[1]!.trim() : undefined;
}

/** Does a tag name (`v1.4.0`, `1.4.0`, `pkg@1.4.0`, `release-1.4.0`) stand for this version? */
export function tagNames(tag: string, version: string): boolean {
  const t = decodeURIComponent(tag.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  if (!t.endsWith(version)) return false;
  const before = t.slice(0, t.length - version.length);
  return before === '' || /(?:^|[@/_-])v?$|^v$/i.test(before);
}

/** Does a tag name look like any version at all (so that naming the wrong one is worth a finding)? */
function looksVersioned(tag: string): boolean {
  return /(?:^|[@/_-]|v)\d+\.\d+/.test(tag);
}

const rule: Rule = {
  id: 'changelog-links',
  description:
    'Each version heading has a link reference definition (info when missing), none names a missing version, and compare links go from the previous version (`compare/v1.3.0...v1.4.0`).',
  defaultSeverity: 'warning',
  check(ctx) {
    const log = changelogOf(ctx);
    if (!log) return;
    const text = ctx.doc.text;
    const labels = new Set<string>();
    const releases = log.releases.filter((r) => r.heading.kind !== 'other');
    const keepsLinks = log.definitions.some((d) => VERSION_LABEL.test(d.label.trim()));
    releases.forEach((r, i) => {
      const h = r.heading;
      const label = headingLabel(text, r);
      if (label) labels.add(normalizeLabel(label));
      // A heading without brackets still owns the definition of its version (the fix adds the brackets).
      else for (const l of h.kind === 'unreleased' ? ['unreleased'] : [h.version!, `v${h.version}`]) labels.add(normalizeLabel(l));
      if (h.inlineLink !== undefined || !label) return; // a link inline, or no brackets (changelog-heading-format's finding)
      const def = definitionFor(log, label);
      const below = releases.slice(i + 1).find((x) => x.heading.kind === 'release' && x.heading.version && isSemver(x.heading.version));
      if (!def) {
        // `[Unreleased]` needs one only in a file that links its versions (there is nothing to compare yet otherwise).
        if (h.kind === 'unreleased' && !keepsLinks) return;
        const example = exampleUrl(
          log.definitions.map((d) => d.url),
          below?.heading.version,
          h.kind === 'release' ? h.version! : undefined,
        );
        ctx.report({
          ...r.span,
          severity: 'info',
          message: `'${text.slice(r.span.start, r.span.end)}' has no link reference definition: add '[${label}]: ${example}' at the bottom of the file.`,
        });
        return;
      }
      const compare = COMPARE.exec(def.url);
      if (!compare) return;
      const [, from, to] = compare as unknown as [string, string, string];
      if (h.kind === 'release' && h.version && !tagNames(to, h.version) && looksVersioned(to)) {
        ctx.report({
          ...def.urlSpan,
          message: `The link for ${h.version} compares up to '${to}': expected a tag of ${h.version} after '...'.`,
          related: [{ ...r.span, message: 'the release' }],
        });
      }
      if (below?.heading.version && looksVersioned(from) && !tagNames(from, below.heading.version)) {
        const what = h.kind === 'unreleased' ? 'Unreleased' : h.version;
        ctx.report({
          ...def.urlSpan,
          message: `The link for ${what} compares from '${from}', but the release below it is ${below.heading.version}: expected '${sameStyle(from, below.heading.version)}...${to}'.`,
          related: [{ ...below.span, message: 'the release below' }],
        });
      }
    });
    for (const d of log.definitions) {
      const label = d.label.trim();
      if (!VERSION_LABEL.test(label) || labels.has(normalizeLabel(label))) continue;
      // A version label used elsewhere in the text (`see [1.2.0]`) is a link, not a dangling definition.
      const uses = text.split(`[${label}]`).length - 1;
      if (uses > 1) continue;
      ctx.report({
        ...d.labelSpan,
        message: `The link reference '[${label}]' names no release heading in this changelog: remove it or add the release.`,
        fixes: [
          {
            title: `Remove the definition '[${label}]'`,
            edits: [{ start: d.line.start, end: nextLineStart(text, d.line.end), newText: '' }],
            safe: false,
          },
        ],
      });
    }
  },
};

/** `v1.3.0` styled like `v1.2.0` → keeps the prefix: `pkg@1.2.0` → `pkg@1.3.0`. */
function sameStyle(tag: string, version: string): string {
  const m = /^(.*?[@/_-]?v?)\d+\.\d+.*$/.exec(tag);
  return `${m ? m[1] : ''}${version}`;
}

/** A compare URL in the style of the file's other links, else a placeholder. */
function exampleUrl(urls: string[], below: string | undefined, version: string | undefined): string {
  const sample = urls.map((u) => (COMPARE.exec(u) ? u : undefined)).find(Boolean);
  const to = version ?? 'HEAD';
  if (sample && below) {
    const m = COMPARE.exec(sample)!;
    const base = sample.slice(0, m.index);
    return `${base}/compare/${sameStyle(m[1]!, below)}...${version ? sameStyle(m[2]!, version) : 'HEAD'}`;
  }
  return below ? `https://…/compare/v${below}...${version ? `v${to}` : 'HEAD'}` : `https://…/releases/tag/v${to}`;
}

function nextLineStart(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

export default rule;
