// What `pmdocs init` writes: a starter .pmdocs.json, and (with --from) a first draft of a workspace doc
// type read off an existing document: its front-matter keys with types inferred from their values, its
// H2 headings as sections in their order. A draft for the user to refine, never a guess presented as
// final: every inferred part says so in its description.

import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { findFrontMatterBlock } from '../document/frontMatterBlock.js';
import { headingText } from '../document/sections.js';
import { parseDoc } from '../document/parse.js';
import type { Heading } from 'mdast';

export const STARTER_CONFIG = `{
  // pmdocs configuration: https://github.com/pmdocs/pmdocs#configuration
  "$schema": "./node_modules/pmdocs/schemas/pmdocs-config.schema.json",

  // The files \`pmdocs lint\` checks when run without paths (relative to this file).
  "include": ["**/*.md"],
  "exclude": ["node_modules/**"],

  // Per rule: off, info, warning or error; or ["warning", { options }] (each rule's page lists them).
  "rules": {},

  // Documents without \`type:\` in their front matter, typed by where they live.
  "associations": {},

  // Your own doc types: name -> a JSON Schema file with an "x-pmdocs" block (docs/custom-types.md).
  // \`pmdocs init --from TEMPLATE.md --type NAME\` drafts one from a document.
  "docTypes": {}
}
`;

export interface DraftedType {
  /** The schema, as JSON text. */
  schemaText: string;
  keys: string[];
  sections: string[];
}

/** A draft schema for the type `name` from a document's front matter and H2 headings. */
export function draftDocType(text: string, name: string): DraftedType {
  // `$schema: NAME` in a document is one way to give it this type: allowed, never required.
  const properties: Record<string, Record<string, unknown>> = {
    $schema: { title: 'Schema', description: 'The doc type of this document, when neither its path nor `type:` says it.', type: 'string' },
  };
  const required: string[] = [];
  const block = findFrontMatterBlock(text);
  if (block) {
    const yaml = parseDocument(text.slice(block.content.start, block.content.end));
    if (isMap(yaml.contents)) {
      for (const pair of yaml.contents.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (key === '$schema') continue;
        properties[key] = inferSchema(key, pair.value);
        required.push(key);
      }
    }
  }
  const doc = parseDoc(text);
  const sections = doc.root.children
    .filter((n): n is Heading => n.type === 'heading' && n.depth === 2)
    .map((h) => headingText(h))
    .filter((t, i, all) => t !== '' && all.indexOf(t) === i);
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: name,
    description: `A ${name} document. Drafted by \`pmdocs init --from\`: check every key's type, which keys are required, and the sections.`,
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    'x-pmdocs': {
      type: name,
      sections: sections.map((s) => ({ name: s, required: true })),
      ...(sections.length > 1 ? { order: sections } : {}),
      ...(required.length > 1 ? { keyOrder: required } : {}),
    },
  };
  return { schemaText: `${JSON.stringify(schema, null, 2)}\n`, keys: required, sections };
}

function inferSchema(key: string, node: unknown): Record<string, unknown> {
  const base = { title: key, description: `Drafted from the document's '${key}'.` };
  if (isSeq(node)) {
    const first = node.items[0];
    return { ...base, type: 'array', ...(first !== undefined ? { items: inferType(first) } : {}) };
  }
  if (isMap(node)) return { ...base, type: 'object' };
  return { ...base, ...inferType(node) };
}

function inferType(node: unknown): Record<string, unknown> {
  if (!isScalar(node)) return isMap(node) ? { type: 'object' } : isSeq(node) ? { type: 'array' } : {};
  const v = node.value;
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'integer' : 'number' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  if (v === null) return {};
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { type: 'string', format: 'date' };
  if (typeof v === 'string' && /^https?:\/\//.test(v)) return { type: 'string', format: 'uri' };
  return { type: 'string' };
}
