// Hover: on a front-matter key (or its value), what the schema says about it; on a finding's range,
// the rule's one-line description and a link to its docs page. Markdown out.

import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Finding, Span } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';
import type { DocType } from '../doctypes/docType.js';
import { nodeSpan } from '../document/yamlSpans.js';
import { factsAt, schemaViewFor } from '../schema/facts.js';
import { keyDocumentation } from './describe.js';

export interface AssistHover {
  /** Markdown. */
  contents: string;
  range: Span;
}

export interface HoverInput {
  doc: ParsedDoc;
  offset: number;
  docType?: DocType;
  extraSchemas?: readonly unknown[];
}

/** The key (or scalar value) under the cursor, described from the schema. */
export function hoverFrontMatter(input: HoverInput): AssistHover | undefined {
  const { doc, offset, docType } = input;
  const fm = doc.frontMatter;
  if (!fm?.yaml || !docType || offset < fm.block.content.start || offset > fm.block.content.end) return undefined;
  const hit = nodeAt(fm.yaml.contents, offset - fm.block.content.start, []);
  if (!hit) return undefined;
  const view = schemaViewFor(docType, input.extraSchemas);
  const facts = factsAt(view, hit.path);
  if (!facts) return undefined;
  const parent = factsAt(view, hit.path.slice(0, -1));
  const last = hit.path[hit.path.length - 1]!;
  const required = typeof last === 'string' && !!parent?.required.includes(last);
  const span = nodeSpan(fm, hit.node);
  if (!span) return undefined;
  return { contents: keyDocumentation(last, facts, { required }), range: span };
}

/** The deepest key or scalar item at a YAML-relative offset, with its path. */
function nodeAt(node: unknown, at: number, path: (string | number)[]): { node: Node; path: (string | number)[] } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const k = pair.key.range;
      if (k && at >= k[0] && at <= k[1]) return { node: pair.key, path: [...path, key] };
      const v = (pair.value as Node | null)?.range;
      if (v && at >= v[0] && at <= v[1]) {
        if (isScalar(pair.value)) return { node: pair.key, path: [...path, key] };
        return nodeAt(pair.value, at, [...path, key]);
      }
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const r = (item as Node | null)?.range;
      if (!r || at < r[0] || at > r[1]) continue;
      if (isScalar(item)) return { node: item, path: [...path, i] };
      return nodeAt(item, at, [...path, i]);
    }
  }
  return undefined;
}

export interface RuleInfo {
  id: string;
  description: string;
}

/**
 * For the findings whose range holds the offset: the rule's description and docs link. `link` may
 * point somewhere else than the online page (the editor opens the page bundled with it).
 */
export function hoverFindings(
  findings: readonly Finding[],
  offset: number,
  rules: readonly RuleInfo[],
  link: (finding: Finding) => string = (f) => f.docsUrl,
): AssistHover | undefined {
  const hits = findings.filter((f) => offset >= f.start && offset <= f.end);
  if (!hits.length) return undefined;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const f of hits) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = rules.find((r) => r.id === f.ruleId);
    parts.push(`**pmdocs** \`${f.ruleId}\`${rule ? `: ${rule.description}` : ''} — [documentation](${link(f)})`);
  }
  // A schema author's message replaced the generated one: the generated detail is one hover away.
  for (const f of hits) if (f.detail) parts.push(`Details: ${f.detail}`);
  const start = Math.min(...hits.map((f) => f.start));
  const end = Math.max(...hits.map((f) => f.end));
  return { contents: parts.join('\n\n'), range: { start, end } };
}
