// Inline suppression comments:
//   <!-- pmdocs-disable-next-line RULE [RULE…] -->   the next line
//   <!-- pmdocs-disable-line RULE -->               its own line
//   <!-- pmdocs-disable RULE --> … <!-- pmdocs-enable RULE -->   a region (to the end without enable);
//                                                   before any body content it covers the front matter too
//   # pmdocs-disable-next-line RULE                 the same, as a YAML comment in the front matter
// No rule name means every rule.

import type { LineIndex } from './document/lineIndex.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  line: number;
  rules: string[] | 'all';
}

const HTML = /<!--\s*pmdocs-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;
const YAML = /#\s*pmdocs-(disable-next-line|disable-line)\b([^\r\n]*)/g;

export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const none: Suppressions = { isSuppressed: () => false };

export function readSuppressions(text: string, lines: LineIndex, frontMatterEnd: number): Suppressions {
  if (!text.includes('pmdocs-')) return none;
  const directives: Directive[] = [];
  const collect = (re: RegExp, source: string, offset: number) => {
    for (const m of source.matchAll(re)) {
      const names = m[2]!
        .trim()
        .split(/[\s,]+/)
        .filter(Boolean);
      directives.push({
        kind: m[1] as Directive['kind'],
        line: lines.pointAt(offset + m.index!).line,
        rules: names.length ? names : 'all',
      });
    }
  };
  collect(YAML, text.slice(0, frontMatterEnd), 0);
  collect(HTML, text.slice(frontMatterEnd), frontMatterEnd);
  if (!directives.length) return none;
  // A `disable` before any body content is file-level: it covers the front matter above it too.
  const body = text.slice(frontMatterEnd);
  const lead = /^(?:\s|<!--[^]*?-->)*/.exec(body)![0].length;
  const firstContentLine = lead === body.length ? Infinity : lines.pointAt(frontMatterEnd + lead).line;
  for (const d of directives) if (d.kind === 'disable' && d.line < firstContentLine) d.line = 0;
  directives.sort((a, b) => a.line - b.line);
  const covers = (d: Directive, ruleId: string) => d.rules === 'all' || d.rules.includes(ruleId);
  return {
    isSuppressed(ruleId, line) {
      let disabled = false;
      for (const d of directives) {
        if (d.kind === 'disable-next-line' && d.line + 1 === line && covers(d, ruleId)) return true;
        if (d.kind === 'disable-line' && d.line === line && covers(d, ruleId)) return true;
        if (d.line > line) break;
        if (d.kind === 'disable' && covers(d, ruleId)) disabled = true;
        if (d.kind === 'enable' && covers(d, ruleId)) disabled = false;
      }
      return disabled;
    },
  };
}
