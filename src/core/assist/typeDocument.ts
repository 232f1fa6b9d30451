// Parse and type a document without running the rules: what completion, hover and the outline need on
// every keystroke (the VS Code extension and the language server alike).

import type { Engine } from '../engine.js';
import type { ResolvedConfig } from '../config/types.js';
import { parseDoc, type ParsedDoc } from '../document/parse.js';
import { detectDocType } from '../doctypes/registry.js';
import type { DocType } from '../doctypes/docType.js';

export interface TypedDoc {
  doc: ParsedDoc;
  docType?: DocType;
  docTypes: readonly DocType[];
  config: ResolvedConfig;
}

/** `path` undefined: an unsaved document, which only its front matter (`type:`/`$schema:`) can type. */
export function typeDocument(engine: Engine, text: string, path: string | undefined, config: ResolvedConfig): TypedDoc {
  const doc = parseDoc(text, path);
  const registry = engine.registry(config);
  return { doc, docType: detectDocType(registry, doc.frontMatter, path, config)?.docType, docTypes: registry.all(), config };
}
