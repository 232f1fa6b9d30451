#!/usr/bin/env node
// run.mjs (`npm run bench`): pmdocs against its peers on the same generated files, in the same run.
// See BENCHMARKS.md for the method and `npm run bench -- --help` for the options.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, arch, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELP, options } from './lib/options.mjs';
import { checkGnuTime, timed } from './lib/measure.mjs';
import { ensurePeers, fingerprint, peerCommands, prepareCorpusRoot } from './lib/peers.mjs';
import { markdown, writeIntoBenchmarks } from './lib/report.mjs';
import { profileRun } from './lib/profile.mjs';
import { readReport, score, summarize } from './score.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repo = dirname(benchDir);
const root = join(benchDir, '.corpus'); // every tool runs here, on relative paths
const reports = join(root, 'reports');
const cli = join(repo, 'dist', 'cli.mjs');
const CORPUS_TIMEOUT_S = 1800;
const EDITED_FILES = 10; // issue 16: a re-run with --cache after editing this many files // a hung tool must not hang the bench; no tool needs this long on 10k
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

let o;
try {
  o = options(process.argv.slice(2));
} catch (e) {
  log(`${e.message}\n`);
  process.stderr.write(HELP);
  process.exit(2);
}
if (o.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

checkGnuTime();
if (!o.skipPmdocs && !existsSync(cli)) {
  log(`${cli} does not exist: the pmdocs CLI is not built. Run \`npm run build\` first (or pass --skip-pmdocs to time the peers only).`);
  process.exit(2);
}
const peers = o.skipPeers ? null : peerCommands(ensurePeers(benchDir, log));
prepareCorpusRoot(root, benchDir, Boolean(peers));
mkdirSync(reports, { recursive: true });

// pmdocs runs without whatever loader the caller's NODE_OPTIONS may carry, like the peers
const env = { ...process.env };
delete env.NODE_OPTIONS;

const results = {
  machine: {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    os: `${platform()} ${arch()}`,
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    memGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  },
  versions: { pmdocs: o.skipPmdocs ? null : pmdocsVersion(), peers: peers?.versions ?? null },
  corpora: [],
  big: [],
  /** Issue 16: the profiled 10k run, the warm re-lint, the editor under load (null: not run). */
  profile: null,
  relint: null,
  editor: null,
  /** Issue 17: the long fuzz run (null: not run). */
  fuzz: null,
  warnings: [],
};
log(`${results.machine.nproc} CPUs, Node ${results.machine.node}, load ${results.machine.load}, ${results.machine.date}`);

function pmdocsVersion() {
  const r = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8', env });
  const v = r.status === 0 ? r.stdout.trim().split('\n').pop() : '';
  return v || JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
}

function generate(name, args) {
  const dir = join(root, name);
  const r = spawnSync(process.execPath, [join(benchDir, 'gen-corpus.mjs'), dir, '--seed', o.seed, '--force', ...args], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`gen-corpus failed: ${r.stderr}`);
  // Each corpus is a workspace of its own: the generator reuses ids across corpora (same seed), and
  // pmdocs checks references and duplicate ids across the workspace of a .pmdocs.json.
  writeFileSync(join(dir, '.pmdocs.json'), '{}\n');
  log(r.stdout.trim());
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

const clearCache = () => rmSync(join(root, 'node_modules', '.cache', 'pmdocs'), { recursive: true, force: true });

/** One timed command; `ok` lists the exit codes that mean "ran and reported" (1 = findings). */
async function run(tag, argv, timeoutS, ok = [0, 1]) {
  const stdout = join(reports, `${tag}.out`);
  const stderr = join(reports, `${tag}.err`);
  const r = await timed(argv, { cwd: root, stdout, stderr, timeoutS, env });
  const out = { wallS: r.wallS, rssMiB: r.rssMiB, exitCode: r.exitCode, stdout, stderr };
  if (r.timedOut) Object.assign(out, { timedOut: true, limitS: timeoutS });
  else if (!ok.includes(r.exitCode)) {
    const why = readFileSync(stderr, 'utf8').trim().split('\n').slice(-3).join(' / ');
    out.failed = `exit ${r.exitCode}`;
    results.warnings.push(`${tag} exited ${r.exitCode}: ${why.slice(0, 300)}`);
  }
  log(
    `${tag}: ${out.timedOut ? `> ${timeoutS} s (timed out)` : `${r.wallS.toFixed(2)} s, ${Math.round(r.rssMiB)} MiB${out.failed ? `, FAILED (${out.failed})` : ''}`}`,
  );
  return out;
}

const pmdocs = (target, ...extra) => [process.execPath, cli, 'lint', target, '--format', 'json', ...extra];
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * Edits `n` clean files spread over the corpus (a sentence appended to the body), runs `fn`, and puts
 * every byte and modification time back, so that the corpus fingerprint still holds.
 */
async function withEditedFiles(dir, manifest, n, fn) {
  const clean = manifest.files.filter((f) => !f.defects.length);
  const step = Math.max(1, Math.floor(clean.length / n));
  const picked = clean.filter((_, i) => i % step === 0).slice(0, n);
  const saved = picked.map((f) => {
    const file = join(dir, f.path);
    const s = statSync(file);
    const text = readFileSync(file);
    writeFileSync(file, Buffer.concat([text, Buffer.from('\nEdited for the benchmark: one more sentence.\n')]));
    return { file, text, atime: s.atime, mtime: s.mtime };
  });
  try {
    return await fn();
  } finally {
    for (const { file, text, atime, mtime } of saved) {
      writeFileSync(file, text);
      utimesSync(file, atime, mtime);
    }
  }
}

/** `peerSet`: 'all', or 'rumdl' on the 50k corpus (remark-cli alone would take most of an hour there). */
async function measureCorpus(name, docs, runs, { peerSet = 'all', cacheRows = true } = {}) {
  const manifest = generate(name, ['--docs', String(docs)]);
  const c = { name, docs: manifest.files.length, bytes: manifest.totalBytes, rows: {}, accuracy: {} };
  results.corpora.push(c);
  const push = (key, r) => (c.rows[key] ??= []).push(r);
  let before = fingerprint(join(root, name));
  const checkUnchanged = () => {
    if (fingerprint(join(root, name)) !== before) throw new Error(`a tool modified the ${name} corpus: the measurement is void`);
  };
  for (let i = 1; i <= runs; i++) {
    if (!o.skipPmdocs) {
      clearCache();
      push('pmdocs-cold', await run(`${name}-pmdocs-cold-${i}`, pmdocs(name), CORPUS_TIMEOUT_S));
      if (cacheRows) {
        clearCache();
        push('pmdocs-cache-prime', await run(`${name}-pmdocs-cache-prime-${i}`, pmdocs(name, '--cache'), CORPUS_TIMEOUT_S));
        push('pmdocs-cached', await run(`${name}-pmdocs-cached-${i}`, pmdocs(name, '--cache'), CORPUS_TIMEOUT_S));
        // the cache filled by the runs above; then 10 files change, as after a small commit. Their bytes
        // are put back afterwards, their modification times to the millisecond: a new fingerprint then.
        checkUnchanged();
        const edited = await withEditedFiles(join(root, name), manifest, EDITED_FILES, () =>
          run(`${name}-pmdocs-edited-${i}`, pmdocs(name, '--cache'), CORPUS_TIMEOUT_S),
        );
        push('pmdocs-edited', edited);
        before = fingerprint(join(root, name));
      }
    }
    if (peers) {
      if (peerSet === 'all') {
        push('remark', await run(`${name}-remark-${i}`, peers.remark(name), CORPUS_TIMEOUT_S));
        push('markdownlint', await run(`${name}-markdownlint-${i}`, peers.markdownlint(name), CORPUS_TIMEOUT_S));
      }
      push('rumdl', await run(`${name}-rumdl-${i}`, peers.rumdl(name), CORPUS_TIMEOUT_S));
    }
  }
  checkUnchanged();

  const dir = join(root, name);
  if (!o.skipPmdocs) {
    const cold = readJson(c.rows['pmdocs-cold'][0].stdout);
    const cached = c.rows['pmdocs-cached'] ? readJson(c.rows['pmdocs-cached'][0].stdout) : null;
    if (!Array.isArray(cold)) results.warnings.push(`${name}: pmdocs did not print a JSON array; not scored`);
    else {
      if (cold.length === 0) results.warnings.push(`${name}: pmdocs linted no file at all`);
      else if (cold.length !== c.docs) results.warnings.push(`${name}: pmdocs reported ${cold.length} files, the corpus has ${c.docs}`);
      const s = score(manifest, readReport(cold, dir, root));
      writeFileSync(join(reports, `${name}-pmdocs-score.json`), JSON.stringify(s, null, 1));
      c.accuracy.pmdocs = summarize(s);
      const canon = (x) => JSON.stringify(readReport(x, dir, root), (k, v) => (v instanceof Map ? [...v].sort() : v));
      if (Array.isArray(cached) && canon(cached) !== canon(cold))
        results.warnings.push(`${name}: the --cache re-run reported other findings than the cold run`);
    }
  }
  if (peers && c.rows.remark) {
    const remark = readJson(c.rows.remark[0].stderr);
    if (Array.isArray(remark)) {
      const s = score(manifest, readReport(remark, dir, root));
      writeFileSync(join(reports, `${name}-remark-score.json`), JSON.stringify(s, null, 1));
      c.accuracy['remark-lint-frontmatter-schema'] = summarize(s);
    }
  }
}

async function measureBig(runs) {
  const manifest = generate('big', ['--docs', '16', '--big']);
  const dir = join(root, 'big');
  const before = fingerprint(dir);
  for (const f of manifest.files.filter((x) => x.big)) {
    const b = {
      id: f.id,
      path: f.path,
      bytes: f.bytes,
      ...(f.tableRows ? { tableRows: f.tableRows } : {}),
      ...(f.huge ? { huge: true } : {}),
      rows: {},
    };
    results.big.push(b);
    const target = `big/${f.path}`;
    if (!o.skipPmdocs) {
      for (let i = 1; i <= runs; i++) {
        clearCache();
        (b.rows['pmdocs-cold'] ??= []).push(await run(`big-${f.id}-pmdocs-${i}`, pmdocs(target), CORPUS_TIMEOUT_S));
      }
    }
    if (peers && f.tableRows) {
      b.rows.remark = [await run(`big-${f.id}-remark`, peers.remark(target), o.peerTimeoutS)];
      b.rows.markdownlint = [await run(`big-${f.id}-markdownlint`, peers.markdownlint(target), o.peerTimeoutS)];
    }
    if (peers && (f.tableRows || f.huge)) b.rows.rumdl = [await run(`big-${f.id}-rumdl`, peers.rumdl(target), o.peerTimeoutS)];
  }
  if (fingerprint(dir) !== before) throw new Error('a tool modified the big corpus: the measurement is void');
}

/** One more cold run of the corpus, under the CPU profiler: busy time per phase, main thread and workers. */
function measureProfile(name) {
  clearCache();
  log(`${name}: one more pmdocs run, under the CPU profiler …`);
  const p = profileRun(pmdocs(name), { cwd: root, dir: join(reports, `${name}-profile`), env, timeoutS: CORPUS_TIMEOUT_S });
  if (p.error) results.warnings.push(`${name}: the profiled run failed: ${p.error}`);
  else results.profile = { corpus: name, ...p };
}

/** bench/relint.ts: the warm re-lint of a 400-line PRD, in-process from the sources. */
function measureRelint() {
  log('warm re-lint of a 400-line PRD (bench/relint.ts) …');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, 'relint.ts'), '--json', '--docs', o.quick ? '200' : '1000'], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: CORPUS_TIMEOUT_S * 1000,
  });
  const line = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined;
  if (!line) return results.warnings.push(`bench/relint.ts failed (exit ${r.status}): ${(r.stderr ?? '').trim().slice(-300)}`);
  results.relint = JSON.parse(line);
  log(`re-lint: p50 ${results.relint.p50Ms.toFixed(2)} ms, p95 ${results.relint.p95Ms.toFixed(2)} ms`);
}

/**
 * bench/editor/run.mjs: typing while Validate Workspace runs, in a real VS Code host. It writes its own
 * section of BENCHMARKS.md (unless --no-write); its figures also go into the targets table.
 */
function measureEditor() {
  log(`editor under load (bench/editor/run.mjs, ${o.editorDocs} documents) …`);
  const args = ['--docs', String(o.editorDocs), ...(o.quick ? ['--bursts', '5'] : []), ...(o.write ? [] : ['--no-write'])];
  const r = spawnSync(process.execPath, [join(benchDir, 'editor', 'run.mjs'), ...args], {
    cwd: repo,
    stdio: ['ignore', 2, 'inherit'], // its log and its table on stderr: no buffer to overflow on a long run
    timeout: 2 * CORPUS_TIMEOUT_S * 1000,
  });
  const file = join(benchDir, '.editor', 'result.json');
  if (r.status !== 0 || !existsSync(file)) return results.warnings.push(`the editor bench failed (exit ${r.status ?? r.error?.message})`);
  results.editor = { docs: o.editorDocs, ...JSON.parse(readFileSync(file, 'utf8')) };
}

/** scripts/fuzz.ts: mutated documents through the engine, the fixes and the preview (issue 17). */
function measureFuzz() {
  log(`fuzz run of ${o.fuzzDocs} documents (scripts/fuzz.ts) …`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repo, 'scripts', 'fuzz.ts'), '--docs', String(o.fuzzDocs), '--seed', `bench-${o.seed}`, '--no-save', '--json'],
    {
      cwd: repo,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
      timeout: 4 * CORPUS_TIMEOUT_S * 1000,
    },
  );
  const line = (r.stdout ?? '').trim().split('\n').pop();
  if (!line?.startsWith('{')) return results.warnings.push(`the fuzz run failed (exit ${r.status ?? r.error?.message})`);
  results.fuzz = JSON.parse(line);
  log(`fuzz: ${results.fuzz.docs} documents, ${results.fuzz.failures.length} failures`);
}

const plan = o.quick
  ? [['quick', 200, 1]]
  : [
      ['1k', 1000, 3],
      ['10k', 10000, 1],
      // issue 16: nothing super-linear; pmdocs cold and rumdl only, the files deleted afterwards (~200 MB)
      ['50k', 50000, 1, { peerSet: 'rumdl', cacheRows: false, remove: true }],
    ];
for (const [name, docs, runs, how] of plan) {
  if (o.only && o.only !== name) continue;
  await measureCorpus(name, docs, o.quick ? 1 : (o.runs ?? runs), how);
  if (!o.skipProfile && name === (o.quick ? 'quick' : '10k')) measureProfile(name);
  if (how?.remove) rmSync(join(root, name), { recursive: true, force: true });
}
if (!o.quick && (!o.only || o.only === 'big')) await measureBig(o.runs ?? 3);
if (!o.skipRelint && !o.only) measureRelint();
if (!o.skipEditor && !o.only) measureEditor();
if (!o.skipFuzz && !o.only) measureFuzz();

writeFileSync(join(root, 'results.json'), JSON.stringify(results, null, 1));
const md = markdown(results);
process.stdout.write(`\n${md}\n`);
if (o.write) {
  writeIntoBenchmarks(join(repo, 'BENCHMARKS.md'), md);
  log('wrote the table into BENCHMARKS.md');
}
