// A document's id starts with its type's prefix (PRD-, US-, REL-… from the type's `idPrefix`), so
// references like `prd: PRD-12` can be resolved and checked by type. When the id carries another known
// type's prefix, the message names that type: the usual cause is a copied file or a wrong `type`.

import type { DocType } from '../doctypes/docType.js';
import { article } from '../schema/wording.js';
import type { TextEdit } from '../types.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'id-type-prefix',
  description: "The `id` starts with the document type's prefix (PRD-, EPIC-, US-, REL-, or a workspace type's own).",
  defaultSeverity: 'error',
  check(ctx) {
    const type = ctx.docType;
    const prefix = type?.idPrefix;
    const id = ctx.data['id'];
    if (!type || typeof prefix !== 'string' || !prefix || typeof id !== 'string' || !id || id.startsWith(prefix)) return;
    const span = ctx.frontMatterSpan(['id']);
    if (!span) return;
    const shape = expectedShape(type, prefix);
    const other = ctx.docTypes
      .filter((t) => t.type !== type.type && typeof t.idPrefix === 'string' && t.idPrefix && id.startsWith(t.idPrefix))
      .sort((a, b) => b.idPrefix!.length - a.idPrefix!.length)[0];
    let oldPrefix: string;
    let message: string;
    if (other) {
      oldPrefix = other.idPrefix!;
      message = `id '${id}' has the ${other.type} prefix, but this document is ${article(type.type)}: expected ${shape}.`;
    } else if (id.toUpperCase().startsWith(prefix.toUpperCase())) {
      oldPrefix = id.slice(0, prefix.length);
      message = `id '${id}' has the prefix '${oldPrefix}' in the wrong case: expected ${shape}.`;
    } else {
      oldPrefix = /^[A-Za-z][A-Za-z0-9]*?[-_ ]?(?=[0-9])/.exec(id)?.[0] ?? /^[A-Za-z]+[-_ ]?/.exec(id)?.[0] ?? '';
      message = `id '${id}' does not start with the ${type.type} prefix '${prefix}': expected ${shape}.`;
    }
    const fixed = prefix + id.slice(oldPrefix.length);
    const raw = ctx.doc.text.slice(span.start, span.end);
    const at = raw.indexOf(id);
    const edits: TextEdit[] = at >= 0 ? [{ start: span.start + at, end: span.start + at + oldPrefix.length, newText: prefix }] : [];
    ctx.report({
      ...span,
      message,
      expected: [shape],
      actual: id,
      ...(edits.length ? { fixes: [{ title: `Change the id to '${fixed}'`, edits, safe: false }] } : {}),
    });
  },
};

/** `PRD-<number>`, `REL-<version>`: the prefix and what the type's example id puts after it. */
export function expectedShape(type: DocType, prefix: string): string {
  const example = typeof type.idExample === 'string' && type.idExample.startsWith(prefix) ? type.idExample.slice(prefix.length) : '';
  if (/^\d+$/.test(example)) return `${prefix}<number>`;
  if (/^\d+\.\d+\.\d+/.test(example)) return `${prefix}<version>`;
  return example ? `${prefix}… (like ${type.idExample})` : `${prefix}…`;
}

export default rule;
