// Real changelogs through the changelog rules (`npm run bench:changelogs [-- roots…] [--show N]`):
// every CHANGELOG.md / CHANGES.md / HISTORY.md below the roots (default: node_modules and the bench
// peers' node_modules), linted in-process one at a time. Prints, per rule, how many files it flags
// (all files, and those that declare Keep a Changelog), the slowest file (fastest of three runs), and exits 1 if a file
// crashed a rule or took more than 100 ms. `--show N` prints the findings of N files for checking by hand.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { localIsoDate } from '../src/core/localDate.js';

const LIMIT_MS = 100;
const NAMES = /^(changelog|changes|history)\.md$/i;
const repo = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 0;
const roots = args.filter((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1));
const searched = roots.length ? roots : [join(repo, 'node_modules'), join(repo, 'bench/peers/node_modules')].filter(existsSync);

function find(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    let s;
    try {
      s = statSync(p);
    } catch {
      continue;
    }
    if (s.isDirectory()) find(p, out);
    else if (NAMES.test(n) && s.size < 5_000_000) out.push(p);
  }
  return out;
}

// One file per package version: hard-linked copies of node_modules hold the same file more than once.
const seen = new Set<string>();
const files = searched
  .flatMap((r) => find(r))
  .sort()
  .filter((f) => {
    const key = `${statSync(f).ino}:${statSync(f).size}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
const engine = createEngine();
const today = localIsoDate(new Date());
const changelogRules = engine.rules.filter((r) => r.id.startsWith('changelog-')).map((r) => r.id);
const flagged: Record<string, { all: number; kac: number; findings: number }> = Object.fromEntries(
  changelogRules.map((id) => [id, { all: 0, kac: 0, findings: 0 }]),
);
let kacFiles = 0;
let crashes = 0;
let slowest = { ms: 0, file: '' };
const tooSlow: string[] = [];
const shown: string[] = [];

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const kac = /keep\s*a\s*change\s*log|keepachangelog\.com/i.test(text);
  if (kac) kacFiles++;
  engine.lint(text, { path: file, today }); // warm-up: the first lint of a process pays for loading
  // The fastest of three runs: on a shared machine one run can be stalled by other processes.
  let ms = Infinity;
  let result = engine.lint(text, { path: file, today });
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    result = engine.lint(text, { path: file, today });
    ms = Math.min(ms, performance.now() - t0);
  }
  if (ms > slowest.ms) slowest = { ms, file };
  if (ms > LIMIT_MS) tooSlow.push(`${relative(repo, file)} (${ms.toFixed(1)} ms)`);
  const failed = result.findings.filter((f) => f.message.startsWith(`Rule '`) && f.message.includes('failed on this document'));
  crashes += failed.length;
  for (const f of failed) process.stderr.write(`crash: ${relative(repo, file)}: ${f.message}\n`);
  const byRule = new Map<string, number>();
  for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  for (const [id, n] of byRule) {
    const row = flagged[id];
    if (!row) continue;
    row.all++;
    if (kac) row.kac++;
    row.findings += n;
  }
  if (shown.length < show && result.findings.length) {
    shown.push(
      `\n### ${relative(repo, file)}${kac ? ' (declares Keep a Changelog)' : ''}\n\n${result.findings.map((f) => `- ${f.line}:${f.column} ${f.severity} ${f.ruleId}: ${f.message}`).join('\n')}`,
    );
  }
}

const lines = [
  `${files.length} changelog files (${kacFiles} declare Keep a Changelog) under ${searched.map((r) => relative(repo, r) || '.').join(', ')}; today = ${today}.`,
  '',
  '| rule | files flagged (all) | of those declaring Keep a Changelog | findings |',
  '|---|---:|---:|---:|',
  ...changelogRules.map((id) => `| \`${id}\` | ${flagged[id]!.all} | ${flagged[id]!.kac} | ${flagged[id]!.findings} |`),
  '',
  `Slowest file: ${slowest.file ? `${relative(repo, slowest.file)}, ${slowest.ms.toFixed(1)} ms` : 'none'}; files over ${LIMIT_MS} ms: ${tooSlow.length}; rule crashes: ${crashes}.`,
];
process.stdout.write(`${lines.join('\n')}\n${shown.join('\n')}\n`);
for (const s of tooSlow) process.stderr.write(`too slow: ${s}\n`);
process.exit(crashes || tooSlow.length ? 1 : 0);
