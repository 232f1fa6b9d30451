// A settled document (its status is one of the type's `settledStatuses`: an approved PRD, a ready story,
// released notes) still says it is not finished: TBD, TODO, TBC, FIXME, ???, KEP-style UNRESOLVED
// markers, template placeholders (`<goal>`, `{{title}}`, `[Project Name]`), lorem ipsum, or an
// unticked `- [ ]` item in the open-questions section. Looked for in the body prose and in front-matter
// string values; code, inline code, HTML and comments, link targets and URLs are skipped (except the
// type's own template placeholders in ```gherkin blocks). Before the document is settled nothing is
// reported: drafts are allowed to be unfinished.

import type { Html, Nodes, RootContent } from 'mdast';
import { isScalar, visit } from 'yaml';
import type { DocType, SectionSpec } from '../doctypes/docType.js';
import type { Section } from '../document/sections.js';
import type { Span } from '../types.js';
import type { Rule, RuleContext } from './rule.js';
import { CONTENT_CHECKED_ROLES } from './sections/contentRoles.js';
import { findAllSections } from './sections/find.js';
import { gherkinBlocks } from '../document/gherkin.js';
import { openItem, uncheckedItems, type OpenItem } from '../document/checklist.js';
import { walkBlocks } from '../document/walk.js';
import { emptiness } from './sections/content.js';
import { isRequired, satisfiedByFrontMatter, sectionSpecs, specsWithRole } from './sections/specs.js';
import { settledState, settledTail, type Settled } from '../doctypes/settled.js';
import { literalWord, resolveWordList, type WordListOption } from '../config/wordList.js';

// Capitals only and whole words: "TODOs app", "a todo list" and "snake_TODO" are left alone.
const WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_/\\])`;
const WORD_AFTER = String.raw`(?![\p{L}\p{N}_/]|\.[\p{L}\p{N}])`;
export const MARKERS: readonly string[] = ['TBD', 'TODO', 'TBC', 'FIXME'];

export type UnresolvedOptions = {
  /** Words that mark unfinished text (whole words, case-sensitive). */
  markers?: WordListOption;
};

/** The scanner's pattern for a marker list, built once per list. */
function findsFor(markers: readonly string[]): RegExp {
  const key = markers.join('\0');
  let re = findsCache.get(key);
  if (!re) {
    if (findsCache.size > 64) findsCache.clear();
    findsCache.set(key, (re = findsPattern(markers)));
  }
  return re;
}
const findsCache = new Map<string, RegExp>();

const findsPattern = (markers: readonly string[]): RegExp =>
  new RegExp(
    [
      String.raw`${WORD_BEFORE}(?<marker>${markers.map(literalWord).join('|') || '(?!)'})${WORD_AFTER}`,
      String.raw`(?<![\p{L}\p{N}?])(?<questions>\?{3,})`,
      String.raw`(?<unresolved><<\[UNRESOLVED\b[^\]\n]{0,80}\]>>)`,
      String.raw`(?<filler>\b[Ll][Oo][Rr][Ee][Mm]\s+[Ii][Pp][Ss][Uu][Mm]\b)`,
      String.raw`(?<placeholder>\{\{\s*[\p{L}\p{N}_.-]{1,40}\s*\}\})`,
      String.raw`(?<![\\!\]])(?<bracket>\[(?<bracketText>[^\[\]\n]{1,60})\])(?![(\[])`,
      String.raw`(?<![\p{L}\p{N}_])(?<angle><(?<angleText>[A-Za-z][^<>\n]{0,58})>)`,
    ].join('|'),
    'gu',
  );

const URL = /\b(?:https?|ftp):\/\/[^\s<>()]+|\bwww\.[^\s<>()]+|\bmailto:[^\s<>()]+/gi;

// Bracketed placeholders as templates write them: "[Project Name]", "[Launch date]", "[Insert link]",
// "[Owner]". Tags such as "[Beta]", "[YANKED]" or "[Breaking Change]" and citations "[1]" are not.
const BRACKET_WORDS = /^[\p{L}][\p{L}\p{N} '’&/-]*$/u;
const SINGLE = new Set([
  'name',
  'date',
  'title',
  'owner',
  'link',
  'url',
  'placeholder',
  'description',
  'email',
  'amount',
  'persona',
  'goal',
  'benefit',
  'role',
  'metric',
]);
const LAST = new Set([
  ...SINGLE,
  'here',
  'number',
  'value',
  'team',
  'product',
  'project',
  'feature',
  'company',
  'customer',
  'version',
  'id',
]);
const PROMPT = new Set(['insert', 'add', 'enter', 'describe', 'fill', 'replace', 'write', 'your', 'paste', 'explain', 'specify']);

// HTML elements a Markdown writer may use inline; `<goal>` or `<specific kind of user>` is not one of them.
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup data ' +
    'datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header ' +
    'hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup ' +
    'option output p param picture pre progress q rp rt ruby s samp script section select slot small source span strike strong ' +
    'style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr center font big'
  ).split(' '),
);

type Kind = 'marker' | 'filler' | 'placeholder';

export function isBracketPlaceholder(inner: string): boolean {
  const text = inner.trim();
  if (!BRACKET_WORDS.test(text)) return false;
  const words = text.toLowerCase().replace(/[’']/g, '').split(/\s+/);
  if (words.length > 6) return false;
  if (words.length === 1) return SINGLE.has(words[0]!);
  return PROMPT.has(words[0]!) || LAST.has(words[words.length - 1]!);
}

export function isAnglePlaceholder(inner: string): boolean {
  if (/[=/":@.]/.test(inner) || inner.trim() !== inner) return false;
  const first = /^[A-Za-z][A-Za-z0-9-]*/.exec(inner)![0].toLowerCase();
  return !HTML_ELEMENTS.has(first) && !first.includes('-');
}

const rule: Rule<UnresolvedOptions> = {
  id: 'unresolved-at-approval',
  description:
    'A settled document (approved PRD, ready story, released notes) holds no TBD, TODO, FIXME, ???, template placeholder or unticked open question.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check(ctx) {
    const docType = ctx.docType;
    const settled = settledState(docType, ctx.data);
    if (!docType || !settled) return;
    const scan = new Scanner(ctx, docType, settled);
    scan.frontMatter();
    scan.body();
    scan.templateGherkin();
    scan.openQuestions();
    scan.unresolvedQuestions();
  },
};

class Scanner {
  private readonly text: string;
  /** Sections empty-section checks; one holding only "TBD" is reported there (one finding, not two). */
  private readonly emptyChecked: { section: Section; spec: SectionSpec; placeholderOnly?: boolean }[] = [];
  /** Story sections: user-story-statement reports a `<goal>` left in the statement. */
  private readonly storySpans: Span[] = [];
  private readonly finds: RegExp;

  constructor(
    private readonly ctx: RuleContext<UnresolvedOptions>,
    private readonly docType: DocType,
    private readonly settled: Settled,
  ) {
    this.text = ctx.doc.text;
    this.finds = findsFor(resolveWordList(ctx.options.markers, MARKERS));
    const groups = docType.groups ?? {};
    for (const spec of sectionSpecs(docType)) {
      if (spec.role && CONTENT_CHECKED_ROLES.has(spec.role)) continue;
      const inGroup = typeof spec.group === 'string' && (groups[spec.group]?.min ?? 0) > 0;
      if ((!isRequired(spec, ctx.data) && !inGroup) || satisfiedByFrontMatter(spec, ctx.data)) continue;
      for (const section of findAllSections(ctx, spec)) this.emptyChecked.push({ section, spec });
    }
    for (const spec of specsWithRole(docType, 'story')) for (const s of findAllSections(ctx, spec)) this.storySpans.push(s);
  }

  frontMatter(): void {
    const fm = this.ctx.doc.frontMatter;
    if (!fm?.yaml || fm.problems.length) return;
    const base = fm.block.content.start;
    visit(fm.yaml, {
      Scalar: (key, node) => {
        if (key === 'key' || !isScalar(node) || typeof node.value !== 'string' || !node.range) return;
        this.scan(base + node.range[0], base + node.range[1]);
      },
    });
  }

  body(): void {
    // Prose only: code, HTML blocks, definitions and rules are not.
    walkBlocks(this.ctx.doc.root.children, (n) => {
      if (n.type === 'paragraph' || n.type === 'heading') this.inline(n);
    });
  }

  /** Scans runs of adjacent text nodes (emphasis, links and code break a run); link targets are not text. */
  private inline(container: Nodes): void {
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart >= 0) this.scan(runStart, runEnd);
      runStart = -1;
    };
    const visitInline = (n: Nodes): void => {
      const start = n.position?.start.offset;
      const end = n.position?.end.offset;
      if (n.type === 'text') {
        if (start === undefined || end === undefined) return flush();
        if (runStart >= 0 && start === runEnd) runEnd = end;
        else {
          flush();
          runStart = start;
          runEnd = end;
        }
        return;
      }
      flush();
      if (n.type === 'html') {
        if (start !== undefined && end !== undefined) this.html(n, start, end);
        return;
      }
      if (n.type === 'inlineCode' || n.type === 'image' || n.type === 'imageReference') return;
      if ('children' in n) for (const c of n.children as Nodes[]) visitInline(c);
      flush();
    };
    if ('children' in container) for (const c of container.children as Nodes[]) visitInline(c);
    flush();
  }

  /** Inline HTML is skipped, except a tag that is really a template placeholder (`<goal>` parses as one). */
  private html(node: Html, start: number, end: number): void {
    const m = /^<([A-Za-z][^<>\n]{0,58})>$/.exec(node.value);
    // `List<string>` is a type written without backticks, not a placeholder.
    const glued = start > 0 && /[\p{L}\p{N}_]/u.test(this.text[start - 1]!);
    if (m && !glued && isAnglePlaceholder(m[1]!) && this.text.slice(start, end) === node.value) this.scan(start, end);
  }

  private scan(start: number, end: number): void {
    const raw = this.text.slice(start, end).replace(URL, (u) => ' '.repeat(u.length));
    const FINDS = this.finds; // global: lastIndex is reset before each scan
    FINDS.lastIndex = 0;
    for (let m = FINDS.exec(raw); m; m = FINDS.exec(raw)) {
      const g = m.groups!;
      let kind: Kind;
      let found: string;
      const marker = g['marker'] ?? g['questions'] ?? g['unresolved'];
      if (marker !== undefined) {
        kind = 'marker';
        found = marker;
      } else if (g['filler'] !== undefined) {
        kind = 'filler';
        found = g['filler'];
      } else if (g['placeholder'] !== undefined) {
        kind = 'placeholder';
        found = g['placeholder'];
      } else if (g['bracket'] !== undefined) {
        if (!isBracketPlaceholder(g['bracketText']!)) {
          FINDS.lastIndex = m.index + 1; // "[Beta] [Project Name]": look again inside
          continue;
        }
        kind = 'placeholder';
        found = g['bracket'];
      } else {
        if (!isAnglePlaceholder(g['angleText']!)) {
          FINDS.lastIndex = m.index + 1;
          continue;
        }
        kind = 'placeholder';
        found = g['angle']!;
      }
      const at = start + m.index + (m[0].length - found.length);
      const span = { start: at, end: at + found.length };
      if (kind === 'marker' && this.leftToEmptySection(span)) continue;
      if (found.startsWith('<') && kind === 'placeholder' && this.inside(this.storySpans, span)) continue;
      this.report(span, kind, found);
    }
  }

  /**
   * Code is skipped, with one exception: the type's own template writes its Given/When/Then scenario
   * with placeholders (`Given <the starting situation>`) inside a ```gherkin block. Exactly those
   * strings, taken from the type's templates, are reported there too.
   */
  templateGherkin(): void {
    const placeholders = new Set<string>();
    const templates = [this.docType.template, ...sectionSpecs(this.docType).map((s) => s.template)];
    for (const t of templates) {
      if (typeof t !== 'string') continue;
      for (const m of t.matchAll(/<([A-Za-z][^<>\n]{0,58})>/g)) if (isAnglePlaceholder(m[1]!)) placeholders.add(m[0]);
    }
    if (!placeholders.size) return;
    for (const block of gherkinBlocks(this.ctx.doc.root.children)) {
      const start = block.position?.start.offset;
      const end = block.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const code = this.text.slice(start, end);
      for (const p of placeholders) {
        for (let at = code.indexOf(p); at >= 0; at = code.indexOf(p, at + p.length)) {
          this.report({ start: start + at, end: start + at + p.length }, 'placeholder', p);
        }
      }
    }
  }

  openQuestions(): void {
    for (const spec of specsWithRole(this.docType, 'open-questions')) {
      for (const section of findAllSections(this.ctx, spec)) {
        for (const open of uncheckedItems(section.content, this.text)) this.openQuestion(open);
      }
    }
  }

  /**
   * A section of questions the document has not answered yet (an RFC's Unresolved questions): once
   * settled, every item still in it is one too many, ticked ones excepted. "None" is not a list item.
   */
  unresolvedQuestions(): void {
    for (const spec of specsWithRole(this.docType, 'unresolved-questions')) {
      for (const section of findAllSections(this.ctx, spec)) {
        for (const n of section.content as RootContent[]) {
          if (n.type !== 'list') continue;
          for (const item of n.children) {
            const open = item.checked !== true && openItem(item, this.text);
            if (open) this.openQuestion(open, 'Unresolved question');
          }
        }
      }
    }
  }

  private openQuestion({ start, end, text: question }: OpenItem, what = 'Open question'): void {
    this.ctx.report({
      start,
      end,
      message:
        what === 'Open question'
          ? `Open question '${question}' is not ticked ${settledTail(this.docType, this.settled, 'answer it (write down the outcome and tick it)')}`
          : `${what} '${question}' is left ${settledTail(this.docType, this.settled, 'answer it in the document and take it off the list')}`,
      actual: question,
    });
  }

  private report(span: Span, kind: Kind, found: string): void {
    const what =
      kind === 'marker' ? `'${found}' left` : kind === 'filler' ? `Filler text '${found}' left` : `Template placeholder '${found}' left`;
    const action = kind === 'marker' ? 'resolve it' : 'replace it with the real text';
    this.ctx.report({ ...span, message: `${what} ${settledTail(this.docType, this.settled, action)}`, actual: found });
  }

  /** Inside a section empty-section reports as holding only placeholder words? (Computed on demand: rare.) */
  private leftToEmptySection(span: Span): boolean {
    return this.emptyChecked.some((e) => {
      if (span.start < e.section.headingSpan.end || span.end > e.section.end) return false;
      e.placeholderOnly ??= emptiness(this.text, e.section, e.spec).kind === 'placeholder';
      return e.placeholderOnly;
    });
  }

  private inside(spans: readonly Span[], span: Span): boolean {
    return spans.some((s) => span.start >= s.start && span.end <= s.end);
  }
}

export default rule;
