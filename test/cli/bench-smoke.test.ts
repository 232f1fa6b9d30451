// Smoke test of the benchmark corpus generator (bench/gen-corpus.mjs): deterministic output, and a
// manifest whose lines point at the defects. No peers, no timing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');
const ARGS = ['--docs', '20', '--invalid-ratio', '1', '--crlf-ratio', '0.25', '--seed', 'smoke'];

interface Defect {
  kind: string;
  variant?: string;
  field?: string | null;
  section?: string;
  value?: unknown;
  line: number | null;
  altLines?: number[];
  rules: string[];
}
interface Manifest {
  files: { path: string; type: string; eol?: string; lines: number; defects: Defect[] }[];
}

function generate(dir: string): void {
  const r = spawnSync(process.execPath, [join(repo, 'bench', 'gen-corpus.mjs'), dir, ...ARGS], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const tmp = mkdtempSync(join(tmpdir(), 'pmdocs-bench-smoke-'));
const a = join(tmp, 'a');
const b = join(tmp, 'b');
generate(a);
generate(b);
const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')) as Manifest;
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

test('the same arguments give byte-identical corpora', () => {
  const files = tree(a);
  assert.equal(files.length, 21); // 20 documents + manifest.json
  assert.deepEqual(tree(b), files);
  for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between two runs`);
});

test('every document is listed, with its line count and line endings', () => {
  assert.equal(manifest.files.length, 20);
  assert.deepEqual(new Set(manifest.files.map((f) => f.type)), new Set(['prd', 'epic', 'user-story', 'release-notes']));
  for (const f of manifest.files) {
    const text = readFileSync(join(a, f.path), 'utf8');
    assert.equal(text.split(/\r?\n/).length - 1, f.lines, f.path);
    assert.equal(text.includes('\r\n'), f.eol === 'crlf', `${f.path} line endings`);
    assert.ok(f.defects.length >= 1, `${f.path}: --invalid-ratio 1 gives every file a defect`);
  }
});

const key = (field: string) =>
  field
    .split('.')
    .pop()!
    .replace(/\[\d+\]$/, '');
const isHeading = (line: string | undefined, level = 2) => new RegExp(`^#{${level}} \\S`).test(line ?? '');

/** Does `line` (1-based) of `lines` hold defect `d`? Returns why not, or null. */
function holds(lines: string[], d: Defect): string | null {
  const at = (n: number) => lines[n - 1] ?? '';
  const l = d.line === null ? '' : at(d.line);
  const field = d.field ?? '';
  const keyLine = (k: string) => new RegExp(`^\\s*${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`).test(l);
  switch (d.kind) {
    case 'missing-field':
      if (!field.includes('.')) return l === '---' && d.line === 1 ? null : 'a missing top-level key points at the opening fence';
      return keyLine(field.split('.')[0]) ? null : 'a missing nested key points at its parent key';
    case 'enum':
    case 'date':
    case 'semver':
    case 'pattern':
    case 'id-type-prefix':
    case 'rice-score':
    case 'release-version-id':
    case 'date-order':
      if (/\[\d+\]$/.test(field)) return /^\s*- /.test(l) && l.includes(String(d.value)) ? null : 'a list item with the bad value';
      return keyLine(key(field)) && l.includes(String(d.value)) ? null : `the ${field} line with ${String(d.value)}`;
    case 'type':
      return keyLine(key(field)) ? null : `the ${field} line`;
    case 'unknown-key':
      return keyLine(field) ? null : `the line of the unknown key ${field}`;
    case 'breaking-changes-section':
      return l === 'breaking: true' ? null : 'the breaking: true line';
    case 'yaml-syntax':
      if (d.variant === 'unclosed-fence')
        return d.line === 1 && !lines.slice(1).includes('---') ? null : 'line 1 of a front matter that never closes';
      if (d.variant === 'tab-indentation') return l.startsWith('\t') ? null : 'a line indented with a tab';
      if (d.variant === 'duplicate-key')
        return keyLine('status') && lines.slice(0, d.line! - 1).some((x) => x.startsWith('status:')) ? null : 'the second status key';
      return l.includes(`${key(field)}:`) ? null : `the ${field} line`;
    case 'missing-section':
      if (d.variant === 'removed') return d.line === null ? null : 'a removed section has no line';
      if (d.variant === 'demoted') return isHeading(l, 3) ? null : 'an H3 heading';
      return isHeading(l) && !l.toLowerCase().includes(d.section!.toLowerCase()) ? null : 'a misspelt H2 heading';
    case 'empty-section': {
      if (!isHeading(l)) return 'an H2 heading';
      const next = lines.slice(d.line!).find((x) => x.trim() !== '');
      return next === undefined || /^#{1,6} /.test(next) ? null : 'a heading followed by no content';
    }
    case 'section-order':
      return isHeading(l) && l.includes('Problem') ? null : 'the Problem heading';
    case 'story-statement': {
      const heading = lines
        .slice(0, d.line! - 1)
        .reverse()
        .find((x) => /^#{1,6} /.test(x));
      return /story/i.test(heading ?? '') && l.trim() !== '' && !/^As an? /.test(l) ? null : 'a Story section line that is not "As a …"';
    }
    case 'acceptance-criteria':
      return isHeading(l) && /acceptance criteria/i.test(l) ? null : 'the Acceptance criteria heading';
    case 'gherkin': {
      const word = { 'given-after-when': 'Given', 'when-after-then': 'When', 'missing-when': 'Scenario', 'missing-then': 'Scenario' }[
        d.variant!
      ];
      return word && l.includes(word) ? null : `a line with ${word}`;
    }
    case 'release-change-type':
      return d.line === null ? null : 'no line: the sections are gone';
    default:
      return `no check for defect kind ${d.kind}`;
  }
}

test('manifest lines point at the lines that hold the defects', () => {
  let checked = 0;
  for (const f of manifest.files) {
    const lines = readFileSync(join(a, f.path), 'utf8').split(/\r?\n/);
    for (const d of f.defects) {
      assert.ok(d.rules.length > 0, `${f.path}: ${d.kind} names the rules that should fire`);
      if (d.line !== null) assert.ok(d.line >= 1 && d.line <= f.lines, `${f.path}: ${d.kind} line ${d.line} is inside the file`);
      const why = holds(lines, d);
      assert.equal(
        why,
        null,
        `${f.path}:${d.line} ${d.kind}${d.variant ? `/${d.variant}` : ''}: expected ${why}; the line is ${JSON.stringify(d.line ? lines[d.line - 1] : null)}`,
      );
      checked++;
    }
  }
  assert.ok(checked >= 20);
});

test('an independent check (yaml, ajv with the peer schemas, sections) agrees with the manifest', () => {
  const r = spawnSync(process.execPath, [join(repo, 'bench', 'verify-corpus.mjs'), a], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /corpus matches its manifest/);
});
