// The HTML of a top-level block made only of prose (paragraphs, emphasis, code, lists, quotes, breaks),
// written straight from the Markdown tree: the same characters mdast-util-to-hast, the sanitiser and
// hast-util-to-html produce for it, without the three trees they build. Why: those steps cost about
// 10 µs a node, so a document of 124,000 small nodes (the fuzzer: 1,568 lines of `- - - … x`, lists 32
// deep) took over 1 s to render.
//
// Only elements the sanitiser keeps as they are come out of here (p, em, strong, del, code, pre, br, hr,
// blockquote, ul, ol, li, a disabled checkbox), and every text and attribute value is escaped as the
// serialiser escapes it. Anything else in a block (a heading, link, image, HTML, reference, footnote,
// table, or a node carrying hast data) leaves the whole block to the usual steps: undefined.
// test/unit/render-fast-html.test.ts holds the output to theirs on random documents.

import type { List, ListItem, Nodes, PhrasingContent } from 'mdast';

class Unsupported extends Error {}

/** The block's HTML, or undefined when it holds anything but prose. */
export function fastBlockHtml(block: Nodes): string | undefined {
  try {
    return blockHtml(block).html;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** A block's HTML; for a paragraph also its inner HTML and whether it has children (list items unwrap it). */
interface Out {
  html: string;
  paragraph?: { inner: string; empty: boolean };
}

function blockHtml(node: Nodes): Out {
  if ('data' in node && node.data && Object.keys(node.data).length) throw new Unsupported();
  switch (node.type) {
    case 'paragraph': {
      const inner = phrasing(node.children);
      return { html: `<p>${inner}</p>`, paragraph: { inner, empty: node.children.length === 0 } };
    }
    case 'blockquote':
      return { html: `<blockquote>${wrap(node.children.map((c) => blockHtml(c).html))}</blockquote>` };
    case 'list':
      return { html: list(node) };
    case 'thematicBreak':
      return { html: '<hr>' };
    case 'code': {
      const language = node.lang ? node.lang.split(/\s+/) : [];
      const className = language.length > 0 ? ` class="${attribute(`language-${language[0]}`)}"` : '';
      return { html: `<pre><code${className}>${text(node.value ? `${node.value}\n` : '')}</code></pre>` };
    }
    default:
      throw new Unsupported();
  }
}

/** mdast-util-to-hast's `wrap(nodes, true)`: a line break before, between and after. */
function wrap(parts: string[]): string {
  return parts.length ? `\n${parts.join('\n')}\n` : '\n';
}

const itemLoose = (item: ListItem): boolean => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread);

function list(node: List): string {
  const tag = node.ordered ? 'ol' : 'ul';
  const start = typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
  const tasks = node.children.some((item) => typeof item.checked === 'boolean') ? ' class="contains-task-list"' : '';
  const loose = !!node.spread || node.children.some(itemLoose);
  return `<${tag}${start}${tasks}>${wrap(node.children.map((item) => listItem(item, loose)))}</${tag}>`;
}

/** `loose`: the list's looseness (to-hast asks the item's list, not the item). */
function listItem(node: ListItem, loose: boolean): string {
  if (node.data && Object.keys(node.data).length) throw new Unsupported();
  const results: Out[] = node.children.map((c) => blockHtml(c));
  let className = '';
  if (typeof node.checked === 'boolean') {
    let head = results[0]?.paragraph ? results[0] : undefined;
    if (!head) results.unshift((head = { html: '<p></p>', paragraph: { inner: '', empty: true } }));
    const box = `<input type="checkbox"${node.checked ? ' checked' : ''} disabled>`;
    const inner = `${box}${head.paragraph!.empty ? '' : ' '}${head.paragraph!.inner}`;
    head.paragraph = { inner, empty: false };
    head.html = `<p>${inner}</p>`;
    className = ' class="task-list-item"';
  }
  let html = '';
  results.forEach((r, index) => {
    if (loose || index !== 0 || !r.paragraph) html += '\n';
    html += r.paragraph && !loose ? r.paragraph.inner : r.html;
  });
  const tail = results[results.length - 1];
  if (tail && (loose || !tail.paragraph)) html += '\n';
  return `<li${className}>${html}</li>`;
}

function phrasing(children: PhrasingContent[], trimFirst = false): string {
  let html = '';
  children.forEach((child, index) => {
    // After a hard break, the next text (or an element's first text) loses its leading spaces and tabs.
    const trim = (index === 0 && trimFirst) || (index > 0 && children[index - 1]!.type === 'break');
    html += inline(child, trim);
  });
  return html;
}

function inline(node: PhrasingContent, trimStart: boolean): string {
  if ('data' in node && node.data && Object.keys(node.data).length) throw new Unsupported();
  switch (node.type) {
    case 'text': {
      const value = trimLines(node.value);
      return text(trimStart ? trimSpaceStart(value) : value);
    }
    case 'emphasis':
      return `<em>${phrasing(node.children, trimStart && node.children[0]?.type === 'text')}</em>`;
    case 'strong':
      return `<strong>${phrasing(node.children, trimStart && node.children[0]?.type === 'text')}</strong>`;
    case 'delete':
      return `<del>${phrasing(node.children, trimStart && node.children[0]?.type === 'text')}</del>`;
    case 'inlineCode': {
      const value = node.value.replace(/\r?\n|\r/g, ' ');
      return `<code>${text(trimStart ? trimSpaceStart(value) : value)}</code>`;
    }
    case 'break':
      return '<br>\n';
    default:
      throw new Unsupported();
  }
}

/** Spaces and tabs around each line ending dropped (trim-lines, as mdast-util-to-hast's text handler does). */
function trimLines(value: string): string {
  if (!/[ \t]*(?:\r\n|\n|\r)[ \t]*/.test(value)) return value;
  return value.replace(/[ \t]*(\r\n|\n|\r)[ \t]*/g, '$1');
}

function trimSpaceStart(value: string): string {
  let i = 0;
  while (value.charCodeAt(i) === 9 || value.charCodeAt(i) === 32) i++;
  return value.slice(i);
}

/** Text as the serialiser writes it: `<` and `&` as hexadecimal references. */
function text(value: string): string {
  return value.replace(/[<&]/g, (c) => (c === '<' ? '&#x3C;' : '&#x26;'));
}

/** A double-quoted attribute value as the serialiser writes it: `"` and `&` as hexadecimal references. */
function attribute(value: string): string {
  return value.replace(/["&]/g, (c) => (c === '"' ? '&#x22;' : '&#x26;'));
}
