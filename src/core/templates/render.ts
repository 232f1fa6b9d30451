// A new document's text from its doc type's templates (`x-pmdocs.frontMatterTemplate` + `template`):
// `{{id}}`, `{{title}}`, `{{owner}}`, `{{date}}`, `{{version}}` are filled in. Values land inside YAML
// double quotes in the front-matter template, so they are escaped for that; the body gets them as written.

import type { DocType } from '../doctypes/docType.js';

export interface NewDocValues {
  id: string;
  title: string;
  /** Today's date, YYYY-MM-DD (passed in: core has no clock of its own that tests could not control). */
  date: string;
  owner?: string;
  version?: string;
}

const PLACEHOLDER = /\{\{\s*(id|title|owner|date|version|period)\s*\}\}/g;

export function renderNewDocument(docType: DocType, given: NewDocValues): string {
  const values = { ...given, period: quarterOf(given.date) };
  const frontMatter = fillFrontMatter(docType.frontMatterTemplate ?? defaultFrontMatter(docType), values);
  const body = (docType.template ?? `# {{title}}\n`).replace(PLACEHOLDER, (_, key: keyof typeof values) => values[key] ?? '');
  return `---\n${frontMatter}${frontMatter.endsWith('\n') ? '' : '\n'}---\n\n${body}`;
}

/** Fill the YAML template line by line; a line whose only placeholder has no value is dropped (an empty owner). */
function fillFrontMatter(template: string, values: NewDocValues & { period?: string }): string {
  const out: string[] = [];
  for (const line of template.split('\n')) {
    let missing = false;
    const filled = line.replace(PLACEHOLDER, (_, key: keyof typeof values, offset: number) => {
      const value = values[key];
      if (value === undefined || value === '') {
        missing = true;
        return '';
      }
      return insideDoubleQuotes(line, offset) ? escapeDoubleQuoted(value) : plainOrQuoted(value);
    });
    if (!missing) out.push(filled);
  }
  return out.join('\n');
}

function insideDoubleQuotes(line: string, offset: number): boolean {
  return (line.slice(0, offset).match(/"/g)?.length ?? 0) % 2 === 1;
}

function escapeDoubleQuoted(value: string): string {
  return JSON.stringify(value).slice(1, -1); // JSON string escapes are valid YAML double-quoted escapes
}

/** Ids, dates and versions are plain scalars; anything YAML could misread is quoted. */
function plainOrQuoted(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) && !/^\d+(\.\d+)?$/.test(value) ? value : JSON.stringify(value);
}

function defaultFrontMatter(docType: DocType): string {
  return `type: ${docType.type}\nid: {{id}}\ntitle: "{{title}}"\nstatus: draft\nowner: "{{owner}}"\ncreated: {{date}}\n`;
}

/** {{period}}: the calendar quarter of the new document's date, e.g. 2026-Q3 (an OKR's period). */
function quarterOf(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : undefined;
}
