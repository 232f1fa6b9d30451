// Definition, references, rename, id links and workspace symbols over the workspace index: core's
// answers (core/navigation) as LSP data, the same as the VS Code extension's providers.

import {
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  type CodeLens,
  type DocumentLink,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IdMention, WorkspaceIndex } from '../core/workspace/index.js';
import { typeDocument, type TypedDoc } from '../core/assist/typeDocument.js';
import { mentionsOfTyped } from '../core/navigation/documentMentions.js';
import { definingDocs, definitionOf, mentionAt, referencesOf, type LiveMentions } from '../core/navigation/occurrences.js';
import { documentLinks } from '../core/navigation/links.js';
import { planRename } from '../core/navigation/rename.js';
import { workspaceSymbols } from '../core/navigation/symbols.js';
import { doneTest, lensSummary } from '../core/graph/trace.js';
import { lensLine } from '../core/graph/lensLine.js';
import type { DocumentLinter } from './linting.js';
import type { LspConfigs } from './configs.js';
import { pathOf, uriOf } from './paths.js';

interface Context {
  typed: TypedDoc;
  mentions: IdMention[];
  index?: WorkspaceIndex;
  live: LiveMentions;
}

const rangeAt = (line: number, character: number, length: number): Range => ({
  start: { line, character },
  end: { line, character: character + length },
});
const rangeOfMention = (m: { line: number; character: number; id: string }): Range => rangeAt(m.line, m.character, m.id.length);

export class Navigation {
  /** The client applies file renames in workspace edits (`documentChanges` with `rename` operations). */
  fileRenames = false;

  constructor(
    private readonly linter: DocumentLinter,
    private readonly configs: LspConfigs,
    private readonly documents: { all(): TextDocument[] },
  ) {}

  async definition(doc: TextDocument, position: Position): Promise<Location[]> {
    const at = await this.idAt(doc, position);
    if (!at) return [];
    return definitionOf(at.index, at.mention.id, at.live).map((d) => ({ uri: uriOf(d.path), range: rangeOfMention(d) }));
  }

  async references(doc: TextDocument, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    const at = await this.idAt(doc, position);
    if (!at) return [];
    return referencesOf(at.index, at.mention.id, { includeDeclaration, live: at.live }).map((o) => ({
      uri: uriOf(o.path),
      range: rangeOfMention(o),
    }));
  }

  async prepareRename(doc: TextDocument, position: Position): Promise<{ range: Range; placeholder: string } | ResponseError<void>> {
    const at = await this.idAt(doc, position);
    if (!at) return refused('Put the cursor on a document id (its id:, a reference or a mention such as PRD-12) to rename it.');
    if (!definingDocs(at.index, at.mention.id).length)
      return refused(`No document of this workspace has the id ${at.mention.id}, so there is nothing to rename.`);
    return { range: rangeOfMention(at.mention), placeholder: at.mention.id };
  }

  async rename(doc: TextDocument, position: Position, newName: string): Promise<WorkspaceEdit | ResponseError<void> | null> {
    const at = await this.idAt(doc, position);
    if (!at) return null;
    const outcome = planRename(at.index, at.mention.id, newName, {
      docTypes: at.typed.docTypes,
      extraSchemas: at.typed.config.schemas,
      renameFiles: this.fileRenames && this.configs.settings.renameFiles,
      live: at.live,
    });
    if (!outcome.ok) return refused(outcome.message);
    const { plan } = outcome;
    const editsOf = (file: { edits: { line: number; character: number; length: number; newText: string }[] }): TextEdit[] =>
      file.edits.map((e) => ({ range: rangeAt(e.line, e.character, e.length), newText: e.newText }));
    if (!plan.fileRename) return { changes: Object.fromEntries(plan.files.map((f) => [uriOf(f.path), editsOf(f)])) };
    // The file rename first: the text edits name the renamed document by its new path.
    const versions = new Map(this.documents.all().map((d) => [d.uri, d.version]));
    const textEdits: TextDocumentEdit[] = plan.files.map((f) => {
      const uri = uriOf(f.path);
      return { textDocument: { uri, version: f.path === plan.fileRename!.to ? null : (versions.get(uri) ?? null) }, edits: editsOf(f) };
    });
    return {
      documentChanges: [
        { kind: 'rename', oldUri: uriOf(plan.fileRename.from), newUri: uriOf(plan.fileRename.to), options: { overwrite: false } },
        ...textEdits,
      ],
    };
  }

  async documentLinks(doc: TextDocument): Promise<DocumentLink[]> {
    const context = await this.context(doc);
    if (!context.index) return [];
    return documentLinks(context.index, pathOf(doc.uri), context.mentions, context.live).map((l) => ({
      range: rangeOfMention(l),
      // `#L<line>,<column>` (1-based): the document at its id, in clients that read it.
      target: `${uriOf(l.target.path)}#L${l.target.line + 1},${l.target.character + 1}`,
      tooltip: `Open ${l.id}`,
    }));
  }

  async workspaceSymbols(query: string): Promise<SymbolInformation[]> {
    const out: SymbolInformation[] = [];
    for (const index of await this.linter.index.allIndexes()) {
      for (const s of workspaceSymbols(index, query)) {
        out.push({
          name: s.title ? `${s.id} ${s.title}` : s.id,
          kind: SymbolKind.File,
          ...(s.type ? { containerName: s.type } : {}),
          location: { uri: uriOf(s.path), range: rangeAt(s.line, s.character, 0) },
        });
      }
    }
    return out;
  }

  /**
   * The trace CodeLens on a PRD's or epic's title heading ("3 stories · 2 done · in REL-2.4.0"), as in
   * VS Code; a title only (no command: other editors have no Trace view to show).
   */
  async codeLenses(doc: TextDocument): Promise<CodeLens[]> {
    if (!this.configs.settings.codeLens) return [];
    const typed = await this.typed(doc);
    const path = pathOf(doc.uri);
    if (!typed.docType || !path) return [];
    const { folder } = await this.configs.configFor(path);
    const index = await this.linter.index.whenReady(path, typed.config, folder);
    const entry = index?.docs.find((d) => d.path === path);
    const title = index && entry ? lensSummary(index, entry, doneTest(typed.docTypes)) : undefined;
    if (!title) return [];
    const line = lensLine(typed.doc);
    return [{ range: rangeAt(line, 0, 0), command: { title, command: '' } }];
  }

  private async context(doc: TextDocument): Promise<Context> {
    const typed = await this.typed(doc);
    const mentions = mentionsOfTyped(typed);
    const path = pathOf(doc.uri);
    const { folder } = await this.configs.configFor(path);
    const index = await this.linter.index.whenReady(path, typed.config, folder);
    const live = new Map<string, IdMention[]>();
    if (index && path) {
      live.set(path, mentions);
      const scope = this.linter.index.scopeOf(path, typed.config, folder);
      for (const other of this.documents.all()) {
        const otherPath = pathOf(other.uri);
        if (!otherPath || other.uri === doc.uri) continue;
        const otherTyped = await this.typed(other);
        const { folder: otherFolder } = await this.configs.configFor(otherPath);
        if (this.linter.index.scopeOf(otherPath, otherTyped.config, otherFolder) === scope)
          live.set(otherPath, mentionsOfTyped(otherTyped));
      }
    }
    return { typed, mentions, ...(index ? { index } : {}), live };
  }

  private async idAt(
    doc: TextDocument,
    position: Position,
  ): Promise<(Context & { mention: IdMention; index: WorkspaceIndex }) | undefined> {
    const context = await this.context(doc);
    const mention = mentionAt(context.mentions, position.line, position.character);
    return mention && context.index ? { ...context, mention, index: context.index } : undefined;
  }

  private async typed(doc: TextDocument): Promise<TypedDoc> {
    const path = pathOf(doc.uri);
    const { config } = await this.configs.configFor(path);
    return typeDocument(await this.linter.getEngine(), doc.getText(), path, config);
  }
}

function refused(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}
