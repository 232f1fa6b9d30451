// Hover in pmdocs documents: on a front-matter key, what its schema says; on a finding, the rule's
// description with a link that opens its documentation page.

import * as vscode from 'vscode';
import { hoverFindings, hoverFrontMatter } from '../../core/assist/hover.js';
import { changelogHover } from '../../core/changelog/assist.js';
import { CHANGELOG_TYPE } from '../../core/changelog/ofDocument.js';
import { MARKDOWN } from '../services.js';
import { typeOf, type AuthoringDeps } from './deps.js';

export function registerHover(deps: AuthoringDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN, new PmdocsHover(deps));
}

export class PmdocsHover implements vscode.HoverProvider {
  constructor(private readonly deps: AuthoringDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const offset = document.offsetAt(position);
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const typed = await typeOf(this.deps, document);
    const key = hoverFrontMatter({ doc: typed.doc, offset, docType: typed.docType, extraSchemas: typed.config.schemas });
    if (key) {
      parts.push(new vscode.MarkdownString(key.contents));
      range = new vscode.Range(document.positionAt(key.range.start), document.positionAt(key.range.end));
    }
    // On a changelog release heading: its date, groups and entry counts.
    const release = typed.docType?.type === CHANGELOG_TYPE ? changelogHover(typed.doc, offset) : undefined;
    if (release) {
      parts.push(new vscode.MarkdownString(release.contents));
      range ??= new vscode.Range(document.positionAt(release.range.start), document.positionAt(release.range.end));
    }
    // Findings of the published diagnostics only: if the text changed since, they would be misplaced.
    const result = this.deps.currentResult(document);
    if (result) {
      const { engine } = await this.deps.prepare(document.uri);
      const rules = hoverFindings(result.findings, offset, engine.rules, (f) => commandLink(f.ruleId));
      if (rules) {
        const md = new vscode.MarkdownString(rules.contents);
        md.isTrusted = { enabledCommands: ['pmdocs.openRuleDocumentation'] };
        parts.push(md);
        range ??= new vscode.Range(document.positionAt(rules.range.start), document.positionAt(rules.range.end));
      }
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}

function commandLink(ruleId: string): string {
  return `command:pmdocs.openRuleDocumentation?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}
