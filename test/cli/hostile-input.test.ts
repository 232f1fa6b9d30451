// Issue 17's red-team table, one test per row (named after it): each failed before its fix. The CLI runs
// in-process through main() on a temporary folder, or as the built binary where the row is about the
// process itself (pipes, stderr).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { createNodeHost } from '../../src/cli/nodeHost.js';
import { createEngine } from '../../src/core/engine.js';
import { configureLimits } from '../../src/core/limits.js';

const repo = join(import.meta.dirname, '../..');
const cli = join(repo, 'dist/cli.mjs');
let root = '';
let n = 0;

before(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'pmdocs-hostile-')));
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding these files. */
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function run(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd: dir,
    host: createNodeHost(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { PMDOCS_WORKERS: '0', ...env },
  });
  return { code, stdout, stderr };
}

const story = (fm = '', body = '- [ ] The export holds every invoice.\n') => `---
type: user-story
id: US-1
title: Export invoices
status: draft
${fm}---

# Export invoices

## Story

As a finance admin, I want to export invoices as CSV, so that I can reconcile them.

## Acceptance criteria

${body}`;

const runs = (args: string[], options: { cwd: string; input?: string; env?: Record<string, string> }) =>
  spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PMDOCS_WORKERS: '0', ...options.env },
  });

test('row: a Markdown file that is a symlink to /dev/zero or /dev/urandom, named on the command line', async () => {
  const dir = folder({ 'ok.md': story() });
  symlinkSync('/dev/zero', join(dir, 'zero.md'));
  symlinkSync('/dev/urandom', join(dir, 'random.md'));
  const r = await run(dir, ['lint', 'zero.md', 'random.md', 'ok.md']);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    'pmdocs: cannot read random.md: it is a character device; pmdocs reads only regular files\npmdocs: cannot read zero.md: it is a character device; pmdocs reads only regular files\n',
  );
});

test('row: a FIFO named like a Markdown file', async () => {
  const dir = folder({ 'ok.md': story() });
  execFileSync('mkfifo', [join(dir, 'pipe.md')]);
  const named = await run(dir, ['lint', 'pipe.md']);
  assert.equal(named.code, 2);
  assert.equal(named.stderr, 'pmdocs: cannot read pipe.md: it is a FIFO; pmdocs reads only regular files\n');
  // Found through a folder: the walk lists regular files only, so the FIFO is never opened.
  const found = await run(dir, ['lint', '.']);
  assert.deepEqual([found.code, found.stderr], [0, '']);
});

test('row: front matter with a block sequence 1,000–2,500 levels deep (twice in one process)', () => {
  const engine = createEngine();
  for (const depth of [1000, 2500]) {
    let fm = 'x:\n';
    for (let i = 0; i < depth; i++) fm += `${' '.repeat(2 * i)}- \n`;
    const text = story(fm);
    // The editor lints on every pause in typing: the second lint of the same text used to be fatal.
    for (let round = 0; round < 2; round++) {
      const findings = engine.lint(text).findings;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.line]),
        [['input-limit', 70]],
      );
      assert.match(
        findings[0]!.message,
        /^The front matter nests more than 64 levels deep here and was not read\. Flatten it, or raise the 'yamlDepth' limit \(PMDOCS_LIMITS=yamlDepth=N/,
      );
    }
  }
  const compact = engine.lint(story(`x:\n  ${'- '.repeat(3000)}a\n`)).findings;
  assert.deepEqual(
    compact.map((f) => [f.ruleId, f.line]),
    [['input-limit', 7]],
  );
  const flow = engine.lint(story(`x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).findings;
  assert.deepEqual(
    flow.map((f) => f.ruleId),
    ['input-limit'],
  );
});

test('row: a list nested from about 1,150 levels deep (2.3 KB) in a story', () => {
  const engine = createEngine();
  let deep = '';
  for (let i = 0; i < 1200; i++) deep += `${'  '.repeat(i)}- [ ] level ${i}\n`;
  const findings = engine.lint(story('', deep)).findings;
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.line]),
    [['input-limit', 116]],
  );
  assert.match(
    findings[0]!.message,
    /^Lists or block quotes nest more than 100 levels deep here; the lines past that depth were not checked\./,
  );
  // One line of 500,000 list markers (1 MB): a finding, not a parse that never ends.
  const line = engine.lint(story('', `${'- '.repeat(500_000)}x\n`)).findings;
  assert.deepEqual(
    line.map((f) => f.ruleId),
    ['acceptance-criteria', 'input-limit'],
  );
  // Block quotes: the acceptance criteria are the blanked line, so that rule rightly finds none.
  const quotes = engine.lint(story('', `${'>'.repeat(50_000)} x\n`)).findings;
  assert.deepEqual(
    quotes.map((f) => f.ruleId),
    ['acceptance-criteria', 'input-limit'],
  );
  assert.ok(quotes.every((f) => !/Please report/.test(f.message)));
});

test('row: a deeply nested .pmdocs.json or schema', async () => {
  const deep = `{ "rules": ${'['.repeat(20000)}${']'.repeat(20000)} }`;
  const dir = folder({ '.pmdocs.json': deep, 'a.md': story() });
  const r = await run(dir, ['lint', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^pmdocs: \.pmdocs\.json:1:139: Not valid JSON: objects and arrays nest more than 128 levels deep here; flatten them, or raise the 'jsonDepth' limit/,
  );
  assert.doesNotMatch(r.stderr, /call stack/);
  const limited = await run(dir, ['lint', 'a.md'], { PMDOCS_LIMITS: 'jsonDepth=30000' });
  assert.doesNotMatch(limited.stderr, /nest more than/);
  configureLimits({});
});

test('row: front-matter keys named like Object.prototype members in a type that closes its keys', () => {
  const names = [
    'toString',
    'constructor',
    '__proto__',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    'propertyIsEnumerable',
    'toLocaleString',
    '__defineGetter__',
    '__lookupSetter__',
  ];
  const findings = createEngine().lint(story(names.map((k, i) => `${k}: ${i}\n`).join(''))).findings;
  const unknown = findings.filter((f) => f.ruleId === 'frontmatter-unknown-key').map((f) => f.message.match(/^Unknown key '([^']+)'/)?.[1]);
  assert.deepEqual(unknown, names);
});

test('row: terminal escape sequences (ESC ]0;…, ESC [2J) in a front-matter value', async () => {
  const dir = folder({ 'a.md': story().replace('status: draft', 'status: "\x1b]0;owned\x07\x1b[2Jdraft"') });
  for (const format of ['stylish', 'github']) {
    const r = await run(dir, ['lint', '--format', format, 'a.md']);
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('\x1b') && !r.stdout.includes('\x07'), format);
    assert.match(r.stdout, /\\x1b\]0;owned\\x07\\x1b\[2Jdraft/, format);
  }
  const json = await run(dir, ['lint', '--format', 'json', 'a.md']);
  assert.match(json.stdout, /\\u001b\]0;owned\\u0007\\u001b\[2Jdraft/, 'JSON keeps the exact text');
});

test('row: file names holding ESC, a newline, "<>"', async () => {
  const name = 'a\x1b[2J\nb"<>,:%.md';
  const dir = folder({ [name]: story('ownr: x\n') });
  const stylish = await run(dir, ['lint', '.']);
  assert.equal(stylish.code, 0);
  assert.ok(stylish.stdout.includes('\na\\x1b[2J\\x0ab"<>,:%.md\n'), stylish.stdout);
  const github = await run(dir, ['lint', '--format', 'github', '.']);
  assert.ok(github.stdout.startsWith('::warning file=a\\x1b[2J%0Ab"<>%2C%3A%25.md,line=6,'), github.stdout);
});

test('row: file names holding a byte that is not UTF-8', async () => {
  const dir = folder({ 'plain.md': story() });
  // Two files whose names differ only in such a byte: Node decodes both as `caf\uFFFD.md`.
  const named = (byte: number) => Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([byte]), Buffer.from('.md')]);
  writeFileSync(named(0xe9), story('ownr: x\n').replace('US-1', 'US-2'));
  writeFileSync(named(0xff), story('ownr: y\n').replace('US-1', 'US-3'));
  const stylish = await run(dir, ['lint', '.']);
  assert.equal(stylish.stderr, '');
  assert.equal(stylish.code, 0);
  assert.ok(stylish.stdout.includes('\ncaf\\xe9.md\n') && stylish.stdout.includes('\ncaf\\xff.md\n'), stylish.stdout);
  assert.ok(!stylish.stdout.includes('\uFFFD'));
  const github = await run(dir, ['lint', '--format', 'github', '.']);
  assert.ok(github.stdout.includes('::warning file=caf\\xe9.md,line=6,') && github.stdout.includes('::warning file=caf\\xff.md,line=6,'));
  // JSON: the name as a string with each such byte as the lone surrogate U+DC00 + byte (written \udcNN).
  const json = await run(dir, ['lint', '--format', 'json', '.']);
  assert.deepEqual(
    (JSON.parse(json.stdout) as { filePath: string }[]).map((r) => r.filePath),
    ['caf\udce9.md', 'caf\udcff.md', 'plain.md'],
  );
  assert.ok(json.stdout.includes('"caf\\udce9.md"'));
  // On workers (which read the files themselves) the same names are read and the same findings reported.
  assert.deepEqual(await run(dir, ['lint', '--format', 'json', '.'], { PMDOCS_WORKERS: '2' }), json);
  const sarif = await run(dir, ['lint', '--format', 'sarif', '.']);
  const uris = (
    JSON.parse(sarif.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }
  ).runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
  assert.deepEqual(uris.sort(), ['caf%E9.md', 'caf%FF.md']);
  // Named on the command line (Node hands the argument over with U+FFFD): both files it may mean are linted.
  const explicit = await run(dir, ['lint', 'caf\uFFFD.md']);
  assert.equal(explicit.code, 0, explicit.stderr);
  assert.ok(explicit.stdout.includes('\ncaf\\xe9.md\n') && explicit.stdout.includes('\ncaf\\xff.md\n'), explicit.stdout);
  // --fix writes the right file back, under its own name.
  writeFileSync(named(0xe9), story().replace('US-1', 'US-2').replace('status: draft', 'status: Draft'));
  const fixed = await run(dir, ['lint', '--fix', '.']);
  assert.equal(
    fixed.stderr,
    "pmdocs: fixed caf\\xe9.md:5:9 frontmatter-schema: Replace with 'draft'\n" +
      "pmdocs: fixed caf\\xff.md:6:1 frontmatter-unknown-key: Rename to 'owner'\n" +
      'pmdocs: fixed 2 problems in 2 files\n',
  );
  assert.match(readFileSync(named(0xe9), 'utf8'), /\nstatus: draft\n/);
  assert.deepEqual(readdirSync(dir, { encoding: 'buffer' }).length, 3, 'no file added or renamed');
});

test('row: pmdocs rules | head -1 (stdout closed early)', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" rules | head -1; exit "\${PIPESTATUS:-0}"`], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^acceptance-criteria /);
  const lint = spawnSync(
    'sh',
    [
      '-c',
      `"${process.execPath}" "${cli}" lint --format json examples >/dev/null; "${process.execPath}" "${cli}" lint --format json examples | head -c 10 >/dev/null`,
    ],
    { cwd: repo, encoding: 'utf8' },
  );
  assert.equal(lint.stderr, '');
});

test('row: front matter with a complex (collection) key', () => {
  const dir = folder({ 'a.md': story('? [a, b]\n: x\n') });
  const r = runs(['lint', 'a.md'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /6:3 +error +YAML syntax error: this key is a list; front-matter keys must be plain text/);
});

test('row: --fix on a file with mode 600, a hard-linked file, an ISO-8859-1 file, a symlink named on the command line', async () => {
  const broken = story().replace('status: draft', 'status: drafft');
  const dir = folder({ 'private.md': broken, 'linked.md': broken, 'real/target.md': broken });
  chmodSync(join(dir, 'private.md'), 0o600);
  linkSync(join(dir, 'linked.md'), join(dir, 'other-name.md'));
  symlinkSync('real/target.md', join(dir, 'link.md'));
  const latin1 = Buffer.from(story('x-note: caf\xe9\n').replace('status: draft', 'status: drafft'), 'latin1');
  writeFileSync(join(dir, 'latin1.md'), latin1);
  const outside = folder({ 'far.md': broken });
  symlinkSync(join(outside, 'far.md'), join(dir, 'far-link.md'));

  const r = await run(dir, ['lint', '--fix', 'private.md', 'linked.md', 'link.md', 'latin1.md', 'far-link.md']);
  const fixed = broken.replace('status: drafft', 'status: draft');
  assert.equal(statSync(join(dir, 'private.md')).mode & 0o777, 0o600);
  assert.equal(readFileSync(join(dir, 'private.md'), 'utf8'), fixed);
  assert.equal(readFileSync(join(dir, 'other-name.md'), 'utf8'), fixed, 'the hard link still shares the file');
  assert.equal(statSync(join(dir, 'linked.md')).nlink, 2);
  assert.equal(readFileSync(join(dir, 'real/target.md'), 'utf8'), fixed, 'written through the symlink');
  assert.ok(statSync(join(dir, 'link.md'), { throwIfNoEntry: true }) && readFileSync(join(dir, 'link.md'), 'utf8') === fixed);
  assert.equal(execFileSync('readlink', [join(dir, 'link.md')], { encoding: 'utf8' }).trim(), 'real/target.md');
  assert.deepEqual(readFileSync(join(dir, 'latin1.md')), latin1, 'the Latin-1 file is untouched');
  assert.match(r.stdout, /latin1\.md\n {2}1:1 +warning +Not fixed: the file is not valid UTF-8/);
  assert.equal(readFileSync(join(outside, 'far.md'), 'utf8'), broken, 'nothing written outside the folder');
  assert.match(r.stderr, /cannot write far-link\.md: it is a symbolic link to .*far\.md, outside .*; pmdocs does not write there/);
  assert.equal(r.code, 2);
});

// --- workspace configs and schemas ---------------------------------------------------------------------

const adrDoc = (decider: string) => `---\ntype: adr\ndecider: "${decider}"\n---\n\n# ADR\n`;
const adrConfig = (schema: string) => JSON.stringify({ docTypes: { adr: { schema } } }, null, 2);

test('row: a workspace schema path that points at a device file', async () => {
  const dir = folder({ 'docs/.pmdocs.json': adrConfig('adr.schema.json'), 'docs/a.md': adrDoc('x') });
  symlinkSync('/dev/zero', join(dir, 'docs/adr.schema.json'));
  const r = await run(dir, ['lint', 'docs/a.md']);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^pmdocs: docs\/\.pmdocs\.json:4:17: Doc type 'adr' is not available: its schema file 'adr\.schema\.json' could not be read: it is a character device; pmdocs reads only regular files/,
  );
});

test('row: a workspace schema whose pattern is catastrophic (nested quantifiers)', async () => {
  const schema = { type: 'object', properties: { type: { const: 'adr' }, decider: { type: 'string', pattern: '^(a+)+$' } } };
  const dir = folder({
    '.pmdocs.json': adrConfig('adr.schema.json'),
    'adr.schema.json': JSON.stringify(schema),
    'a.md': adrDoc(`${'a'.repeat(40)}!`),
  });
  const r = await run(dir, ['lint', 'a.md']);
  // Runs on a linear-time engine: answered at once (the backtracking engine never finished on 40 characters).
  assert.equal(r.code, 1);
  assert.match(r.stdout, /decider 'a{40}!' does not match/);
  const lookahead = folder({
    '.pmdocs.json': adrConfig('adr.schema.json'),
    'adr.schema.json': JSON.stringify({ ...schema, properties: { decider: { pattern: '^(?=a)\\1' } } }),
    'a.md': adrDoc('a'),
  });
  const refused = await run(lookahead, ['lint', 'a.md']);
  assert.equal(refused.code, 2);
  assert.match(
    refused.stderr,
    /^pmdocs: adr\.schema\.json:1:53: Doc type 'adr': the pattern "\^\(\?=a\)\\\\1" cannot be used \(invalid or unsupported Perl syntax: `\(\?=`\): pmdocs runs workspace patterns on a linear-time engine, without lookaround or backreferences\.\n/,
  );
});

test('row: a workspace schema path or $ref outside the workspace (../../../../etc/passwd, an absolute path)', async () => {
  const secret = folder({ 'secret.json': '{ "title": "TOKEN-12345" }' });
  for (const schema of ['../../../../etc/passwd', join(secret, 'secret.json')]) {
    const dir = folder({ '.pmdocs.json': adrConfig(schema), 'a.md': adrDoc('x') });
    const r = await run(dir, ['lint', 'a.md']);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^pmdocs: \.pmdocs\.json:4:17: Doc type 'adr' is not available: its schema file '.*' points outside the workspace \(.* is not inside .*\); pmdocs reads schemas only from the config's folder\. Copy the schema into it, or allow outside schemas for your own runs with PMDOCS_ALLOW_OUTSIDE_SCHEMAS=1/,
    );
    assert.doesNotMatch(r.stderr + r.stdout, /TOKEN-12345|root:/);
  }
  const viaRef = folder({
    '.pmdocs.json': adrConfig('adr.schema.json'),
    'adr.schema.json': JSON.stringify({ type: 'object', properties: { decider: { $ref: join(secret, 'secret.json') } } }),
    'a.md': adrDoc('x'),
  });
  const r = await run(viaRef, ['lint', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^pmdocs: adr\.schema\.json:1:50: Doc type 'adr': "\$ref": ".*secret\.json" points outside the workspace/);
  assert.doesNotMatch(r.stderr + r.stdout, /TOKEN-12345/);
  // The user (not the repository) may allow it.
  const allowed = await run(viaRef, ['lint', 'a.md'], { PMDOCS_ALLOW_OUTSIDE_SCHEMAS: '1' });
  assert.doesNotMatch(allowed.stderr, /outside the workspace/);
  await run(viaRef, ['lint', 'a.md']); // back to the default for the tests that follow
});

test('row: a schema with a malformed $ref URI', async () => {
  const dir = folder({
    '.pmdocs.json': adrConfig('adr.schema.json'),
    'adr.schema.json': '{\n  "type": "object",\n  "properties": { "decider": { "$ref": "defs%zz.json" } }\n}\n',
    'a.md': adrDoc('x'),
    'b.md': story().replace('status: draft', 'status: drafft'),
  });
  const r = await run(dir, ['lint', 'a.md', 'b.md']);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    `pmdocs: adr.schema.json:3:40: Doc type 'adr': "$ref": "defs%zz.json" is not a valid URI reference (a '%' must start an escape such as %20).\n`,
  );
  assert.match(r.stdout, /b\.md\n {2}5:9 +error +status 'drafft'/, 'the other documents are still reported');
});

// --- the cache -----------------------------------------------------------------------------------------

async function cachedFolder(): Promise<string> {
  const dir = folder({ '.pmdocs.json': '{ "rules": {} }', 'a.md': story().replace('status: draft', 'status: drafft') });
  const first = await run(dir, ['lint', '--cache', 'a.md']);
  assert.equal(first.code, 1);
  return dir;
}
const cacheFile = (dir: string, name: string) => join(dir, 'node_modules/.cache/pmdocs', name);

test('row: a cache in node_modules/.cache/pmdocs whose config record excludes everything', async () => {
  const dir = await cachedFolder();
  const configs = JSON.parse(readFileSync(cacheFile(dir, 'configs.json'), 'utf8'));
  for (const record of Object.values(configs.records) as { exclude?: string[] }[]) record.exclude = ['**'];
  writeFileSync(cacheFile(dir, 'configs.json'), JSON.stringify(configs));
  const r = await run(dir, ['lint', '--cache', '.']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /a\.md\n {2}5:9 +error +status 'drafft'/);
});

test('row: a cache with entries of the wrong shape (nulls, numbers)', async () => {
  const dir = await cachedFolder();
  const files = JSON.parse(readFileSync(cacheFile(dir, 'files.json'), 'utf8'));
  for (const record of Object.values(files.records) as { result: { findings: unknown[] } }[])
    record.result.findings = [null, 42, { line: null }];
  files.records['b.md'] = null;
  files.records['__proto__'] = 7;
  writeFileSync(cacheFile(dir, 'files.json'), JSON.stringify(files));
  const r = await run(dir, ['lint', '--cache', 'a.md']);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /a\.md\n {2}5:9 +error +status 'drafft'/);
  // Rebuilt: the next run is answered by a well-formed record.
  const again = await run(dir, ['lint', '--cache', 'a.md'], { PMDOCS_DEBUG: 'stats' });
  assert.match(again.stderr, /linted=0 cached=1/);
});

test('row: a cache whose config record names a device file as a source', async () => {
  const dir = await cachedFolder();
  const configs = JSON.parse(readFileSync(cacheFile(dir, 'configs.json'), 'utf8'));
  for (const record of Object.values(configs.records) as { sources: Record<string, string | null> }[]) record.sources['/dev/zero'] = 'x';
  writeFileSync(cacheFile(dir, 'configs.json'), JSON.stringify(configs));
  const r = await run(dir, ['lint', '--cache', 'a.md']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /status 'drafft'/);
});

test('row: pmdocs new prd "…" with no $USER', async () => {
  // No --owner, no PMDOCS_OWNER, no git user.name (HOME is an empty folder), no login name.
  const dir = folder({ 'home/.keep': '' });
  const r = await run(dir, ['new', 'prd', 'Invoice export'], { HOME: join(dir, 'home') });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--owner/);
  assert.deepEqual(readdirSync(dir).sort(), ['home'], 'no document written');
  const given = await run(dir, ['new', 'prd', 'Invoice export', '--owner', '@maria'], { HOME: join(dir, 'home') });
  assert.equal(given.code, 0, given.stderr);
});
