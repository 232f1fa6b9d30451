// Core results as LSP data: the one place a Finding becomes a Diagnostic, a Fix a TextEdit, and so on.
// Positions come from the client's document (`positionAt`), so they count UTF-16 code units like the
// editor does, whatever the line breaks.

import {
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AssistCompletion, CompletionKind } from '../core/assist/completion.js';
import type { AssistSymbol, SymbolKind as CoreSymbolKind } from '../core/assist/symbols.js';
import type { Finding, Severity, Span, TextEdit as CoreEdit } from '../core/types.js';

export const SOURCE = 'pmdocs';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(doc, finding),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length)
    d.relatedInformation = finding.related.map((r) => ({ location: { uri: doc.uri, range: rangeOf(doc, r) }, message: r.message }));
  return d;
}

export function toTextEdit(doc: TextDocument, edit: CoreEdit): TextEdit {
  return { range: rangeOf(doc, edit), newText: edit.newText };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  type: CompletionItemKind.Class,
  reference: CompletionItemKind.Reference,
  date: CompletionItemKind.Value,
  id: CompletionItemKind.Value,
};

export function toCompletionItem(doc: TextDocument, item: AssistCompletion, snippets: boolean): CompletionItem {
  const snippet = item.snippet && snippets;
  const newText = item.snippet && !snippets ? snippetToPlain(item.insertText) : item.insertText;
  const c: CompletionItem = {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    textEdit: { range: rangeOf(doc, item.replace), newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (item.multiline) c.insertTextMode = InsertTextMode.adjustIndentation;
  if (item.detail) c.detail = item.detail;
  if (item.documentation) c.documentation = { kind: 'markdown', value: item.documentation };
  if (item.sortText) c.sortText = item.sortText;
  if (item.filterText) c.filterText = item.filterText;
  if (item.preselect) c.preselect = true;
  return c;
}

/** A snippet's text for a client without snippet support: placeholders keep their default text, tab stops vanish. */
export function snippetToPlain(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      // ${1:default} or ${1|a,b|}: keep the default (the first choice).
      const close = matchingBrace(snippet, i + 1);
      const body = snippet.slice(i + 2, close);
      const colon = body.indexOf(':');
      const choice = /^\d+\|(.*)\|$/s.exec(body);
      out += choice ? snippetToPlain(choice[1]!.split(/(?<!\\),/)[0]!) : colon >= 0 ? snippetToPlain(body.slice(colon + 1)) : '';
      i = close;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else {
      out += c;
    }
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return s.length - 1;
}

const SYMBOL_KIND: Record<CoreSymbolKind, SymbolKind> = {
  document: SymbolKind.File,
  key: SymbolKind.Property,
  mapping: SymbolKind.Object,
  list: SymbolKind.Array,
  item: SymbolKind.EnumMember,
  section: SymbolKind.String,
};

export function toSymbol(doc: TextDocument, s: AssistSymbol): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: rangeOf(doc, s.range),
    selectionRange: rangeOf(doc, s.selection),
    children: s.children.map((c) => toSymbol(doc, c)),
  };
}
