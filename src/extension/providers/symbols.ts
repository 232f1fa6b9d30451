// The outline and breadcrumbs of pmdocs documents: "type id" with the front-matter keys, then the
// sections. Plain Markdown files are left to VS Code's own Markdown outline.

import * as vscode from 'vscode';
import { documentSymbols, type AssistSymbol, type SymbolKind } from '../../core/assist/symbols.js';
import { MARKDOWN } from '../services.js';
import { typeOf, type AuthoringDeps } from './deps.js';

export function registerSymbols(deps: AuthoringDeps): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new PmdocsSymbols(deps), { label: 'pmdocs' });
}

const KIND: Record<SymbolKind, vscode.SymbolKind> = {
  document: vscode.SymbolKind.File,
  key: vscode.SymbolKind.Property,
  mapping: vscode.SymbolKind.Object,
  list: vscode.SymbolKind.Array,
  item: vscode.SymbolKind.EnumMember,
  section: vscode.SymbolKind.String,
};

export class PmdocsSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly deps: AuthoringDeps) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    const typed = await typeOf(this.deps, document);
    if (!typed.docType) return undefined;
    return documentSymbols(typed.doc, typed.docType).map((s) => toSymbol(document, s));
  }
}

function toSymbol(document: vscode.TextDocument, s: AssistSymbol): vscode.DocumentSymbol {
  const range = (span: { start: number; end: number }) => new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  const symbol = new vscode.DocumentSymbol(s.name || ' ', s.detail, KIND[s.kind], range(s.range), range(s.selection));
  symbol.children = s.children.map((c) => toSymbol(document, c));
  return symbol;
}
