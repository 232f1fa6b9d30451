// The CLI through ONE table of cases: each case is a file tree (written to a temporary folder), then one
// or more command lines with the expected exit code and output. Every case runs in-process through
// main(); cases marked `binary` also run through the built bundle (node dist/cli.mjs).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';
import type { CliHost } from '../../src/cli/host.js';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { rules } from '../../src/core/rules/index.js';

const repo = join(import.meta.dirname, '../..');
const cli = join(repo, 'dist/cli.mjs');
const NOW = new Date(2026, 4, 1); // 2026-05-01, local time

// --- documents the cases are made of -----------------------------------------------------------------

const story = (
  id: string,
  extra = '',
  statement = 'As a finance admin, I want to export invoices as CSV, so that I can reconcile them in my spreadsheet.',
) => `---
type: user-story
id: ${id}
title: Export invoices
status: draft
${extra}---

# Export invoices

## Story

${statement}

## Acceptance criteria

- [ ] The export holds every invoice of the chosen month.
`;

const CLEAN = story('US-1');
/** status 'aproved' → frontmatter-schema error at 5:9-5:16. */
const ERROR = story('US-2').replace('status: draft', 'status: aproved');
/** unknown key 'ownr' → frontmatter-unknown-key warning at 6:1. */
const WARNING = story('US-3', 'ownr: "@jane"\n');
const README = '# Invoices\n\nNothing to see here: no front matter, so not a pmdocs document.\n';
const APROVED_MESSAGE =
  "status 'aproved' is not allowed for a user-story. Allowed: draft, ready, in-progress, in-review, done, blocked, wont-do.";

/** A clean PRD (for the cross-document cases). */
const prdDoc = (id: string, title = 'Invoice export') => `---
type: prd
id: ${id}
title: ${title}
status: draft
owner: "@maria"
created: 2026-03-02
---

# ${title}

## Problem

Bookkeepers retype invoices by hand.

## Goals

- Half of the accounts export once a month.

## Non-goals

- PDF exports.

## Requirements

- Export a month of invoices as CSV.

## Success metrics

- Exporting accounts from 0 % to 50 %.
`;

/** Released release notes listing `stories`. */
const releaseDoc = (stories: string[]) => `---
type: release-notes
id: REL-1.0.0
title: Release 1.0.0
status: released
version: "1.0.0"
date: 2026-06-18
stories: [${stories.join(', ')}]
---

# Release 1.0.0

## Highlights

CSV export for invoices.

## Added

- Export a month of invoices as CSV.
`;

const PRD_2_MISSING = "prd 'PRD-2' names no document: no prd in the workspace has this id. Did you mean 'PRD-1' (Invoice export)?";

// --- the table ---------------------------------------------------------------------------------------

/** Every built-in doc type `pmdocs new` creates, with the id it gives the first document of it. */
const NEW_ID: Record<string, string> = {
  prd: 'PRD-1',
  epic: 'EPIC-1',
  'user-story': 'US-1',
  'release-notes': 'REL-1.0.0',
  decision: 'ADR-1',
  rfc: 'RFC-1',
  experiment: 'EXP-1',
  launch: 'LAUNCH-1',
  roadmap: 'RM-1',
  okr: 'OKR-1',
  'risk-register': 'RISK-1',
};
// (types without an id prefix, such as changelog, are not created by `new`)
const BUILT_IN_TYPES = builtInDocTypes.filter((t) => t.idPrefix).map((t) => t.type);

interface Step {
  args: string[];
  /** Folder of the tree the command runs in (default: the tree's root). */
  cwd?: string;
  env?: Record<string, string>;
  code: number;
  /** Exact stdout, or fragments it must contain. */
  stdout?: string | (string | RegExp)[];
  /** Exact stderr, or fragments it must contain. */
  stderr?: string | (string | RegExp)[];
  /** Runs before the step (change files between runs). */
  before?: (dir: string) => void;
  /** In-process only: wrap the Node host (to simulate failures the file system cannot be made to show). */
  host?: (host: CliHost) => CliHost;
  /** More checks on the output or the tree. */
  check?: (out: { stdout: string; stderr: string }, dir: string) => void;
}

interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  steps: Step[];
  /** Also run through the built binary. */
  binary?: boolean;
}

const one = (name: string, files: Case['files'], step: Step, extra: Partial<Case> = {}): Case => ({ name, files, steps: [step], ...extra });

const cases: Case[] = [
  one(
    'clean tree → 0 and no output',
    { 'US-1.md': CLEAN, 'README.md': README },
    { args: ['lint'], code: 0, stdout: '', stderr: '' },
    { binary: true },
  ),
  one(
    'errors → 1, stylish rows and summary',
    { 'US-1.md': CLEAN, 'US-2.md': ERROR },
    {
      args: ['lint'],
      code: 1,
      stdout: `\nUS-2.md\n  5:9  error  ${APROVED_MESSAGE}  frontmatter-schema\n\n✖ 1 problem (1 error, 0 warnings)\n`,
      stderr: '',
    },
    { binary: true },
  ),
  one(
    'warnings only → 0',
    { 'US-3.md': WARNING },
    {
      args: ['lint'],
      code: 0,
      stdout: ["6:1  warning  Unknown key 'ownr'. Did you mean 'owner'?  frontmatter-unknown-key", '✖ 1 problem (0 errors, 1 warning)'],
    },
  ),
  one(
    'warnings with --max-warnings 0 → 1',
    { 'US-3.md': WARNING },
    {
      args: ['lint', '--max-warnings', '0'],
      code: 1,
      stdout: ['1 warning'],
      stderr: 'pmdocs: too many warnings (1; --max-warnings is 0)\n',
    },
  ),
  one(
    '--max-warnings -1 means no limit',
    { 'US-3.md': WARNING },
    { args: ['lint', '--max-warnings', '-1'], code: 0, stdout: ['1 warning'] },
  ),
  one('--max-warnings above the count → 0', { 'US-3.md': WARNING }, { args: ['lint', '--max-warnings', '1'], code: 0 }),
  one(
    '--max-warnings needs a number → 2',
    { 'US-3.md': WARNING },
    { args: ['lint', '--max-warnings', 'lots'], code: 2, stdout: '', stderr: ["pmdocs: --max-warnings needs a whole number, not 'lots'"] },
  ),
  one('--quiet hides warnings', { 'US-3.md': WARNING }, { args: ['lint', '--quiet'], code: 0, stdout: '' }),
  one(
    '--quiet keeps errors',
    { 'US-2.md': ERROR, 'US-3.md': WARNING },
    {
      args: ['lint', '-q'],
      code: 1,
      stdout: ['US-2.md', '✖ 1 problem (1 error, 0 warnings)'],
      check: ({ stdout }) => assert.ok(!stdout.includes('US-3.md')),
    },
  ),
  one(
    'bad config (JSON syntax) → 2 naming the file, line and column; documents are still linted',
    { '.pmdocs.json': '{\n  "rules": { "rice-score": "off" }\n  "include": ["**/*.md"]\n}\n', 'US-2.md': ERROR },
    {
      args: ['lint'],
      code: 2,
      stdout: ['US-2.md', 'frontmatter-schema'],
      stderr: "pmdocs: .pmdocs.json:3:3: Not valid JSON: expected ',' between entries. Until this is fixed, pmdocs uses its defaults.\n",
    },
    { binary: true },
  ),
  one(
    'schema-invalid config → 2 naming the key',
    { '.pmdocs.json': '{ "rules": { "frontmatter-schema": "warn" } }', 'US-1.md': CLEAN },
    {
      args: ['lint'],
      code: 2,
      stdout: '',
      stderr: [
        "pmdocs: .pmdocs.json:1:36: rules.frontmatter-schema is 'warn', which is not allowed. Did you mean 'warning'? Use one of: off, info, warning, error.",
      ],
    },
  ),
  one(
    'config severities apply (error turned into warning → exit 0)',
    { '.pmdocs.json': '// comments are fine\n{ "rules": { "frontmatter-schema": "warning" } }', 'US-2.md': ERROR },
    { args: ['lint'], code: 0, stdout: ['5:9  warning  status'] },
  ),
  one(
    '--config with a missing file → 2',
    { 'US-1.md': CLEAN },
    { args: ['lint', '--config', 'nope.json'], code: 2, stdout: '', stderr: 'pmdocs: config file not found: nope.json\n' },
  ),
  one(
    '--config is used for every file instead of discovery',
    {
      'ci/strict.json': '{ "rules": { "frontmatter-unknown-key": "error" } }',
      'docs/.pmdocs.json': '{ "rules": { "frontmatter-unknown-key": "off" } }',
      'docs/US-3.md': WARNING,
    },
    { args: ['lint', '--config', 'ci/strict.json'], code: 1, stdout: ['6:1  error  Unknown key'] },
  ),
  one(
    'nonexistent path → 2',
    { 'US-1.md': CLEAN },
    { args: ['lint', 'US-1.md', 'missing.md'], code: 2, stdout: '', stderr: 'pmdocs: no such file or directory: missing.md\n' },
    { binary: true },
  ),
  one(
    'unknown option → 2 with one line naming it',
    { 'US-1.md': CLEAN },
    {
      args: ['lint', '--frobnicate'],
      code: 2,
      stdout: '',
      stderr: "pmdocs: unknown option '--frobnicate' for 'pmdocs lint'\nRun 'pmdocs --help' for usage.\n",
    },
    { binary: true },
  ),
  one(
    'unknown format → 2',
    { 'US-1.md': CLEAN },
    { args: ['lint', '--format', 'xml'], code: 2, stderr: ["pmdocs: unknown format 'xml'; use stylish, json, sarif or github"] },
  ),
  one(
    'option without its value → 2',
    { 'US-1.md': CLEAN },
    { args: ['lint', '--format'], code: 2, stderr: ["pmdocs: option '--format' needs a value"] },
  ),
  one(
    'unknown command → 2',
    {},
    { args: ['check'], code: 2, stderr: ["pmdocs: unknown command 'check'; use lint, new, rules, trace, changelog or lsp"] },
  ),
  one('no command → usage on stderr, 2', {}, { args: [], code: 2, stdout: '', stderr: ['Usage: pmdocs <command>'] }),
  one(
    '--version',
    {},
    { args: ['--version'], code: 0, stdout: `${JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version}\n` },
    { binary: true },
  ),
  one(
    '--color forces colour (a pipe gets none by default)',
    { 'US-2.md': ERROR },
    { args: ['lint', '--color'], code: 1, stdout: ['\x1b[4mUS-2.md\x1b[24m', '\x1b[31merror\x1b[39m', '\x1b[1m\x1b[31m✖ 1 problem'] },
  ),
  one('--help', {}, { args: ['lint', '--help'], code: 0, stdout: ['Usage: pmdocs lint', '--max-warnings'] }),
  one(
    'README-only tree → 0 and no output',
    { 'README.md': README, 'docs/notes.md': '---\ntitle: Just notes\n---\n\nText.\n' },
    { args: ['lint'], code: 0, stdout: '', stderr: '' },
  ),
  one('README-only tree, json → []', { 'README.md': README }, { args: ['lint', '--format', 'json'], code: 0, stdout: '[]\n' }),
  one(
    '.gitignored and node_modules files are skipped',
    {
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'drafts/US-2.md': ERROR,
      'US-9.tmp.md': ERROR,
      'node_modules/pkg/US-2.md': ERROR,
      'docs/.gitignore': 'old.md\n',
      'docs/old.md': ERROR,
      'US-1.md': CLEAN,
    },
    { args: ['lint'], code: 0, stdout: '' },
  ),
  one(
    'a folder argument skips ignored files too',
    { '.gitignore': 'drafts/\n', 'docs/drafts/US-2.md': ERROR, 'docs/US-1.md': CLEAN },
    { args: ['lint', 'docs'], code: 0, stdout: '' },
  ),
  one(
    'a gitignored file named explicitly is linted',
    { '.gitignore': 'drafts/\n', 'drafts/US-2.md': ERROR },
    { args: ['lint', 'drafts/US-2.md'], code: 1, stdout: ['drafts/US-2.md'] },
  ),
  {
    name: 'a gitignored folder named explicitly is linted; .gitignore still applies below it',
    files: {
      '.gitignore': 'corpus/\n*.tmp.md\n',
      'US-1.md': CLEAN,
      'corpus/1k/US-2.md': ERROR,
      'corpus/1k/US-9.tmp.md': ERROR,
      'corpus/1k/.gitignore': 'old/\n',
      'corpus/1k/old/US-2.md': ERROR,
    },
    steps: [
      { args: ['lint'], code: 0, stdout: '' },
      ...[['corpus/1k'], ['corpus'], ['corpus/1k/'], ['corpus/1k/**/*.md'], ['./corpus/1k', 'US-1.md']].map((paths) => ({
        args: ['lint', ...paths],
        code: 1,
        stdout: ['corpus/1k/US-2.md', '✖ 1 problem (1 error, 0 warnings)'],
        stderr: '',
      })),
    ],
    binary: true,
  },
  {
    name: 'a named folder inside an ignored one, in a git repository, from a cwd inside the ignored folder',
    files: {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'bench/.corpus/\ndrafts/\n',
      'bench/.corpus/1k/US-2.md': ERROR,
      'bench/.corpus/1k/drafts/US-9.md': ERROR,
      'bench/US-1.md': CLEAN,
    },
    steps: [
      { args: ['lint', 'bench'], code: 0, stdout: '' },
      { args: ['lint', '1k'], cwd: 'bench/.corpus', code: 1, stdout: ['1k/US-2.md', '✖ 1 problem (1 error, 0 warnings)'] },
      // Standing in the folder is like naming it.
      { args: ['lint'], cwd: 'bench/.corpus/1k', code: 1, stdout: ['US-2.md', '✖ 1 problem (1 error, 0 warnings)'] },
    ],
  },
  one(
    'a folder argument with no Markdown file in it is a warning',
    { 'US-1.md': CLEAN, 'empty/notes.txt': 'x' },
    { args: ['lint', 'empty', 'US-1.md'], code: 0, stdout: '', stderr: "pmdocs: warning: no files match 'empty'\n" },
  ),
  one(
    'folders and globs as arguments',
    { 'docs/US-2.md': ERROR, 'other/US-2.md': ERROR.replace('US-2', 'US-4'), 'stories/a/US-2.md': ERROR.replace('US-2', 'US-5') },
    {
      args: ['lint', 'docs', 'stories/**/*.md'],
      code: 1,
      stdout: ['docs/US-2.md', 'stories/a/US-2.md', '2 problems'],
      check: ({ stdout }) => assert.ok(!stdout.includes('other/')),
    },
  ),
  one(
    'a glob that matches nothing is a warning',
    { 'US-1.md': CLEAN },
    { args: ['lint', 'nothing/**/*.md'], code: 0, stdout: '', stderr: "pmdocs: warning: no files match 'nothing/**/*.md'\n" },
  ),
  one(
    "the config's include and exclude choose the default files",
    {
      '.pmdocs.json': '{ "include": ["docs/**/*.md"], "exclude": ["docs/archive/**"] }',
      'docs/US-1.md': CLEAN,
      'docs/archive/US-2.md': ERROR,
      'elsewhere/US-2.md': ERROR,
    },
    { args: ['lint'], code: 0, stdout: '' },
  ),
  one(
    'associations give a type to documents without one',
    {
      '.pmdocs.json': '{ "associations": { "stories/**": "user-story" } }',
      'stories/x.md': '---\nid: US-5\ntitle: X\nstatus: draft\n---\n\n# X\n',
    },
    { args: ['lint'], code: 1, stdout: ['stories/x.md', "Missing required section 'Story'"] },
  ),
  one(
    '--format json: one object per document',
    { 'US-2.md': ERROR, 'US-1.md': CLEAN, 'README.md': README },
    {
      args: ['lint', '--format', 'json'],
      code: 1,
      check: ({ stdout }) => {
        const out = JSON.parse(stdout) as { filePath: string; docType: string; findings: Record<string, unknown>[] }[];
        assert.deepEqual(
          out.map((r) => [r.filePath, r.docType, r.findings.length]),
          [
            ['US-1.md', 'user-story', 0],
            ['US-2.md', 'user-story', 1],
          ],
        );
        const f = out[1]!.findings[0]!;
        assert.deepEqual(
          {
            ruleId: f['ruleId'],
            severity: f['severity'],
            line: f['line'],
            column: f['column'],
            endLine: f['endLine'],
            endColumn: f['endColumn'],
            message: f['message'],
          },
          { ruleId: 'frontmatter-schema', severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 16, message: APROVED_MESSAGE },
        );
      },
    },
  ),
  one(
    '--format json, exact: a binary file is reported, not linted',
    { 'blob.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]) },
    {
      args: ['lint', '--format', 'json'],
      code: 0,
      stdout:
        '[{"filePath":"blob.md","docType":null,"findings":[{"ruleId":"file-skipped","severity":"warning","message":"Not linted: the file looks binary (it contains NUL bytes).","start":0,"end":0,"line":1,"column":1,"endLine":1,"endColumn":1,"docsUrl":"https://github.com/pmdocs/pmdocs/blob/main/docs/cli.md#skipped-files"}]}]\n',
    },
    { binary: true },
  ),
  one(
    '--format github, exact, with escaped properties',
    { 'a,b:c/US-2.md': ERROR },
    {
      args: ['lint', '--format', 'github'],
      code: 1,
      stdout: `::error file=a%2Cb%3Ac/US-2.md,line=5,col=9,endLine=5,endColumn=16,title=pmdocs(frontmatter-schema)::${APROVED_MESSAGE}\n`,
    },
  ),
  one(
    '--format github: warnings and info become warning and notice',
    { 'US-3.md': WARNING, 'US-4.md': story('US-4', '', 'As a finance admin, I want to export invoices as CSV.') },
    {
      args: ['lint', '-f', 'github'],
      code: 0,
      stdout: [
        /^::warning file=US-3\.md,line=6,col=1,endLine=6,endColumn=5,title=pmdocs\(frontmatter-unknown-key\)::Unknown key 'ownr'/m,
        /^::notice file=US-4\.md,line=12,/m,
      ],
    },
  ),
  one(
    '--format sarif: valid against the SARIF 2.1.0 structure we emit',
    { 'US-2.md': ERROR, 'US-3.md': WARNING, 'docs/my notes/US-2.md': ERROR.replace('US-2', 'US-4') },
    { args: ['lint', '--format', 'sarif'], code: 1, check: ({ stdout }, dir) => checkSarif(stdout, dir) },
    { binary: true },
  ),
  one(
    'a BOM is dropped: line-1 columns match the editor',
    { 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---js\nmodule.exports = { type: "prd" }\n---\n# X\n')]) },
    {
      args: ['lint', '-f', 'github'],
      code: 1,
      stdout: [/^::error file=bom\.md,line=1,col=1,endLine=1,endColumn=6,title=pmdocs\(frontmatter-language\)::/],
    },
  ),
  one(
    'CRLF line ends: lines and columns count CRLF as one break',
    { 'crlf.md': ERROR.replace(/\n/g, '\r\n') },
    {
      args: ['lint', '-f', 'github'],
      code: 1,
      stdout: `::error file=crlf.md,line=5,col=9,endLine=5,endColumn=16,title=pmdocs(frontmatter-schema)::${APROVED_MESSAGE}\n`,
    },
  ),
  one(
    'a file over 10 MB is reported, not linted',
    { 'huge.md': `---\ntype: prd\n---\n${'x'.repeat(10 * 1024 * 1024)}\n` },
    {
      args: ['lint'],
      code: 0,
      stdout: ['huge.md', '1:1  warning  Not linted: the file is 10.0 MB; pmdocs skips files over 10 MB.  file-skipped'],
    },
  ),
  one(
    'an unreadable file → 2 naming it; the others are still reported',
    { 'US-2.md': ERROR, 'secret.md': CLEAN },
    {
      args: ['lint'],
      // A host that fails like a file without read permission (chmod cannot show it when tests run as root).
      host: (h) => ({
        ...h,
        readFile: async (p) => {
          if (p.endsWith('/secret.md')) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
          return h.readFile(p);
        },
      }),
      code: 2,
      stdout: ['US-2.md'],
      stderr: [/^pmdocs: cannot read secret\.md: EACCES: permission denied/m],
    },
  ),
  {
    name: '--cache: the second run prints the same and lints nothing; a changed file is linted again',
    files: {
      'US-1.md': CLEAN,
      'US-2.md': ERROR,
      'US-3.md': WARNING,
      '.pmdocs.json': '{ "rules": { "frontmatter-unknown-key": "error" } }',
    },
    binary: true,
    steps: [
      {
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        code: 1,
        stdout: ['2 problems (2 errors'],
        stderr: ['files=3 linted=3 cached=0 skipped=0 configs-resolved=1'],
      },
      {
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        code: 1,
        // Unchanged files (same size and modification time) are not even read.
        stderr: ['files=3 linted=0 cached=3 skipped=0 configs-resolved=0', 'read=0'],
        check: ({ stdout }, dir) => {
          assert.ok(existsSync(join(dir, 'node_modules/.cache/pmdocs/configs.json')));
          // One record per file, by its path relative to the cwd (the cache moves with the project).
          const files = JSON.parse(readFileSync(join(dir, 'node_modules/.cache/pmdocs/files.json'), 'utf8')) as {
            records: Record<string, unknown>;
          };
          assert.deepEqual(Object.keys(files.records).sort(), ['US-1.md', 'US-2.md', 'US-3.md']);
          assert.equal(stdout, lastStdout.get(dir), 'same output as the first run');
        },
      },
      {
        // Touched but unchanged: read and hashed once, still answered from the cache.
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        before: (dir) => utimesSync(join(dir, 'US-1.md'), new Date(2030, 0, 1), new Date(2030, 0, 1)),
        code: 1,
        stderr: ['files=3 linted=0 cached=3 skipped=0 configs-resolved=0', 'read=1'],
        check: ({ stdout }, dir) => assert.equal(stdout, lastStdout.get(dir), 'same output as the first run'),
      },
      {
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        before: (dir) => writeFileSync(join(dir, 'US-2.md'), CLEAN.replace('US-1', 'US-2')),
        code: 1,
        stdout: ['1 problem (1 error'],
        stderr: ['files=3 linted=1 cached=2 skipped=0 configs-resolved=1'],
      },
      {
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        before: (dir) => writeFileSync(join(dir, '.pmdocs.json'), '{}'),
        code: 0,
        stdout: ['1 problem (0 errors, 1 warning)'],
        stderr: ['files=3 linted=3 cached=0 skipped=0 configs-resolved=1'],
      },
      {
        // A torn cache (a run killed mid-write, a disk full) is a cold cache, never an error.
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        before: (dir) => {
          writeFileSync(join(dir, 'node_modules/.cache/pmdocs/files.json'), '{"format":4,"version":');
          writeFileSync(join(dir, 'node_modules/.cache/pmdocs/configs.json'), '\u0000\u0001');
        },
        code: 0,
        stdout: ['1 problem (0 errors, 1 warning)'],
        stderr: ['files=3 linted=3 cached=0 skipped=0 configs-resolved=1'],
      },
    ],
  },
  {
    name: 'worker threads give the same output as in-process linting',
    files: Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`s/US-${i + 10}.md`, i % 3 ? story(`US-${i + 10}`) : ERROR.replace('US-2', `US-${i + 10}`)]),
    ),
    binary: true,
    steps: [
      { args: ['lint', '-f', 'json'], env: { PMDOCS_WORKERS: '0', PMDOCS_DEBUG: 'stats' }, code: 1, stderr: ['linted=12', 'workers=0'] },
      {
        args: ['lint', '-f', 'json'],
        env: { PMDOCS_WORKERS: '2', PMDOCS_DEBUG: 'stats' },
        code: 1,
        stderr: ['linted=12', 'workers=2'],
        check: ({ stdout }, dir) => {
          assert.equal(stdout, lastStdout.get(dir));
          assert.equal((JSON.parse(stdout) as unknown[]).length, 12);
        },
      },
      {
        // Workers whose heap bound is too small to load the engine run out of memory: each is replaced
        // once by a worker without the bound, which lints its batch; nothing is lost, nothing crashes.
        args: ['lint', '-f', 'json'],
        env: { PMDOCS_WORKERS: '2', PMDOCS_WORKER_HEAP_MB: '2', PMDOCS_DEBUG: 'stats' },
        code: 1,
        stderr: ['linted=12', 'workers=2'],
        check: ({ stdout, stderr }, dir) => {
          assert.equal(stdout, lastStdout.get(dir));
          assert.doesNotMatch(stderr, /stopped unexpectedly|out of memory/i);
        },
      },
    ],
  },
  {
    name: 'new: the next free id, a file named <ID>-<slug>.md that lints clean but for its placeholders',
    files: {
      '.pmdocs.json': '{}',
      'stories/US-7-old.md': story('US-7'),
      'US-3.md': story('US-3'),
      'node_modules/x/US-99.md': story('US-99'),
    },
    binary: true,
    steps: [
      {
        args: ['new', 'user-story', 'Download the invoice: as PDF', '--dir', 'stories', '--owner', '@jane'],
        code: 0,
        stdout: 'stories/US-8-download-the-invoice-as-pdf.md\n',
        check: (_, dir) => {
          const text = readFileSync(join(dir, 'stories/US-8-download-the-invoice-as-pdf.md'), 'utf8');
          assert.match(
            text,
            /^---\ntype: user-story\nid: US-8\ntitle: "Download the invoice: as PDF"\nstatus: draft\nowner: "@jane"\ncreated: \d{4}-\d\d-\d\d\n---\n/,
          );
        },
      },
      {
        args: ['lint', 'stories/US-8-download-the-invoice-as-pdf.md', '-f', 'json'],
        code: 0,
        check: ({ stdout }) => {
          const findings = (JSON.parse(stdout) as { findings: { message: string }[] }[])[0]!.findings;
          assert.ok(findings.length > 0);
          for (const f of findings) assert.match(f.message, /template text/, 'only the placeholder sections are reported');
        },
      },
      { args: ['new', 'prd', 'Export invoices', '--owner', '@jane'], code: 0, stdout: 'PRD-1-export-invoices.md\n' },
      {
        args: ['lint', 'PRD-1-export-invoices.md', '-f', 'json'],
        check: ({ stdout }) => {
          for (const f of (JSON.parse(stdout) as { findings: { message: string; severity: string }[] }[])[0]!.findings)
            assert.match(f.message, /template text/);
        },
        code: 0,
      },
    ],
  },
  {
    name: 'new: the owner comes from --owner, else $PMDOCS_OWNER, else git user.name, else the login name; none → exit 2',
    files: { '.pmdocs.json': '{}', 'home/.gitconfig': '[user]\n\tname = Ada Lovelace\n' },
    steps: [
      {
        args: ['new', 'epic', 'From git'],
        env: { HOME: '/nonexistent-home', USER: '', LOGNAME: '', USERNAME: '' },
        code: 2,
        stdout: '',
        stderr:
          "pmdocs: no owner for the new document: pass --owner (@handle, user:name, group:team or an email address), or set $PMDOCS_OWNER or git's user.name\nRun 'pmdocs --help' for usage.\n",
        check: (_, dir) => assert.ok(!existsSync(join(dir, 'EPIC-1-from-git.md')), 'nothing written'),
      },
      {
        args: ['new', 'epic', 'Login', '--dir', 'a'],
        env: { HOME: '/nonexistent-home', USER: 'ada_l' },
        code: 0,
        check: (_, dir) => assert.match(readFileSync(join(dir, 'a/EPIC-1-login.md'), 'utf8'), /\nowner: "@ada_l"\n/),
      },
      {
        args: ['new', 'epic', 'From git', '--dir', 'b'],
        env: { USER: 'ada_l', HOME: '<home>' },
        code: 0,
        check: (_, dir) => assert.match(readFileSync(join(dir, 'b/EPIC-2-from-git.md'), 'utf8'), /\nowner: "ada.lovelace"\n/),
      },
      {
        args: ['new', 'epic', 'Env', '--dir', 'c'],
        env: { USER: 'ada_l', HOME: '<home>', PMDOCS_OWNER: 'group:billing' },
        code: 0,
        check: (_, dir) => assert.match(readFileSync(join(dir, 'c/EPIC-3-env.md'), 'utf8'), /\nowner: "group:billing"\n/),
      },
      {
        args: ['new', 'epic', 'Opt', '--dir', 'd', '--owner', '@kim'],
        env: { HOME: '<home>', PMDOCS_OWNER: 'group:billing' },
        code: 0,
        check: (_, dir) => assert.match(readFileSync(join(dir, 'd/EPIC-4-opt.md'), 'utf8'), /\nowner: "@kim"\n/),
      },
      {
        args: ['new', 'epic', 'Bad', '--owner', 'Kim Lee'],
        code: 2,
        stderr: ["pmdocs: --owner 'Kim Lee' is not a valid owner; use @handle, user:name, group:team or an email address"],
      },
      { args: ['new', 'epic', 'Bad'], env: { PMDOCS_OWNER: 'x y' }, code: 2, stderr: ["pmdocs: $PMDOCS_OWNER 'x y' is not a valid owner"] },
      {
        args: ['new', 'release-notes', '--version', '1.0.0'],
        env: { HOME: '/nonexistent-home', USER: '' },
        code: 0,
        stdout: 'REL-1.0.0.md\n',
      },
    ],
  },
  {
    // Every built-in type: what `new` writes passes its own lint (exit 0, no error or warning); the only
    // findings are the info reminders that a section still holds the template's example text.
    name: 'new: every built-in type writes a document that lints clean',
    files: { '.pmdocs.json': '{}' },
    steps: BUILT_IN_TYPES.flatMap((type): Step[] => {
      const versioned = type === 'release-notes';
      const file = versioned ? 'REL-1.0.0.md' : `${NEW_ID[type]}-a-new-document.md`;
      return [
        {
          args: ['new', type, 'A new document', ...(versioned ? ['--version', '1.0.0'] : [])],
          env: { HOME: '/nonexistent-home' },
          code: 0,
          stdout: `${file}\n`,
        },
        {
          args: ['lint', file, '-f', 'json'],
          code: 0,
          check: ({ stdout }) => {
            const [result] = JSON.parse(stdout) as { findings: { ruleId: string; severity: string; message: string }[] }[];
            for (const f of result!.findings) {
              assert.match(
                f.message,
                /still holds the template text \(a reminder while the status is '[a-z-]+'\)/,
                `${type}: ${f.ruleId} ${f.message}`,
              );
              assert.equal(f.severity, 'info', `${type}: ${f.ruleId} ${f.message}`);
            }
          },
        },
      ];
    }),
  },
  {
    name: 'new never overwrites an existing file (one outside the documents it numbers among)',
    files: { 'proj/README.md': '# Project\n', 'outside/US-1-export.md': '# An unrelated file that happens to have the name\n' },
    steps: [
      {
        args: ['new', 'user-story', 'Export', '--dir', '../outside'],
        cwd: 'proj',
        code: 2,
        stdout: '',
        stderr: 'pmdocs: ../outside/US-1-export.md already exists; not overwriting it\n',
        check: (_, dir) =>
          assert.equal(readFileSync(join(dir, 'outside/US-1-export.md'), 'utf8'), '# An unrelated file that happens to have the name\n'),
      },
    ],
  },
  {
    name: 'new numbers after ids in front matter and in file names (as New Document does); .markdown files count',
    files: { 'US-4-old-export.md': '# No front matter, but the name holds an id\n', 'stories/x.markdown': story('US-6') },
    steps: [{ args: ['new', 'user-story', 'Export', '--owner', '@jane'], code: 0, stdout: 'US-7-export.md\n' }],
  },
  {
    name: 'new: a workspace type without an idPrefix numbers <TYPE>-1, as New Document does',
    files: {
      '.pmdocs.json': '{ "docTypes": { "adr": { "schema": "./adr.schema.json" } } }',
      'adr.schema.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { type: { const: 'adr' }, id: { type: 'string' }, title: { type: 'string' } },
        'x-pmdocs': { type: 'adr', sections: [{ name: 'Decision', required: true }] },
      }),
    },
    steps: [{ args: ['new', 'adr', 'Use Postgres'], code: 0, stdout: 'ADR-1-use-postgres.md\n' }],
  },
  {
    name: 'new release-notes takes its id from --version and refuses a version that exists',
    files: {},
    steps: [
      {
        args: ['new', 'release-notes', '--version', '1.10.0'],
        code: 0,
        stdout: 'REL-1.10.0.md\n',
        check: (_, dir) => assert.match(readFileSync(join(dir, 'REL-1.10.0.md'), 'utf8'), /\nversion: "1\.10\.0"\n/),
      },
      {
        args: ['new', 'release-notes', 'Again', '--version', '1.10.0', '--dir', 'other'],
        code: 2,
        stderr: 'pmdocs: REL-1.10.0 already exists: REL-1.10.0.md\n',
      },
      { args: ['new', 'release-notes', 'No version'], code: 2, stderr: ['pmdocs: release-notes needs --version <semver>'] },
      { args: ['new', 'release-notes', '--version', 'v2'], code: 2, stderr: ["pmdocs: --version 'v2' is not a SemVer version like 1.4.0"] },
      // The schema's SemVer: numeric pre-release parts have no leading zero.
      {
        args: ['new', 'release-notes', '--version', '1.0.0-01'],
        code: 2,
        stderr: ["pmdocs: --version '1.0.0-01' is not a SemVer version like 1.4.0"],
      },
    ],
  },
  one(
    'new with an unknown type → 2 with a suggestion',
    {},
    {
      args: ['new', 'prdd', 'X'],
      code: 2,
      stderr: [`pmdocs: unknown doc type 'prdd'. Did you mean 'prd'? Types: ${builtInDocTypes.map((t) => t.type).join(', ')}`],
    },
  ),
  one(
    'new without a title → 2',
    {},
    { args: ['new', 'epic'], code: 2, stderr: ['pmdocs: a title is needed: pmdocs new epic "Export invoices as CSV"'] },
  ),
  one(
    'rules lists every rule with its description',
    {},
    { args: ['rules'], code: 0, stdout: rules.map((r) => new RegExp(`^${r.id} +(error|warning|info|off) +\\S`, 'm')) },
  ),
  {
    name: 'cross-document: a story whose prd names no document → 1 on the value; a single file is checked against its whole workspace',
    files: {
      '.pmdocs.json': '{}',
      'docs/prd/PRD-1.md': prdDoc('PRD-1'),
      'docs/stories/US-1.md': story('US-1', 'prd: PRD-2\n'),
      'docs/stories/US-2.md': story('US-2', 'prd: PRD-1\n'),
    },
    binary: true,
    steps: [
      {
        args: ['lint'],
        code: 1,
        stdout: `\ndocs/stories/US-1.md\n  6:6  error  ${PRD_2_MISSING}  ref-unresolved\n\n✖ 1 problem (1 error, 0 warnings)\n`,
        stderr: '',
      },
      {
        args: ['lint', 'docs/stories/US-1.md'],
        code: 1,
        stdout: `\ndocs/stories/US-1.md\n  6:6  error  ${PRD_2_MISSING}  ref-unresolved\n\n✖ 1 problem (1 error, 0 warnings)\n`,
      },
      { args: ['lint', 'US-2.md'], cwd: 'docs/stories', code: 0, stdout: '', stderr: '' },
      {
        args: ['lint', 'docs/stories/US-1.md'],
        before: (dir) => writeFileSync(join(dir, 'docs/prd/PRD-2.md'), prdDoc('PRD-2', 'Reminders')),
        code: 0,
        stdout: '',
        stderr: '',
      },
    ],
  },
  {
    name: 'cross-document without a config file: the files linted through folders are the index; a file named alone gets none',
    files: {
      'prd/PRD-1.md': prdDoc('PRD-1'),
      'stories/US-1.md': story('US-1', 'prd: PRD-1\n'),
      'stories/US-2.md': story('US-2', 'prd: PRD-2\n'),
    },
    steps: [
      {
        args: ['lint'],
        code: 1,
        stdout: `\nstories/US-2.md\n  6:6  error  ${PRD_2_MISSING}  ref-unresolved\n\n✖ 1 problem (1 error, 0 warnings)\n`,
      },
      // Only stories/ was asked for: PRD-1 is not in the index (add a .pmdocs.json to index the project).
      { args: ['lint', 'stories'], code: 1, stdout: ['stories/US-1.md', 'stories/US-2.md', '✖ 2 problems (2 errors, 0 warnings)'] },
      { args: ['lint', 'stories/US-2.md'], code: 0, stdout: '', stderr: '' },
    ],
  },
  {
    name: 'cross-document with --cache: a story that changes status re-lints the release listing it, and nothing else',
    files: {
      '.pmdocs.json': '{}',
      'US-1.md': story('US-1', 'estimate: 3\n').replace('status: draft', 'status: done').replace('- [ ]', '- [x]'),
      'US-2.md': story('US-2'),
      'REL-1.0.0.md': releaseDoc(['US-1']),
    },
    binary: true,
    steps: [
      {
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        code: 0,
        stdout: '',
        stderr: ['files=3 linted=3 cached=0 skipped=0 configs-resolved=1 workers=0 indexed=3'],
      },
      {
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        before: (dir) =>
          writeFileSync(
            join(dir, 'US-1.md'),
            story('US-1', 'estimate: 3\n').replace('status: draft', 'status: in-review').replace('- [ ]', '- [x]'),
          ),
        code: 1,
        stdout:
          "\nREL-1.0.0.md\n  8:11  error  stories[0] 'US-1' (Export invoices) has status 'in-review', expected 'done': a release-notes that is 'released' lists only user-story documents that are 'done'. Finish it, or take it out of stories.  release-story-not-done\n\n✖ 1 problem (1 error, 0 warnings)\n",
        // US-1 changed on disk; the release's stat is unchanged, but what the index answers it did: read both.
        stderr: ['files=3 linted=2 cached=1 skipped=0 configs-resolved=1', 'read=2'],
      },
      {
        args: ['lint', '--cache'],
        env: { PMDOCS_DEBUG: 'stats' },
        code: 1,
        stderr: ['files=3 linted=0 cached=3 skipped=0 configs-resolved=0', 'read=0'],
        check: ({ stdout }, dir) => assert.equal(stdout, lastStdout.get(dir), 'same output as the run before'),
      },
      {
        args: ['lint', '--cache', 'REL-1.0.0.md'],
        env: { PMDOCS_DEBUG: 'stats' },
        before: (dir) =>
          writeFileSync(
            join(dir, 'US-1.md'),
            story('US-1', 'estimate: 3\n').replace('status: draft', 'status: done').replace('- [ ]', '- [x]'),
          ),
        code: 0,
        stdout: '',
        stderr: ['files=1 linted=1 cached=0 skipped=0 configs-resolved=1 workers=0 indexed=3'],
      },
    ],
  },
  {
    name: 'cross-document findings are the same on worker threads (the index reaches each worker once)',
    files: {
      '.pmdocs.json': '{}',
      'prd/PRD-1.md': prdDoc('PRD-1'),
      'prd/PRD-1-copy.md': prdDoc('PRD-1', 'Copy'),
      ...Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [`s/US-${i + 10}.md`, story(`US-${i + 10}`, `prd: PRD-${i % 3 ? 1 : 3}\n`)]),
      ),
    },
    steps: [
      {
        args: ['lint'],
        env: { PMDOCS_WORKERS: '0', PMDOCS_DEBUG: 'stats' },
        code: 1,
        stdout: ['ref-unresolved', 'duplicate-id', "id 'PRD-1' is also the id of prd/PRD-1.md"],
        stderr: ['linted=14', 'workers=0'],
      },
      {
        args: ['lint'],
        env: { PMDOCS_WORKERS: '2', PMDOCS_DEBUG: 'stats' },
        code: 1,
        stdout: ['✖ 6 problems (6 errors, 0 warnings)'],
        stderr: ['linted=14', 'workers=2'],
        check: ({ stdout }, dir) => assert.equal(stdout, lastStdout.get(dir)),
      },
    ],
  },
  // --- issue 11: rule options, a workspace type from config alone, named files outside the globs ----
  one(
    'rule options: a misspelt option → 2 with a did-you-mean; the rule keeps its defaults',
    { '.pmdocs.json': '{ "rules": { "moscow-must-overload": ["warning", { "mustshare": 0.5 }] } }', 'US-1.md': CLEAN },
    {
      args: ['lint'],
      code: 2,
      stdout: '',
      stderr: [
        "pmdocs: .pmdocs.json:1:52: Unknown key 'mustshare' in rules.moscow-must-overload[1]. Did you mean 'mustShare'? Allowed keys: mustShare, minItems.",
      ],
    },
  ),
  one(
    'rule options: options-only keeps the default severity; when picks documents by front matter',
    {
      '.pmdocs.json':
        '{ "rules": { "user-story-statement": { "options": { "benefit": "required" } }, "frontmatter-unknown-key": { "severity": "off", "when": { "status": "draft" } } } }',
      'US-1.md': story('US-1', 'ownr: "@jane"\n', 'As a finance admin, I want to export invoices as CSV.'),
      'US-2.md': story('US-2', 'ownr: "@jane"\n').replace('status: draft', 'status: ready\nestimate: 2'),
    },
    {
      args: ['lint'],
      code: 0,
      stdout: ['US-1.md', '13:1  warning  The user story statement has no benefit', 'US-2.md', "7:1  warning  Unknown key 'ownr'"],
    },
  ),
  one(
    'a workspace type from config alone: closed sections, key order (with --fix), file name, type as a domain field',
    {
      '.pmdocs.json': JSON.stringify({ docTypes: { rfc: { schema: './rfc.schema.json' } }, associations: { 'rfcs/**': 'rfc' } }),
      'rfc.schema.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          rfc: { type: 'integer' },
          title: { type: 'string' },
          status: { enum: ['Draft', 'Final'] },
          type: { enum: ['Technical', 'Process'] },
        },
        required: ['rfc', 'title', 'status'],
        'x-pmdocs': {
          type: 'rfc',
          sections: [
            { name: 'Summary', required: true },
            { name: 'Proposal', required: true },
          ],
          closedSections: ['Appendix'],
          keyOrder: ['rfc', 'title', 'status', 'type'],
          fileName: 'rfc-{{rfc}}.md',
        },
      }),
      'rfcs/rfc-7.md':
        '---\nrfc: 7\nstatus: Draft # keep me\ntitle: Faster builds\ntype: Technical\n---\n\n## Summary\n\nS.\n\n## Proposal\n\nP.\n\n## Apendix\n\nA.\n',
    },
    {
      args: ['lint', '--fix'],
      code: 1,
      stdout: [
        'rfcs/rfc-7.md',
        "16:1  error  Section 'Apendix' is not a section the 'rfc' type allows. Did you mean 'Appendix'?",
        'section-unexpected',
      ],
      stderr: 'pmdocs: fixed rfcs/rfc-7.md:4:1 frontmatter-key-order: Reorder the front-matter keys\npmdocs: fixed 1 problem in 1 file\n',
      check: (_out, dir) =>
        assert.match(
          readFileSync(join(dir, 'rfcs/rfc-7.md'), 'utf8'),
          /^---\nrfc: 7\ntitle: Faster builds\nstatus: Draft # keep me\ntype: Technical\n---\n/,
        ),
    },
  ),
  one(
    "named files all outside the --config file's globs: linted, and stderr says why nothing applies",
    {
      'config/.pmdocs.json': '{ "include": ["docs/**/*.md"], "associations": { "docs/stories/**": "user-story" } }',
      'docs/stories/x.md': '---\nid: US-5\ntitle: X\nstatus: draft\n---\n\n# X\n',
    },
    {
      args: ['lint', '--config', 'config/.pmdocs.json', 'docs/stories/x.md'],
      code: 0,
      stdout: '',
      stderr:
        "pmdocs: note: docs/stories/x.md is outside config/.pmdocs.json: not under its include globs (docs/**/*.md, relative to config/). It is linted, but the config's path associations do not reach it.\n",
    },
  ),
  {
    name: 'init writes a starter .pmdocs.json once; init --from drafts a doc type that then lints its template clean',
    files: {
      'template.md':
        '---\nrfc: 1\ntitle: A template\nstatus: Draft\ncreated: 2026-01-12\nauthor: ["@maria"]\n---\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n',
    },
    steps: [
      {
        args: ['init'],
        code: 0,
        stdout: '.pmdocs.json\n',
        stderr: '',
        check: (_o, dir) => assert.match(readFileSync(join(dir, '.pmdocs.json'), 'utf8'), /"docTypes": \{\}/),
      },
      { args: ['init'], code: 2, stdout: '', stderr: 'pmdocs: .pmdocs.json already exists; pmdocs init never overwrites it\n' },
      {
        args: ['init', '--from', 'template.md', '--type', 'rfc'],
        code: 0,
        stdout: 'schemas/rfc.schema.json\n.pmdocs.json\n',
        stderr:
          "pmdocs: drafted 'rfc' from template.md: 5 front-matter key(s) (rfc, title, status, created, author), 2 section(s) (Summary, Motivation), all required. Refine schemas/rfc.schema.json: docs/custom-types.md.\n",
        check: (_o, dir) => {
          const schema = JSON.parse(readFileSync(join(dir, 'schemas/rfc.schema.json'), 'utf8'));
          assert.deepEqual(schema.properties.rfc.type, 'integer');
          assert.deepEqual(schema.properties.created, {
            title: 'created',
            description: "Drafted from the document's 'created'.",
            type: 'string',
            format: 'date',
          });
          assert.deepEqual(schema.properties.author.items, { type: 'string' });
          assert.deepEqual(schema['x-pmdocs'].sections, [
            { name: 'Summary', required: true },
            { name: 'Motivation', required: true },
          ]);
          assert.match(readFileSync(join(dir, '.pmdocs.json'), 'utf8'), /"rfc": \{\s*"schema": ".\/schemas\/rfc.schema.json"\s*\}/);
        },
      },
      {
        args: ['lint', '--config', '.pmdocs.json', 'template.md'],
        code: 0,
        stdout: '',
        before: (dir) =>
          writeFileSync(
            join(dir, 'template.md'),
            readFileSync(join(dir, 'template.md'), 'utf8').replace('---\nrfc', '---\n$schema: rfc\nrfc'),
          ),
      },
      {
        args: ['init', '--from', 'template.md', '--type', 'rfc'],
        code: 2,
        stderr: 'pmdocs: schemas/rfc.schema.json already exists; pmdocs init never overwrites it\n',
      },
      { args: ['init', '--type', 'rfc'], code: 2, stderr: ['--from FILE.md and --type NAME go together'] },
    ],
  },
];

// --- running it --------------------------------------------------------------------------------------

/** The previous step's stdout per tree, so a step can compare with it. */
const lastStdout = new Map<string, string>();
const trees: string[] = [];

function writeTree(files: Case['files']): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'pmdocs-cli-')));
  trees.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

async function runInProcess(step: Step, dir: string) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: step.args,
    cwd: step.cwd ? join(dir, step.cwd) : dir,
    host: step.host ? step.host(createNodeHost()) : createNodeHost(),
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env: withHome({ USER: 'tester', ...step.env }, dir),
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

/** `HOME: '<home>'` in a step's env is the tree's home/ folder (a git config the test controls). */
function withHome<T extends Record<string, string | undefined>>(env: T, dir: string): T {
  return env['HOME'] === '<home>' ? { ...env, HOME: join(dir, 'home').replace(/\\/g, '/') } : env;
}

function runBinary(step: Step, dir: string) {
  const env: Record<string, string | undefined> = withHome(
    { ...process.env, USER: 'tester', NO_COLOR: undefined, PMDOCS_DEBUG: undefined, PMDOCS_WORKERS: undefined, ...step.env },
    dir,
  );
  const r = spawnSync(process.execPath, [cli, ...step.args], {
    cwd: step.cwd ? join(dir, step.cwd) : dir,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function expectOutput(name: string, actual: string, expected: Step['stdout']) {
  if (expected === undefined) return;
  if (typeof expected === 'string') assert.equal(actual, expected, `${name}:\n${actual}`);
  else {
    for (const e of expected) {
      if (typeof e === 'string') assert.ok(actual.includes(e), `${name} should contain ${JSON.stringify(e)}:\n${actual}`);
      else assert.match(actual, e, name);
    }
  }
}

async function runCase(
  c: Case,
  run: (
    step: Step,
    dir: string,
  ) => Promise<{ code: number; stdout: string; stderr: string }> | { code: number; stdout: string; stderr: string },
) {
  const dir = writeTree(c.files);
  for (const [i, step] of c.steps.entries()) {
    step.before?.(dir);
    const out = await run(step, dir);
    const label = `step ${i + 1} (pmdocs ${step.args.join(' ')})`;
    assert.equal(out.code, step.code, `${label}: exit code\nstdout: ${out.stdout}\nstderr: ${out.stderr}`);
    expectOutput(`${label} stdout`, out.stdout, step.stdout);
    expectOutput(`${label} stderr`, out.stderr, step.stderr);
    step.check?.(out, dir);
    lastStdout.set(dir, out.stdout);
  }
}

/** Builds dist/ when it is missing or older than the sources (npm test builds first, so this is for single runs). */
function ensureBuilt() {
  const newest = (p: string): number =>
    statSync(p).isDirectory() ? Math.max(0, ...readdirSync(p).map((n) => newest(join(p, n)))) : statSync(p).mtimeMs;
  const built = ['dist/cli.mjs', 'dist/worker.mjs'].map((f) => join(repo, f));
  const stale =
    built.some((f) => !existsSync(f)) ||
    Math.min(...built.map((f) => statSync(f).mtimeMs)) <
      Math.max(newest(join(repo, 'src/cli')), newest(join(repo, 'src/core')), newest(join(repo, 'schemas')));
  if (!stale) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, encoding: 'utf8' });
  assert.equal(r.status, 0, `build failed: ${r.stderr}`);
}

after(() => {
  for (const dir of trees) rmSync(dir, { recursive: true, force: true });
});

describe('pmdocs CLI in-process (main())', () => {
  for (const c of cases) test(c.name, () => runCase(c, runInProcess));
});

describe('pmdocs CLI through the built binary (node dist/cli.mjs)', () => {
  before(ensureBuilt);
  for (const c of cases.filter((c) => c.binary)) test(c.name, () => runCase(c, runBinary));
});

// --- SARIF -------------------------------------------------------------------------------------------

const validateSarif = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(join(import.meta.dirname, 'sarif-subset.schema.json'), 'utf8')),
);

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; defaultConfiguration: { level: string; enabled?: boolean } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
    }[];
  }[];
}

function checkSarif(stdout: string, dir: string) {
  const log = JSON.parse(stdout) as SarifLog;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  const run = log.runs[0]!;
  const ruleIds = run.tool.driver.rules.map((r) => r.id);
  assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
  for (const r of rules) assert.ok(ruleIds.includes(r.id), `rules[] lists ${r.id}`);
  // Off by default: listed with its level and enabled: false; every other rule is on (no `enabled`).
  const off = run.tool.driver.rules.filter((r) => r.defaultConfiguration.enabled !== undefined);
  assert.deepEqual(
    off.map((r) => [r.id, r.defaultConfiguration]),
    [['story-no-release', { level: 'note', enabled: false }]],
  );
  assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, `file://${dir}/`);
  for (const result of run.results)
    assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, result.ruleId, 'ruleIndex points at the rule');
  const summary = run.results.map((r) => {
    const loc = r.locations[0]!.physicalLocation;
    return `${loc.artifactLocation.uri} ${r.ruleId} ${r.level} ${loc.region['startLine']}:${loc.region['startColumn']}-${loc.region['endLine']}:${loc.region['endColumn']}`;
  });
  assert.deepEqual(summary, [
    'US-2.md frontmatter-schema error 5:9-5:16',
    'US-3.md frontmatter-unknown-key warning 6:1-6:5',
    'docs/my%20notes/US-2.md frontmatter-schema error 5:9-5:16',
  ]);
  assert.equal(run.results[0]!.message.text, APROVED_MESSAGE);
}
