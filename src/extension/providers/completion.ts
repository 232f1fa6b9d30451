// Completion in the front matter of Markdown documents, from the document type's schema (core/assist).

import * as vscode from 'vscode';
import { completeFrontMatter, type AssistCompletion, type CompletionKind, type KnownDoc } from '../../core/assist/completion.js';
import type { ResolvedConfig } from '../../core/config/types.js';
import { today } from '../../core/templates/index.js';
import { findFrontMatterBlock } from '../../core/document/frontMatterBlock.js';
import { MARKDOWN } from '../services.js';
import { typeOf, type AuthoringDeps } from './deps.js';

const TRIGGERS = [':', ' ', '[', ','];

/** The documents whose ids a reference field may take (the workspace index, see ../workspaceIndex.ts). */
export interface KnownDocsSource {
  knownDocs(uri: vscode.Uri, config: ResolvedConfig): Promise<KnownDoc[]>;
}

export function registerCompletion(deps: AuthoringDeps, known: KnownDocsSource): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(MARKDOWN, new PmdocsCompletion(deps, known), ...TRIGGERS);
}

const KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  type: vscode.CompletionItemKind.Class,
  reference: vscode.CompletionItemKind.Reference,
  date: vscode.CompletionItemKind.Value,
  id: vscode.CompletionItemKind.Value,
};

export class PmdocsCompletion implements vscode.CompletionItemProvider {
  constructor(
    private readonly deps: AuthoringDeps,
    private readonly known: KnownDocsSource,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const text = document.getText();
    // Cheap exit before any work (space is a trigger character in the whole body): the cursor must be
    // inside a front matter at the top.
    const offset = document.offsetAt(position);
    const block = findFrontMatterBlock(text);
    if (!block || offset < block.content.start || offset > block.content.end) return undefined;
    const typed = await typeOf(this.deps, document);
    const knownDocs = await this.known.knownDocs(document.uri, typed.config);
    const items = completeFrontMatter({
      doc: typed.doc,
      offset,
      docType: typed.docType,
      docTypes: typed.docTypes,
      extraSchemas: typed.config.schemas,
      knownDocs,
      today: today(),
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
    });
    return items.map((item) => toCompletionItem(document, item));
  }
}

function toCompletionItem(document: vscode.TextDocument, item: AssistCompletion): vscode.CompletionItem {
  const c = new vscode.CompletionItem(item.label, KIND[item.kind]);
  c.insertText = item.snippet ? new vscode.SnippetString(item.insertText) : item.insertText;
  c.range = new vscode.Range(document.positionAt(item.replace.start), document.positionAt(item.replace.end));
  if (item.detail) c.detail = item.detail;
  if (item.documentation) c.documentation = new vscode.MarkdownString(item.documentation);
  if (item.sortText) c.sortText = item.sortText;
  if (item.filterText) c.filterText = item.filterText;
  if (item.preselect) c.preselect = true;
  return c;
}
