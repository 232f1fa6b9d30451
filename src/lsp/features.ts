// Code actions, completion, hover and the outline: core's answers (../core/fixes, ../core/assist) as LSP
// data. Nothing is decided here that the VS Code extension decides differently.

import { changelogHover } from '../core/changelog/assist.js';
import { CHANGELOG_TYPE } from '../core/changelog/ofDocument.js';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeFrontMatter } from '../core/assist/completion.js';
import { hoverFindings, hoverFrontMatter } from '../core/assist/hover.js';
import { documentSymbols } from '../core/assist/symbols.js';
import { typeDocument } from '../core/assist/typeDocument.js';
import { findFrontMatterBlock } from '../core/document/frontMatterBlock.js';
import { FIX_ALL_TITLE, findingAt, fixAllEdit, quickFixesFor } from '../core/fixes/quickFixes.js';
import type { Fix } from '../core/types.js';
import { SOURCE, rangeOf, toCompletionItem, toSymbol, toTextEdit } from './convert.js';
import type { DocumentLinter } from './linting.js';
import type { LspConfigs } from './configs.js';
import { pathOf } from './paths.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pmdocs`;
export const COMPLETION_TRIGGERS = [':', ' ', '[', ','];

export class Features {
  /** The client inserts snippets (`${1:…}` tab stops) in completion items. */
  snippets = false;

  constructor(
    private readonly linter: DocumentLinter,
    private readonly configs: LspConfigs,
  ) {}

  async codeActions(doc: TextDocument, params: CodeActionParams): Promise<CodeAction[]> {
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const wantQuickFixes = wants(CodeActionKind.QuickFix);
    const wantFixAll = !!only && wants(FIX_ALL_KIND);
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
    if (!wantFixAll && !(wantQuickFixes && ours.length)) return [];
    const linted = await this.linter.current(doc);
    if (!linted) return [];
    const { result, config } = linted;
    const actions: CodeAction[] = [];
    if (wantQuickFixes) {
      for (const diagnostic of ours) {
        const finding = findingAt(
          result.findings,
          String(diagnostic.code ?? ''),
          doc.offsetAt(diagnostic.range.start),
          doc.offsetAt(diagnostic.range.end),
          typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        );
        if (!finding) continue;
        for (const { fix, preferred } of quickFixesFor(result.doc, finding))
          actions.push(this.action(doc, fix.title, CodeActionKind.QuickFix, fix, [diagnostic], preferred));
      }
    }
    const engine = await this.linter.getEngine();
    const path = pathOf(doc.uri);
    const all = fixAllEdit(linted.text, result, (t) => engine.lint(t, { path, config }), {
      asked: wantFixAll,
      offeringQuickFixes: actions.length > 0,
    });
    if (all) {
      const title = wantFixAll ? FIX_ALL_TITLE : `${FIX_ALL_TITLE} (${all.applied} safe fixes)`;
      actions.push(this.action(doc, title, wantFixAll ? FIX_ALL_KIND : CodeActionKind.QuickFix, { title, edits: [all.edit], safe: true }));
    }
    return actions;
  }

  async completion(doc: TextDocument, position: Position): Promise<CompletionItem[]> {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    // Space is a trigger character everywhere: leave at once outside the front matter.
    const block = findFrontMatterBlock(text);
    if (!block || offset < block.content.start || offset > block.content.end) return [];
    const path = pathOf(doc.uri);
    const { config, folder } = await this.configs.configFor(path);
    const typed = typeDocument(await this.linter.getEngine(), text, path, config);
    const knownDocs = await this.linter.index.knownDocs(path, config, folder);
    const items = completeFrontMatter({
      doc: typed.doc,
      offset,
      docType: typed.docType,
      docTypes: typed.docTypes,
      extraSchemas: config.schemas,
      knownDocs,
      today: today(),
    });
    return items.map((item) => toCompletionItem(doc, item, this.snippets));
  }

  async hover(doc: TextDocument, position: Position): Promise<Hover | undefined> {
    const offset = doc.offsetAt(position);
    const path = pathOf(doc.uri);
    const { config } = await this.configs.configFor(path);
    const engine = await this.linter.getEngine();
    const typed = typeDocument(engine, doc.getText(), path, config);
    const parts: string[] = [];
    let range;
    const key = hoverFrontMatter({ doc: typed.doc, offset, docType: typed.docType, extraSchemas: config.schemas });
    if (key) {
      parts.push(key.contents);
      range = rangeOf(doc, key.range);
    }
    // On a changelog release heading: its date, groups and entry counts.
    const release = typed.docType?.type === CHANGELOG_TYPE ? changelogHover(typed.doc, offset) : undefined;
    if (release) {
      parts.push(release.contents);
      range ??= rangeOf(doc, release.range);
    }
    const linted = await this.linter.current(doc);
    const rules = linted && hoverFindings(linted.result.findings, offset, engine.rules);
    if (rules) {
      parts.push(rules.contents);
      range ??= rangeOf(doc, rules.range);
    }
    return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) } : undefined;
  }

  async symbols(doc: TextDocument): Promise<DocumentSymbol[]> {
    const path = pathOf(doc.uri);
    const { config } = await this.configs.configFor(path);
    const typed = typeDocument(await this.linter.getEngine(), doc.getText(), path, config);
    return typed.docType ? documentSymbols(typed.doc, typed.docType).map((s) => toSymbol(doc, s)) : [];
  }

  private action(doc: TextDocument, title: string, kind: string, fix: Fix, diagnostics?: Diagnostic[], preferred = false): CodeAction {
    return {
      title,
      kind,
      ...(diagnostics ? { diagnostics } : {}),
      ...(preferred ? { isPreferred: true } : {}),
      edit: { changes: { [doc.uri]: fix.edits.map((e) => toTextEdit(doc, e)) } },
    };
  }
}

/** Local date as YYYY-MM-DD (core has no clock). */
function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
