// The changelog model of a linted document, read once and shared by every changelog rule.

import type { ParsedDoc } from '../document/parse.js';
import type { DocType } from '../doctypes/docType.js';
import { parseChangelog, type Changelog } from './parse.js';

export const CHANGELOG_TYPE = 'changelog';

const cache = new WeakMap<ParsedDoc, Changelog>();

/** The document read as a changelog, when its doc type is `changelog` (else undefined). */
export function changelogOf(ctx: { doc: ParsedDoc; docType: DocType | undefined }): Changelog | undefined {
  if (ctx.docType?.type !== CHANGELOG_TYPE) return undefined;
  let log = cache.get(ctx.doc);
  if (!log) cache.set(ctx.doc, (log = parseChangelog(ctx.doc.text, ctx.doc.frontMatter?.block.end ?? 0)));
  return log;
}
