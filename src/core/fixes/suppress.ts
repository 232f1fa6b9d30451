// "Disable RULE for this line / for this file": the suppression comments src/core/suppressions.ts reads,
// inserted where they work and change nothing else.
//   front matter:  `# pmdocs-disable-next-line RULE` on its own line above, at the line's indentation
//   body:          `<!-- pmdocs-disable-next-line RULE -->` above the line; inside a code block, a
//                  `disable`/`enable` pair around the block (a comment inside it would be code); on a
//                  paragraph's continuation line, `<!-- pmdocs-disable-line RULE -->` at its end (a
//                  comment line there would split the paragraph)
//   file:          `<!-- pmdocs-disable RULE -->` right after the front matter (or at the top)

import type { Nodes, Root } from 'mdast';
import { parseDocument } from 'yaml';
import type { Fix, Span, TextEdit } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';
import { eolOf } from '../document/lines.js';

export interface SuppressTarget extends Span {
  ruleId: string;
}

export function suppressionFixes(doc: ParsedDoc, target: SuppressTarget): Fix[] {
  const fixes: Fix[] = [];
  const line = lineFix(doc, target);
  if (line) fixes.push(line);
  const file = fileFix(doc, target.ruleId);
  if (file) fixes.push(file);
  return fixes;
}

export function lineFix(doc: ParsedDoc, target: SuppressTarget): Fix | undefined {
  const text = doc.text;
  const { line } = doc.lines.pointAt(target.start);
  const lineStart = doc.lines.lineStart(line);
  const lineText = text.slice(lineStart, lineEndAt(text, lineStart));
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = eolOf(text);
  const title = `Disable ${target.ruleId} for this line`;
  const fm = doc.frontMatter;
  if (fm && target.start < fm.block.end) {
    // The opening fence must stay the first line; nothing can go above it.
    if (!fm.yaml || lineStart <= fm.block.openFence.start || fm.problems.length) return undefined;
    const edit: TextEdit = { start: lineStart, end: lineStart, newText: `${indent}# pmdocs-disable-next-line ${target.ruleId}${eol}` };
    return keepsYamlData(doc, edit) ? { title, edits: [edit], safe: false } : undefined;
  }
  const block = innermostBlock(doc.root, target.start);
  if (block?.type === 'code' && block.position && lineStart > (block.position.start.offset ?? 0)) {
    const start = doc.lines.lineStart(block.position.start.line);
    const codeIndent = /^[ \t]*/.exec(text.slice(start, lineEndAt(text, start)))![0];
    const end = block.position.end.offset ?? text.length;
    const after = lineEndAt(text, end);
    const breakAfter = after < text.length ? lineBreakAt(text, after) : '';
    return {
      title,
      edits: [
        { start, end: start, newText: `${codeIndent}<!-- pmdocs-disable ${target.ruleId} -->${eol}` },
        {
          start: after + breakAfter.length,
          end: after + breakAfter.length,
          newText: `${breakAfter ? '' : eol}${codeIndent}<!-- pmdocs-enable ${target.ruleId} -->${breakAfter ? eol : ''}`,
        },
      ],
      safe: false,
    };
  }
  if (block?.type === 'paragraph' && block.position && lineStart > (block.position.start.offset ?? 0)) {
    const end = lineEndAt(text, lineStart);
    return { title, edits: [{ start: end, end, newText: ` <!-- pmdocs-disable-line ${target.ruleId} -->` }], safe: false };
  }
  return {
    title,
    edits: [{ start: lineStart, end: lineStart, newText: `${indent}<!-- pmdocs-disable-next-line ${target.ruleId} -->${eol}` }],
    safe: false,
  };
}

const FILE_DIRECTIVE = /^<!--\s*pmdocs-disable\b([^\r\n]*?)-->[ \t]*$/;

export function fileFix(doc: ParsedDoc, ruleId: string): Fix | undefined {
  const text = doc.text;
  const fm = doc.frontMatter;
  if (fm && !fm.block.closeFence) return undefined;
  const title = `Disable ${ruleId} for this file`;
  const eol = eolOf(text);
  const at = fm ? fm.block.end : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A file-level comment already there: add the rule to it.
  const existing = FILE_DIRECTIVE.exec(text.slice(at, lineEndAt(text, at)));
  if (existing) {
    const names = existing[1]!.trim();
    if (!names) return undefined; // disables every rule already
    const close = at + existing[0].lastIndexOf('-->');
    const before = text.slice(at, close);
    const trimmed = before.trimEnd();
    return {
      title,
      edits: [{ start: at + trimmed.length, end: close, newText: `${names.includes(',') ? ',' : ''} ${ruleId} ` }],
      safe: false,
    };
  }
  // The closing fence may be the file's last line, without a line break.
  const lead = at > 0 && at === text.length && !/[\r\n]$/.test(text) ? eol : '';
  return { title, edits: [{ start: at, end: at, newText: `${lead}<!-- pmdocs-disable ${ruleId} -->${eol}` }], safe: false };
}

/** A comment line inside a block scalar or a multi-line flow value would change the data or break it. */
function keepsYamlData(doc: ParsedDoc, edit: TextEdit): boolean {
  const fm = doc.frontMatter!;
  const content = doc.text.slice(fm.block.content.start, fm.block.content.end);
  const at = edit.start - fm.block.content.start;
  if (at < 0 || at > content.length) return false;
  const changed = content.slice(0, at) + edit.newText + content.slice(at);
  const before = parseDocument(content, { uniqueKeys: true, strict: true, logLevel: 'error' });
  const after = parseDocument(changed, { uniqueKeys: true, strict: true, logLevel: 'error' });
  if (after.errors.length) return false;
  try {
    return JSON.stringify(after.toJS({ maxAliasCount: 100 })) === JSON.stringify(before.toJS({ maxAliasCount: 100 }));
  } catch {
    return false;
  }
}

/** The deepest block-level node (paragraph, heading, code, html, …) that holds the offset. */
function innermostBlock(root: Root, offset: number): Nodes | undefined {
  let found: Nodes | undefined;
  const visit = (node: Nodes) => {
    if (!('children' in node) && node.type !== 'code' && node.type !== 'html') return;
    for (const child of ('children' in node ? node.children : []) as Nodes[]) {
      const s = child.position?.start.offset;
      const e = child.position?.end.offset;
      if (s === undefined || e === undefined || offset < s || offset > e) continue;
      if (
        child.type === 'paragraph' ||
        child.type === 'heading' ||
        child.type === 'code' ||
        child.type === 'html' ||
        child.type === 'thematicBreak'
      ) {
        found = child;
        return;
      }
      visit(child);
      return;
    }
  };
  visit(root);
  return found;
}

function lineEndAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function lineBreakAt(text: string, at: number): string {
  if (text.startsWith('\r\n', at)) return '\r\n';
  const c = text[at];
  return c === '\n' || c === '\r' ? c : '';
}
