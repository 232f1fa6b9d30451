// Supersession is a link with two ends: when ADR-0011 supersedes ADR-0003, ADR-0011 lists ADR-0003 in
// `supersedes` and ADR-0003 names ADR-0011 in `superseded_by`. A reader who lands on either record must
// find the other, so each document reports the end it writes that the other document does not confirm,
// on its own reference. The other document's references come from the workspace index (silent without
// one); an id that names nothing, or a document of the wrong type, is ref-unresolved's finding.

import { pathLabel } from '../schema/wording.js';
import type { IndexedDoc } from '../workspace/index.js';
import { resolveRef } from '../workspace/resolve.js';
import type { Rule } from './rule.js';

/** Front-matter keys (dotted) that hold each end of the link: the document's own and the `links` form. */
const SUPERSEDES = ['supersedes', 'links.supersedes'];
const SUPERSEDED_BY = ['superseded_by', 'links.superseded_by'];

const rule: Rule = {
  id: 'supersession-reciprocal',
  description:
    'A document that supersedes another is named in that one’s `superseded_by`, and one superseded by another is listed in that one’s `supersedes`.',
  defaultSeverity: 'warning',
  check(ctx) {
    const ws = ctx.workspace;
    const own = ctx.data['id'];
    if (!ws || typeof own !== 'string' || !own) return;
    for (const site of ctx.references) {
      const key = site.path.filter((p): p is string => typeof p === 'string').join('.');
      const supersedes = SUPERSEDES.includes(key);
      if (!supersedes && !SUPERSEDED_BY.includes(key)) continue;
      if (site.id === own) continue; // a document naming itself is not a link to confirm
      const resolution = resolveRef(ws, site);
      if (resolution.kind !== 'ok' || resolution.docs.length !== 1) continue; // missing, wrong type or duplicate: other rules
      const other = resolution.docs[0]!;
      const backKeys = supersedes ? SUPERSEDED_BY : SUPERSEDES;
      const back = (other.refs ?? []).filter((r) => backKeys.includes(r.key));
      if (back.some((r) => r.id === own)) continue;
      const span = ctx.frontMatterSpan(site.path);
      if (!span) continue;
      const where = ws.display(other.path);
      const name = `${site.id}${other.title ? ` (${other.title})` : ''}`;
      ctx.report({
        ...span,
        message: supersedes
          ? supersededMessage(own, name, site.id, back, other, where, pathLabel(site.path))
          : `${own} is superseded by ${name}, but ${site.id} does not list ${own} in \`supersedes\`: add it there (${where}), so that a reader of the new record finds the one it replaced (${pathLabel(site.path)}).`,
        expected: [`${site.id} lists ${own} in ${backKeys[0]}`],
        actual: back.length ? back.map((r) => r.id).join(', ') : 'nothing',
      });
    }
  },
};

function supersededMessage(
  own: string,
  name: string,
  id: string,
  back: { id: string }[],
  other: IndexedDoc,
  where: string,
  path: string,
): string {
  if (back.length)
    return `${own} supersedes ${name}, but ${id} says it is superseded by ${back.map((r) => r.id).join(', ')}: one of the two records is wrong; correct it here or in ${where} (${path}).`;
  const status = other.status && other.status !== 'superseded' ? ` set its status to superseded (it is '${other.status}') and` : '';
  return `${own} supersedes ${name}, but ${id} does not say so:${status} add \`superseded_by: ${own}\` to it (${where}), so that a reader of the old record finds what replaced it (${path}).`;
}

export default rule;
