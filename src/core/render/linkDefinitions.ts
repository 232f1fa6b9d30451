// Link reference definitions written back as Markdown, for a piece of a document parsed alone (a run,
// a batch of paragraphs, a block): commonmark.js consumed them when the engine parsed the document, and
// the piece's references must resolve as they do in the whole.

import type { LinkDefinition } from '../document/markdownTree.js';

/**
 * `[LABEL]: <destination> "title"` for each of `labels` (identifiers as mdast writes them: lower case)
 * that `definitions` holds. The destination is already normalised (no space, `<`, `>` or backslash is
 * left in it, and normalising it again changes nothing); the title is unescaped, so its backslashes,
 * quotes and ampersands are escaped again.
 */
export function writtenDefinitions(labels: Iterable<string>, definitions: ReadonlyMap<string, LinkDefinition>): string[] {
  const out: string[] = [];
  for (const label of labels) {
    const key = label.toUpperCase();
    const d = definitions.get(key);
    if (d) out.push(`[${key}]: <${d.destination}>${d.title ? ` "${d.title.replace(/[\\"&]/g, '\\$&')}"` : ''}`);
  }
  return out;
}

/** Every bracketed label in `text`, normalised like mdast identifiers (whitespace collapsed, lower case). */
export function labelsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const [, label] of text.matchAll(/\[\^?([^[\]]{1,999})\]/g))
    out.add(
      label!
        .replace(/[\t\n\r ]+/g, ' ')
        .trim()
        .toLowerCase()
        .toUpperCase()
        .toLowerCase(),
    );
  return out;
}

/** Whether `definitions` (keyed as commonmark.js keys them: white space collapsed, case folded upper) defines `label`. */
export function isDefinedLabel(label: string, definitions: ReadonlyMap<string, LinkDefinition>): boolean {
  return definitions.has(
    label
      .trim()
      .replace(/[ \t\r\n]+/g, ' ')
      .toLowerCase()
      .toUpperCase(),
  );
}
