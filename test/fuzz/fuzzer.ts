// The mutation fuzzer behind `npm run fuzz` and the short seeded run in `npm test`. Seed documents (the
// examples, the test workspace and rule fixtures, and new documents of every built-in type) are mutated
// deterministically (byte flips, truncation, splices of YAML/Markdown fragments, repetition, deep
// nesting) and each result goes through what a document from a stranger goes through: the engine, the
// safe fixes (twice: the second pass must change nothing, and a fix never makes the file unreadable) and
// the preview renderer (its HTML must stay sanitised). Anything else is a failure to keep as a reproducer.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import { createEngine, type Engine, type LintResult } from '../../src/core/engine.js';
import { fixAll, frontMatterProblem } from '../../src/core/fixes/fixAll.js';
import { renderDocument } from '../../src/core/render/index.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { renderNewDocument } from '../../src/core/templates/render.js';

export type FailureKind = 'exception' | 'please-report' | 'fix-not-idempotent' | 'fix-corrupts' | 'unsafe-html' | 'slow';

export interface Failure {
  kind: FailureKind;
  /** What happened, in a line. */
  detail: string;
}

/** mulberry32: small, fast and the same everywhere (no Math.random). */
export function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const repo = join(import.meta.dirname, '../..');

function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownUnder(p));
    else if (name.endsWith('.md') && !p.includes(`${join('test', 'fixtures', 'fuzz')}`)) out.push(p);
  }
  return out;
}

/** The documents mutations start from, always in the same order. */
export function seedDocuments(): string[] {
  const files = [
    ...markdownUnder(join(repo, 'examples')),
    ...markdownUnder(join(repo, 'test/workspace')),
    ...markdownUnder(join(repo, 'test/fixtures/rules')),
  ];
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  for (const t of builtInDocTypes) {
    const prefix = String((t.schema['x-pmdocs'] as { idPrefix?: string } | undefined)?.idPrefix ?? 'DOC-');
    texts.push(
      renderNewDocument(t, {
        id: `${prefix}${t.type === 'release-notes' ? '1.2.0' : '7'}`,
        title: 'Fuzzed <b>title</b>',
        date: '2026-05-01',
        owner: '@fuzz',
        version: '1.2.0',
      }),
    );
  }
  return texts;
}

/** YAML and Markdown pieces spliced into documents: structure, quoting, HTML, URLs, control characters. */
const FRAGMENTS = [
  '---\n',
  '...\n',
  '- ',
  '  - ',
  '? ',
  ': ',
  '[',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '!!binary ',
  '!!js/function ',
  "'",
  '"',
  '|\n',
  '>-\n',
  '#',
  '\t',
  '\r',
  '\r\n',
  '\uFEFF',
  '\u0000',
  '\u001b[2J',
  '\u2028',
  'status: approved\n',
  'type: prd\n',
  'type: user-story\n',
  'type: release-notes\n',
  'id: US-1\n',
  'id: PRD-1\n',
  'owner: @jane\n',
  'version: 1.10\n',
  'created: 2026-13-45\n',
  'tags: [a, a]\n',
  '__proto__: 1\n',
  'constructor: x\n',
  '? [a, b]\n: c\n',
  '# ',
  '## Acceptance criteria\n',
  '## Story\n',
  '## Problem\n',
  '## Breaking changes\n',
  '> ',
  '1. ',
  '* ',
  '+ ',
  '- [ ] ',
  '- [x] ',
  '```\n',
  '~~~\n',
  '    code\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '***\n',
  '[x]: http://a\n',
  '[^1]\n\n[^1]: note\n',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<svg onload=alert(1)>',
  '<iframe src="data:text/html,x">',
  '<style>*{}</style>',
  '<!-- pmdocs-disable -->',
  '<!-- pmdocs-disable-next-line required-section -->\n',
  'Given a user\nWhen they act\nThen it works\n',
  'As a user, I want x, so that y.\n',
  '&#x0;',
  '&amp;',
  '\\',
  '`',
  '**',
  '__',
  '~~',
  '<',
  '>',
  '](',
  '![',
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** Depth for nesting mutations: mostly small, sometimes far past every limit. */
function depth(r: () => number): number {
  const x = r();
  return x < 0.5 ? 1 + Math.floor(r() * 20) : x < 0.85 ? 20 + Math.floor(r() * 200) : 200 + Math.floor(r() * 3000);
}

function nested(r: () => number): string {
  const n = depth(r);
  switch (Math.floor(r() * 9)) {
    case 0:
      return `${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item\n`).join('')}`;
    case 1:
      return `${'- '.repeat(n)}x\n`;
    case 2:
      return `${'>'.repeat(n)} x\n`;
    case 3:
      return `x: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    case 4:
      return `x:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i + 1)}k${i}:\n`).join('')}`;
    case 5:
      return `${'*'.repeat(n)}x${'*'.repeat(n)}`;
    case 6:
      return `${'['.repeat(n)}x${'](y)'.repeat(n)}`;
    case 7:
      return `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;
    default:
      return `x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`;
  }
}

function randomChar(r: () => number): string {
  const x = r();
  if (x < 0.2) return String.fromCharCode(Math.floor(r() * 32));
  if (x < 0.9) return String.fromCharCode(32 + Math.floor(r() * 95));
  return String.fromCharCode(Math.floor(r() * 0xffff));
}

/**
 * Largest fuzzed document. Real product documents are a few KB; past this size parsing alone takes
 * seconds with any parser, so "over 1 s" would measure the machine, not a bug.
 */
export const MAX_DOC_CHARS = 256 * 1024;

/** One to four mutations of `text`. */
export function mutate(text: string, r: () => number): string {
  let t = text;
  const count = 1 + Math.floor(r() * 4);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(r() * (t.length + 1));
    const lineStart = t.lastIndexOf('\n', at - 1) + 1;
    switch (Math.floor(r() * 8)) {
      case 0: {
        // byte flips
        const flips = 1 + Math.floor(r() * 8);
        for (let k = 0; k < flips && t.length; k++) {
          const p = Math.floor(r() * t.length);
          t = t.slice(0, p) + randomChar(r) + t.slice(p + 1);
        }
        break;
      }
      case 1:
        t = t.slice(0, at);
        break;
      case 2:
        t = t.slice(0, at) + pick(r, FRAGMENTS) + t.slice(at);
        break;
      case 3:
        t = t.slice(0, lineStart) + pick(r, FRAGMENTS) + t.slice(lineStart);
        break;
      case 4: {
        // repetition
        const len = 1 + Math.floor(r() * Math.min(200, Math.max(1, t.length - at)));
        const times = 2 + Math.floor(r() * (r() < 0.9 ? 20 : 2000));
        t = t.slice(0, at) + t.slice(at, at + len).repeat(times) + t.slice(at + len);
        break;
      }
      case 5:
        t = t.slice(0, lineStart) + nested(r) + t.slice(lineStart);
        break;
      case 6: {
        // delete a range
        const len = Math.floor(r() * 200);
        t = t.slice(0, at) + t.slice(at + len);
        break;
      }
      default: {
        // splice in a piece of another part of the document
        const from = Math.floor(r() * (t.length + 1));
        t = t.slice(0, at) + t.slice(from, from + Math.floor(r() * 300)) + t.slice(at);
      }
    }
    if (t.length > MAX_DOC_CHARS) t = t.slice(0, MAX_DOC_CHARS);
  }
  return t;
}

// Checked on the DOM a browser would build (parse5 is the HTML standard's parser, as the webview's engine
// is): a `<script` inside a quoted attribute value is text, and a regex over the markup cannot tell.
const UNSAFE_ELEMENT = new Set(['script', 'iframe', 'object', 'embed', 'style', 'base', 'meta', 'link', 'form', 'frame', 'frameset']);
const URL_ATTRIBUTE = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background']);
// Browsers drop ASCII whitespace and control characters before reading a URL's scheme.
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;

type DomNode = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: DomNode[]; content?: DomNode };

const withoutControls = (value: string): string => [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');

export function unsafeMarkup(html: string): string | undefined {
  const stack: DomNode[] = [parseFragment(html) as unknown as DomNode];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.tagName) {
      if (UNSAFE_ELEMENT.has(node.tagName)) return `<${node.tagName}>`;
      for (const { name, value } of node.attrs ?? []) {
        if (name.startsWith('on')) return `<${node.tagName} ${name}=…>`;
        if (URL_ATTRIBUTE.has(name) && SCRIPT_URL.test(withoutControls(value))) return `<${node.tagName} ${name}="${value}">`;
      }
    }
    if (node.childNodes) stack.push(...node.childNodes);
    if (node.content) stack.push(node.content);
  }
  return undefined;
}

/** CPU time (user + system, this process) of `f`, in ms: on a shared machine the clock measures the neighbours. */
export function cpuMs<T>(f: () => T): [T, number] {
  const started = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(started);
  return [value, (used.user + used.system) / 1000];
}

/** The operations a user triggers on one document, each timed on its own. */
export type Stage = 'lint' | 'fix' | 'fix again' | 'render';

/**
 * Everything one document is checked for; `timeLimitMs` only in the long run (tests never time). Each
 * operation a user can trigger (a lint, a `--fix`, the preview render) must stay under the limit on its
 * own; `times` receives the CPU time of each.
 */
export function checkDocument(engine: Engine, text: string, timeLimitMs?: number, times: Partial<Record<Stage, number>> = {}): Failure[] {
  const failures: Failure[] = [];
  // The engine is pure: a text already linted here (the fix passes start from one) is not linted again,
  // which halves the run. A `--fix` is still timed with the lint it starts from.
  const linted = new Map<string, { result: LintResult; ms: number }>();
  const lint = (t: string): LintResult => {
    let r = linted.get(t);
    if (!r) {
      // The document's own result and the latest only: each holds a whole tree (tens of MB for a deep one).
      for (const kept of linted.keys()) if (kept !== text) linted.delete(kept);
      const [result, ms] = cpuMs(() => engine.lint(t, { path: '/fuzz/docs/doc.md' }));
      linted.set(t, (r = { result, ms }));
    }
    return r.result;
  };
  let result: LintResult;
  try {
    [result, times.lint] = cpuMs(() => lint(text));
  } catch (e) {
    return [{ kind: 'exception', detail: `lint: ${firstLine(e)}` }];
  }
  const report = result.findings.find((f) => /please report/i.test(f.message));
  if (report) failures.push({ kind: 'please-report', detail: `${report.ruleId}: ${report.message.slice(0, 200)}` });
  try {
    const [first, fixMs] = cpuMs(() => fixAll(text, lint));
    times.fix = times.lint + fixMs;
    if (first.changed) {
      const lastLint = linted.get(first.text)?.ms ?? 0;
      const [again, againMs] = cpuMs(() => fixAll(first.text, lint));
      times['fix again'] = lastLint + againMs;
      if (again.changed)
        failures.push({
          kind: 'fix-not-idempotent',
          detail: `a second --fix changed the text again (${again.applied.map((a) => a.ruleId).join(', ')})`,
        });
      if (!frontMatterProblem(result) && frontMatterProblem(lint(first.text)))
        failures.push({ kind: 'fix-corrupts', detail: 'the fixed front matter can no longer be read' });
    }
  } catch (e) {
    failures.push({ kind: 'exception', detail: `fix: ${firstLine(e)}` });
  }
  // The preview renders from the document's own result: the fixed texts' results are let go first, as an
  // editor holds one result per open document.
  linted.clear();
  try {
    const [{ html }, renderMs] = cpuMs(() => renderDocument(result, { allowRemoteImages: false }));
    times.render = renderMs;
    const bad = unsafeMarkup(html);
    if (bad) failures.push({ kind: 'unsafe-html', detail: `preview HTML holds ${JSON.stringify(bad.slice(0, 80))}` });
  } catch (e) {
    failures.push({ kind: 'exception', detail: `render: ${firstLine(e)}` });
  }
  const slow = slowest(times);
  if (timeLimitMs !== undefined && slow && slow[1] > timeLimitMs)
    failures.push({ kind: 'slow', detail: `${slow[0]}: ${Math.round(slow[1])} ms of CPU for ${text.length} characters` });
  return failures;
}

/** The slowest operation of one document. */
export function slowest(times: Partial<Record<Stage, number>>): [Stage, number] | undefined {
  let out: [Stage, number] | undefined;
  for (const [stage, ms] of Object.entries(times) as [Stage, number][]) if (!out || ms > out[1]) out = [stage, ms];
  return out;
}

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0]!.slice(0, 200);
}

/**
 * The smallest text (by removing line ranges, then characters) that still fails the same way, within a
 * budget of checks: a reproducer a person can read.
 */
export function minimize(engine: Engine, text: string, kind: FailureKind, budget = 400, timeLimitMs?: number): string {
  const fails = (t: string) => checkDocument(engine, t, timeLimitMs).some((f) => f.kind === kind);
  let best = text;
  let spent = 0;
  for (const unit of ['\n', '']) {
    let parts = unit ? best.split(/(?<=\n)/) : [...best];
    let chunk = Math.max(1, Math.floor(parts.length / 2));
    while (chunk >= 1 && spent < budget) {
      let removed = false;
      for (let i = 0; i + chunk <= parts.length && spent < budget;) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)].join('');
        spent++;
        if (candidate.length && fails(candidate)) {
          parts = [...parts.slice(0, i), ...parts.slice(i + chunk)];
          best = candidate;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk = Math.floor(chunk / 2);
    }
    if (best.length > 4000) break; // character by character is too slow past this
  }
  return best;
}

export interface RunSummary {
  docs: number;
  failures: { index: number; text: string; failure: Failure }[];
  counts: Record<FailureKind, number>;
  /** The slowest single operation (lint, fix, render) of any document, CPU time. */
  slowest: { index: number; stage: Stage; ms: number; chars: number } | undefined;
}

/** `docs` mutated documents from `seed`: the same arguments give the same documents. */
export function* fuzzDocuments(docs: number, seed: string): Generator<string> {
  const seeds = seedDocuments();
  const r = rng(seed);
  for (let i = 0; i < docs; i++) yield mutate(pick(r, seeds), r);
}

export interface FuzzOptions {
  timeLimitMs?: number;
  /** Check only the documents whose index is `part` modulo `parts` (one worker's share; all are generated). */
  part?: number;
  parts?: number;
  /** After each checked document (progress, memory sampling). */
  onDocument?: (index: number, counts: Record<FailureKind, number>, slowest: RunSummary['slowest']) => void;
  /** Before each document is checked (a worker that dies can then be said to have died on it). */
  onStart?: (index: number) => void;
  /** As each failure is found (a long run can then be stopped and still report it). */
  onFailure?: (failure: RunSummary['failures'][number]) => void;
}

export function fuzz(docs: number, seed: string, options: FuzzOptions = {}): RunSummary {
  const steps = fuzzSteps(docs, seed, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `fuzz`, one checked document per step: a worker process awaits between steps, so that its messages
 * to the parent are written out as it goes (IPC writes wait for the event loop; a loop that never yields
 * queues them all in memory, its largest failures' texts included).
 */
export function* fuzzSteps(docs: number, seed: string, options: FuzzOptions = {}): Generator<void, RunSummary> {
  const engine = createEngine();
  const counts = { exception: 0, 'please-report': 0, 'fix-not-idempotent': 0, 'fix-corrupts': 0, 'unsafe-html': 0, slow: 0 };
  const failures: RunSummary['failures'] = [];
  const parts = options.parts ?? 1;
  const part = options.part ?? 0;
  let slowestOp: RunSummary['slowest'];
  let index = 0;
  for (const text of fuzzDocuments(docs, seed)) {
    if (index % parts === part) {
      const times: Partial<Record<Stage, number>> = {};
      options.onStart?.(index);
      for (const failure of checkDocument(engine, text, options.timeLimitMs, times)) {
        counts[failure.kind]++;
        failures.push({ index, text, failure });
        options.onFailure?.({ index, text, failure });
      }
      const op = slowest(times);
      if (op && (!slowestOp || op[1] > slowestOp.ms)) slowestOp = { index, stage: op[0], ms: op[1], chars: text.length };
      options.onDocument?.(index, counts, slowestOp);
      yield;
    }
    index++;
  }
  return { docs, failures, counts, slowest: slowestOp };
}
