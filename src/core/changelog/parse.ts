// A Keep a Changelog file read line by line: the H1, the H2 release entries with their H3 change groups
// and list items, and the link reference definitions. Line-based on purpose: the rules need headings,
// top-level list items and definitions (which the CommonMark tree drops), and real changelogs run to
// thousands of lines. Fenced code blocks and HTML comments are skipped.

import type { Span } from '../types.js';
import { readReleaseHeading, type ReleaseHeading } from './heading.js';

export interface Entry extends Span {
  /** The item's text without the marker, its continuation lines joined by spaces. */
  text: string;
}

export interface ChangeGroup {
  /** The heading text as written (without `###`). */
  name: string;
  /** The heading text. */
  span: Span;
  /** The whole heading line. */
  line: Span;
  entries: Entry[];
  /** Non-list content under the group (a paragraph, a table): it is not empty. */
  hasOtherContent: boolean;
  /** End of the group (start of the next heading of level ≤ 3, or of the definitions). */
  end: number;
}

export interface Release {
  /** 2, or 3 for a release written as an H3 (some generators write patch releases so). */
  level: 2 | 3;
  /** The whole `## …` line. */
  line: Span;
  /** The heading text (after `## `, before a trailing comment). */
  span: Span;
  heading: ReleaseHeading;
  groups: ChangeGroup[];
  /** List items straight under the release, before any change group. */
  looseEntries: Entry[];
  /** Prose or other content straight under the release (e.g. a one-line summary). */
  hasOtherContent: boolean;
  end: number;
}

export interface LinkDefinition {
  /** The label as written, without brackets. */
  label: string;
  url: string;
  line: Span;
  labelSpan: Span;
  urlSpan: Span;
}

export interface OtherHeading {
  depth: number;
  text: string;
  span: Span;
  line: Span;
}

export interface Changelog {
  text: string;
  /** The first H1, if any. */
  title?: OtherHeading;
  /** Every H1 (more than one is a structure problem). */
  h1s: OtherHeading[];
  releases: Release[];
  /** H3 headings before the first H2 (not in any release). */
  orphanGroups: OtherHeading[];
  definitions: LinkDefinition[];
  /** The text between the H1 and the first H2. */
  intro: string;
  /** The line break the file uses (for edits). */
  eol: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const ITEM = /^( {0,3})(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/;
const COMMENT_TAIL = /\s*<!--.*?-->\s*$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

export function parseChangelog(text: string, bodyStart = 0): Changelog {
  const lines = splitLines(text);
  const eol = /\r\n/.exec(text)?.[0] ?? (/\r(?!\n)/.test(text) ? '\r' : '\n');
  const log: Changelog = { text, h1s: [], releases: [], orphanGroups: [], definitions: [], intro: '', eol };
  let release: Release | undefined;
  let group: ChangeGroup | undefined;
  let item: Entry | undefined;
  let fence: string | undefined;
  let inComment = false;
  let introStart: number | undefined;
  let introEnd: number | undefined;
  let blankSinceItem = false;

  const closeItem = () => {
    item = undefined;
    blankSinceItem = false;
  };
  const closeGroup = (at: number) => {
    closeItem();
    if (group) group.end = at;
    group = undefined;
  };
  const closeRelease = (at: number) => {
    closeGroup(at);
    if (release) release.end = at;
    release = undefined;
  };
  const openRelease = (level: 2 | 3, heading: OtherHeading, parsed: ReleaseHeading, at: number) => {
    closeRelease(at);
    release = {
      level,
      line: heading.line,
      span: heading.span,
      heading: parsed,
      groups: [],
      looseEntries: [],
      hasOtherContent: false,
      end: text.length,
    };
    log.releases.push(release);
  };

  for (const line of lines) {
    if (line.end <= bodyStart) continue;
    const t = line.text;
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(t)) fence = undefined;
      markContent();
      continue;
    }
    if (inComment) {
      if (t.includes('-->')) inComment = false;
      continue;
    }
    const f = FENCE.exec(t);
    if (f) {
      fence = f[1];
      closeItem();
      markContent();
      continue;
    }
    if (/^\s*<!--/.test(t) && !t.includes('-->')) {
      inComment = true;
      continue;
    }
    if (/^\s*<!--.*-->\s*$/.test(t)) continue;
    const h = ATX.exec(t);
    if (h) {
      const depth = h[1]!.length;
      let raw = (h[2] ?? '')
        .replace(COMMENT_TAIL, '')
        .replace(/[ \t]+#+[ \t]*$/, '')
        .replace(/^#+$/, '');
      const textStart = raw ? line.start + t.indexOf(raw, h[1]!.length + t.indexOf('#')) : line.start + t.length;
      raw = raw.trimEnd();
      const heading: OtherHeading = {
        depth,
        text: raw,
        span: { start: textStart, end: textStart + raw.length },
        line: { start: line.start, end: line.end },
      };
      if (depth === 1) {
        closeRelease(line.start);
        log.h1s.push(heading);
        log.title ??= heading;
        if (introStart === undefined) introStart = line.end;
        continue;
      }
      if (depth === 2) {
        if (introStart !== undefined && introEnd === undefined) introEnd = line.start;
        openRelease(2, heading, readReleaseHeading(raw, textStart), line.start);
        continue;
      }
      if (depth === 3) {
        const asRelease = readReleaseHeading(raw, textStart);
        if (asRelease.kind === 'release') {
          // `### [3.0.1] (2021-01-27)`: a release one level too deep, read as a release all the same.
          openRelease(3, heading, asRelease, line.start);
          continue;
        }
        closeGroup(line.start);
        if (!release) {
          log.orphanGroups.push(heading);
          continue;
        }
        group = { name: raw, span: heading.span, line: heading.line, entries: [], hasOtherContent: false, end: text.length };
        release.groups.push(group);
        continue;
      }
      // H4 and deeper: content of the group or release they are in.
      closeItem();
      markContent();
      continue;
    }
    if (!t.trim()) {
      blankSinceItem = true;
      continue;
    }
    const indent = /^[ \t]*/.exec(t)![0].length;
    const d = DEFINITION.exec(t);
    if (d && (!item || blankSinceItem)) {
      closeItem();
      const labelStart = line.start + t.indexOf('[') + 1;
      const urlStart = line.start + t.indexOf(d[2]!, t.indexOf(']:'));
      log.definitions.push({
        label: d[1]!,
        url: d[2]!,
        line: { start: line.start, end: line.end },
        labelSpan: { start: labelStart, end: labelStart + d[1]!.length },
        urlSpan: { start: urlStart, end: urlStart + d[2]!.length },
      });
      continue;
    }
    const li = ITEM.exec(t);
    if (item && (indent >= 2 || (!li && !blankSinceItem))) {
      // A nested item or continuation line (indented, or lazy) of the current item.
      item.text += ` ${stripComments(t).trim()}`;
      item.end = line.end;
      blankSinceItem = false;
      continue;
    }
    if (li) {
      item = { start: line.start + li[1]!.length, end: line.end, text: stripComments(t.slice(li[0].length)).trim() };
      blankSinceItem = false;
      if (group) group.entries.push(item);
      else if (release) release.looseEntries.push(item);
      continue;
    }
    closeItem();
    markContent();
  }
  closeRelease(text.length);
  if (introStart !== undefined) log.intro = text.slice(introStart, introEnd ?? text.length).trim();
  return log;

  function markContent(): void {
    if (group) group.hasOtherContent = true;
    else if (release) release.hasOtherContent = true;
  }
}

/** HTML comments are invisible to readers (and hold pmdocs' own directives). */
function stripComments(s: string): string {
  return s.includes('<!--') ? s.replace(/<!--.*?-->/g, '') : s;
}

/** The definition for a label, matched as CommonMark does (case-insensitively, whitespace collapsed). */
export function definitionFor(log: Changelog, label: string): LinkDefinition | undefined {
  const key = normalizeLabel(label);
  return log.definitions.find((d) => normalizeLabel(d.label) === key);
}

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
