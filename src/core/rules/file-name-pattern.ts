// The file name matches the type's `fileName` pattern, whose `{{field}}` placeholders are front-matter
// values: `"fileName": "eip-{{eip}}.md"` wants `eip: 5` in eip-5.md. A value that differs from the one
// the file name holds is reported on the value, with a fix that writes the file name's value there (a
// file rename is a different kind of edit); a file name that does not fit the pattern at all is
// reported on the front matter's opening fence, with the name it should have.

import { isScalar } from 'yaml';
import type { Fix } from '../types.js';
import type { Rule } from './rule.js';
import { replacementFixes } from '../schema/fixes.js';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

const rule: Rule = {
  id: 'file-name-pattern',
  description:
    "The file name fits the type's `fileName` pattern, whose `{{field}}` placeholders are front-matter values (eip-5.md ↔ `eip: 5`).",
  defaultSeverity: 'error',
  check(ctx) {
    const pattern = ctx.docType?.fileName;
    const path = ctx.doc.path;
    if (typeof pattern !== 'string' || !pattern || !path) return;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const fields: string[] = [];
    let source = '^';
    let last = 0;
    for (const m of pattern.matchAll(PLACEHOLDER)) {
      source += escape(pattern.slice(last, m.index)) + '(.+?)';
      fields.push(m[1]!);
      last = m.index! + m[0].length;
    }
    source += `${escape(pattern.slice(last))}$`;
    const expectedName = pattern.replace(PLACEHOLDER, (_, field: string) =>
      ctx.data[field] === undefined ? `{{${field}}}` : String(ctx.data[field]),
    );
    const m = new RegExp(source, 'u').exec(name);
    if (!m) {
      ctx.report({
        ...ctx.frontMatterAnchor,
        message: `File name '${name}' does not fit the pattern '${pattern}'${expectedName.includes('{{') ? '' : `: expected '${expectedName}'`}.`,
        expected: [expectedName],
        actual: name,
      });
      return;
    }
    fields.forEach((field, i) => {
      const fromName = m[i + 1]!;
      const value = ctx.data[field];
      if (value !== undefined && String(value) === fromName) return;
      const span = ctx.frontMatterSpan([field]);
      if (value === undefined || !span) {
        // A missing key is the schema's to report when required; here, say what the name implies.
        ctx.report({
          ...ctx.frontMatterAnchor,
          message: `File name '${name}' says ${field} is '${fromName}', but the front matter has no '${field}'.`,
          expected: [fromName],
        });
        return;
      }
      const node = ctx.doc.frontMatter?.yaml?.getIn([field], true);
      const replacement = typeof value === 'number' && /^-?\d+(?:\.\d+)?$/.test(fromName) ? Number(fromName) : fromName;
      // Never safe: the file name may be the wrong one, so --fix and Fix all leave it to the user.
      const fixes: Fix[] = isScalar(node)
        ? replacementFixes(ctx.doc.text, span, node, [replacement], `Set ${field} to`).map((f) => ({ ...f, safe: false }))
        : [];
      ctx.report({
        ...span,
        message: `${field} is ${JSON.stringify(value)}, but the file name '${name}' says '${fromName}' (pattern '${pattern}'): expected ${field}: ${fromName}, or rename the file to '${expectedName}'.`,
        expected: [fromName],
        actual: String(value),
        ...(fixes.length ? { fixes } : {}),
      });
    });
  },
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default rule;
