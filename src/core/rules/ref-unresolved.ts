// Every id in a reference field (`prd: PRD-12`, `stories: [US-101]`, `links.depends_on`… — the values
// whose schema says `x-pmdocs: {references: …}`) names a document of the workspace, of the expected type.
// Silent without a workspace index: one file alone cannot tell a broken link from a document it cannot see.
//
// Left to others, so each mistake is reported once: a value the schema already rejects (`prd: prd-12`)
// and names no document is frontmatter-schema's; a reference to a document whose own id is broken
// (`PRD_12` in PRD-12-export.md, or front matter that does not parse) resolves through the file name,
// and the broken id is reported in that document. A value that is not an id of the expected type at all
// (`target_release: "2.4.0"`, a bare version where a release-notes id is also allowed) is no reference.

import type { DocType } from '../doctypes/docType.js';
import { distance } from 'fastest-levenshtein';
import { closeMatches } from '../schema/didYouMean.js';
import { article, pathLabel, showValue } from '../schema/wording.js';
import type { IndexedDoc, WorkspaceIndex } from '../workspace/index.js';
import type { RefSite } from '../workspace/references.js';
import { looksLikeId, resolveRef } from '../workspace/resolve.js';
import { expectedShape } from './id-type-prefix.js';
import type { Rule, RuleContext } from './rule.js';

const rule: Rule = {
  id: 'ref-unresolved',
  description: 'Every id in a reference field (`prd`, `epic`, `stories`, `links`…) names an existing document of the expected type.',
  defaultSeverity: 'error',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return;
    for (const site of ctx.references) {
      const resolution = resolveRef(ws, site);
      if (resolution.kind === 'ok' || resolution.kind === 'broken-target') continue;
      const span = ctx.frontMatterSpan(site.path);
      if (!span) continue;
      const label = pathLabel(site.path);
      const expectedTypes = site.ref.types.map((t) => ctx.docTypes.find((d) => d.type === t)).filter((t): t is DocType => !!t);
      if (resolution.kind === 'wrong-type') {
        const found = resolution.docs[0]!;
        ctx.report({
          ...span,
          message: `${label} ${showValue(site.value)} names ${found.type ? article(found.type) : 'a document'} (${ws.display(found.path)}), not ${typeList(site.ref.types)}: expected ${shapes(expectedTypes, site.ref.types)}.`,
          expected: site.ref.types.length ? [...site.ref.types] : undefined,
          actual: found.type,
        });
        continue;
      }
      if (!looksLikeId(site, ctx.docTypes)) continue;
      if (ctx.schemaProblems.some((p) => samePath(p.path, site.path))) continue; // the schema's finding says it
      const suggestions = didYouMean(ws, site, ctx);
      const nobody = site.ref.types.length
        ? `no ${site.ref.types.join(' or ')} in the workspace has this id`
        : 'no document in the workspace has this id';
      ctx.report({
        ...span,
        message: `${label} ${showValue(site.value)} names no document: ${nobody}.${suggestions.length ? ` Did you mean ${suggestionText(suggestions)}?` : ''}`,
        ...(suggestions.length ? { expected: suggestions.map((d) => d.id!) } : {}),
        actual: site.id,
      });
    }
  },
};

function didYouMean(ws: WorkspaceIndex, site: RefSite, ctx: RuleContext): IndexedDoc[] {
  const types = site.ref.types.length ? site.ref.types : ctx.docTypes.map((t) => t.type);
  const candidates = new Map<string, IndexedDoc>();
  for (const t of types) for (const d of ws.ofType(t)) if (!candidates.has(d.id!)) candidates.set(d.id!, d);
  const own = ctx.data['id'];
  const close = closeMatches(
    site.id,
    [...candidates.keys()].filter((id) => id !== own),
  );
  // Ids are short and alike (PRD-12, PRD-13…): only one typo away (a wrong, missing or extra
  // character, two neighbours swapped, the case) is worth naming.
  const edits = (id: string) => (isSwap(site.id, id) ? 1 : distance(site.id.toLowerCase(), id.toLowerCase()));
  return close
    .filter((id) => edits(id) <= 1)
    .slice(0, 3)
    .map((id) => candidates.get(id)!);
}

/** PRD-41 for PRD-14: two neighbouring characters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

function suggestionText(docs: readonly IndexedDoc[]): string {
  const one = (d: IndexedDoc) => `'${d.id}'${d.title ? ` (${d.title})` : ''}`;
  return docs.length === 1 ? one(docs[0]!) : `${docs.slice(0, -1).map(one).join(', ')} or ${one(docs[docs.length - 1]!)}`;
}

function typeList(types: readonly string[]): string {
  if (!types.length) return 'a document';
  const words = types.map(article);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function shapes(types: readonly DocType[], names: readonly string[]): string {
  const withPrefix = types.filter((t) => t.idPrefix);
  if (!withPrefix.length) return `the id of ${typeList(names)}`;
  const list = withPrefix.map((t) => `${article(t.type)} id (${expectedShape(t, t.idPrefix!)})`);
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

export default rule;
