#!/usr/bin/env node
// cost.mjs (`npm run bench:language-cost`): what the requirement-language rules add to a cold lint of the
// bench corpus (issue 13's budget: at most +10 %). The same build lints the same corpus twice, once with
// the rules at their defaults and once with every req-* rule turned off in the config (the engine then
// never reads a requirement), cold, `--format json`, and the CPU time (user + system, all threads) of
// each is compared.
//
// Why the two runs go side by side: on a shared machine, back-to-back runs of one build vary by a
// quarter, more than the effect measured. With two cores, both runs start together, each pinned to a
// core of its own (`taskset`, so each has one worker), and the cores are swapped every round; whatever
// the neighbours do then falls on both. Without taskset or a second core, the runs alternate.

import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeIntoBenchmarks } from '../lib/report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const HELP = `usage: npm run bench:language-cost -- [options]

  --corpus DIR   lint this folder (default: a generated corpus of --docs documents)
  --docs N       documents of the generated corpus (default 10000, seed 1, as npm run bench)
  --rounds N     pairs of runs (default 12)
  --no-write     print the result without writing BENCHMARKS.md
  --json         print one JSON line with the figures last
  -h, --help     this text
`;

let o;
try {
  o = parseArgs({
    args: process.argv.slice(2),
    options: {
      corpus: { type: 'string' },
      docs: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '12' },
      'no-write': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  process.stderr.write(`bench:language-cost: ${e.message}\n\n${HELP}`);
  process.exit(2);
}
if (o.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const rounds = Number(o.rounds);
if (!Number.isSafeInteger(rounds) || rounds < 1) {
  process.stderr.write(`bench:language-cost: --rounds needs a positive whole number, not '${o.rounds}'\n`);
  process.exit(2);
}
const cli = join(repo, 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  process.stderr.write(`bench:language-cost: ${cli} does not exist: run \`npm run build\` first.\n`);
  process.exit(2);
}
const GNU_TIME = '/usr/bin/time';
if (!existsSync(GNU_TIME)) {
  process.stderr.write(`bench:language-cost: ${GNU_TIME} (GNU time) is missing; install the "time" package.\n`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'pmdocs-language-cost-'));
try {
  const corpus = o.corpus ? resolve(o.corpus) : generate(join(work, 'corpus'), o.docs);
  // The rules: one docs page per rule (docs/rules/<id>.md), so the list needs no engine import.
  const ids = readdirSync(join(repo, 'docs', 'rules'))
    .filter((n) => /^req-.*\.md$/.test(n))
    .map((n) => n.slice(0, -3));
  const configs = {
    with: writeConfig(join(work, 'with.json'), {}),
    without: writeConfig(join(work, 'without.json'), Object.fromEntries(ids.map((id) => [id, 'off']))),
  };
  checkConfigs(configs);
  const pinned = availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  const cpu = { with: [], without: [] };
  for (let r = 0; r < rounds; r++) {
    // Swapped every round: which run gets core 0, and which starts first when they alternate.
    const order = r % 2 ? ['without', 'with'] : ['with', 'without'];
    const runs = pinned
      ? await Promise.all(order.map((k, core) => lint(corpus, configs[k], core)))
      : [await lint(corpus, configs[order[0]]), await lint(corpus, configs[order[1]])];
    order.forEach((k, i) => cpu[k].push(runs[i]));
    process.stderr.write(
      `round ${r + 1}/${rounds}: with ${runs[order.indexOf('with')].toFixed(2)} s, without ${runs[order.indexOf('without')].toFixed(2)} s\n`,
    );
  }
  const figures = summary(cpu, { ids, pinned, rounds, corpus: o.corpus ?? `generated, ${o.docs} documents, seed 1` });
  const md = markdown(figures);
  process.stdout.write(`${md}\n`);
  if (!o['no-write']) {
    writeIntoBenchmarks(join(repo, 'BENCHMARKS.md'), md, 'language-cost');
    process.stderr.write('bench:language-cost: BENCHMARKS.md updated (section "Requirement language").\n');
  }
  if (o.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function generate(dir, docs) {
  const r = spawnSync(process.execPath, [join(repo, 'bench', 'gen-corpus.mjs'), dir, '--docs', docs, '--seed', '1', '--force'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`gen-corpus failed: ${r.stderr}`);
  return dir;
}

/**
 * The two configs do what they say: on a PRD with a weak modal in a requirement, the first reports
 * req-* findings and the second none (so "without" is not measuring a run that still reads requirements).
 */
function checkConfigs(configs) {
  const dir = join(work, 'check');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'prd.md'),
    '---\ntype: prd\nid: PRD-1\ntitle: Check\nstatus: draft\nowner: "@a"\n---\n\n# Check\n\n## Requirements\n\n- The export should be fast.\n',
  );
  for (const [name, config] of Object.entries(configs)) {
    const r = spawnSync(process.execPath, [cli, 'lint', 'prd.md', '--format', 'json', '--config', config], { cwd: dir, encoding: 'utf8' });
    const ids = r.status === 0 || r.status === 1 ? JSON.parse(r.stdout).flatMap((f) => f.findings.map((x) => x.ruleId)) : [];
    const language = ids.filter((id) => id.startsWith('req-')).length;
    if (r.error || (r.status !== 0 && r.status !== 1) || (name === 'with') !== language > 0) {
      throw new Error(`the "${name}" config gave ${language} req-* findings on a PRD that has some (exit ${r.status}): ${r.stderr}`);
    }
  }
}

function writeConfig(file, rules) {
  writeFileSync(file, `${JSON.stringify({ rules }, null, 2)}\n`);
  return file;
}

/** CPU seconds (user + system) of one cold `pmdocs lint`, pinned to `core` when given. */
function lint(corpus, config, core) {
  const timeFile = join(work, `time-${core ?? 'x'}-${Math.random().toString(36).slice(2)}`);
  const argv = [process.execPath, cli, 'lint', '.', '--format', 'json', '--config', config];
  const pin = core === undefined ? [] : ['taskset', '-c', String(core)];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(GNU_TIME, ['-f', '%U %S', '-o', timeFile, ...pin, ...argv], { cwd: corpus, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`pmdocs lint exited ${code}: ${err.trim().split('\n').slice(-3).join(' / ')}`));
      const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      resolvePromise(user + system);
    });
  });
}

function summary(cpu, meta) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const ratios = cpu.with.map((w, i) => w / cpu.without[i]);
  const mean = sum(ratios) / ratios.length;
  const sd = Math.sqrt(sum(ratios.map((x) => (x - mean) ** 2)) / Math.max(1, ratios.length - 1));
  const sorted = [...ratios].sort((a, b) => a - b);
  return {
    ...meta,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    withS: cpu.with,
    withoutS: cpu.without,
    /** Growth of the summed CPU time, in %. */
    growthPct: (sum(cpu.with) / sum(cpu.without) - 1) * 100,
    pairMedianPct: (sorted[sorted.length >> 1] - 1) * 100,
    pairMeanPct: (mean - 1) * 100,
    /** Standard error of the pair mean, in percentage points. */
    pairSePct: (sd / Math.sqrt(ratios.length)) * 100,
    pairRangePct: [(sorted[0] - 1) * 100, (sorted[sorted.length - 1] - 1) * 100],
  };
}

function markdown(f) {
  const pct = (x) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)} %`;
  const s = (xs) => xs.reduce((a, b) => a + b, 0).toFixed(1);
  return [
    `Measured ${f.date} UTC by \`npm run bench:language-cost\`: a cold \`pmdocs lint . --format json\` of the bench corpus (${f.corpus}), with the ten \`req-*\` rules at their defaults and with all of them off in the config, ${f.rounds} pairs, ${f.pinned ? 'the two runs of a pair side by side, each pinned to a core of its own (so each lints in its main thread), cores and start order swapped every round' : 'the two runs of a pair one after the other, the order swapped every round'}. CPU time is user + system of all threads.`,
    '',
    '| | with the rules | without | growth |',
    '| --- | ---: | ---: | ---: |',
    `| CPU time, all ${f.rounds} runs | ${s(f.withS)} s | ${s(f.withoutS)} s | **${pct(f.growthPct)}** |`,
    `| pair by pair | | | median ${pct(f.pairMedianPct)}, mean ${pct(f.pairMeanPct)} ± ${f.pairSePct.toFixed(1)} (standard error), range ${pct(f.pairRangePct[0])} to ${pct(f.pairRangePct[1])} |`,
  ].join('\n');
}
