// profile.mjs: where a pmdocs run's CPU goes (issue 16). One extra run of `pmdocs lint` under
// `node --cpu-prof` writes a profile per thread (the main thread and each worker); each sample's busy
// time is put into the first phase below whose test matches its call stack (outermost function first),
// so a YAML parse under indexEntry counts as index and one under the lint as front-matter parse, and a
// Markdown parse counts as parse whichever rule triggered it. Idle time is left out. The profiler adds
// its own cost: read the shares, not the seconds.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** [phase, test on the call stack]. Order matters: the first match wins. */
export const PHASES = [
  [
    'config: load, validate (ajv compile)',
    (st) => st.includes('checkConfig') || st.includes('resolveConfig') || st.includes('compileSchema'),
  ],
  ['index: front matter of every document', (st) => st.includes('indexEntry')],
  ['parse: front matter YAML (lint)', (st) => st.includes('parseFrontMatter')],
  ['parse: Markdown body', (st) => st.includes('parseMarkdownTree') || st.includes('get root')],
  ['schema: front matter validation', (st) => st.includes('reportSchemaProblems') || st.includes('get schemaProblems')],
  ['rules: requirement language (req-*)', (st) => st.includes('requirementUnits') || st.some((f) => /^req|findTerms|tokenize/.test(f))],
  [
    'cross-document (index lookups, queries)',
    (st) => st.includes('recordQueries') || st.includes('resolveRef') || st.includes('createWorkspaceIndex') || st.includes('queryAnswers'),
  ],
  ['rules: other', (st) => st.includes('check')],
  ['lint: engine set-up, line index, other', (st) => st.includes('lintText')],
  [
    'worker start-up (module load, engine)',
    (st) => st.some((f) => /compileSourceTextModule|moduleEvaluation|createEngine|^evaluate$/.test(f)),
  ],
  [
    'discover: walk, glob, stat',
    (st) => st.some((f) => /discover|expand|fileLister|indexScopes|crawl|^stat$|lstat|scandir|readdir/.test(f)),
  ],
  ['read files', (st) => st.some((f) => /readText|readFiles|readAgain|textOf|^read$|^open$|^close$|^fstat$|readBounded/.test(f))],
  ['report (JSON)', (st) => st.some((f) => /^json$|report|formatter/.test(f))],
  ['messages between threads', (st) => st.some((f) => /postMessage|dispatch|onMessage|deserialize|serialize/.test(f))],
  ['garbage collection', (st) => st.at(-1) === '(garbage collector)'],
];

/**
 * Runs `argv` (node and its arguments, without the profiler flags) in `cwd` with the CPU profiler on,
 * writing the profiles into `dir`; returns the breakdown, or { error } when the run failed.
 */
export function profileRun(argv, { cwd, dir, env, timeoutS }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [node, ...rest] = argv;
  const r = spawnSync(node, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...rest], {
    cwd,
    env,
    timeout: timeoutS * 1000,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error || (r.status !== 0 && r.status !== 1))
    return { error: `exit ${r.status ?? r.error?.message}: ${(r.stderr ?? '').slice(-300)}` };
  return breakdown(dir);
}

/** Busy seconds per phase on the main thread and on the workers, over every profile in `dir`. */
export function breakdown(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  const totals = new Map();
  let busyUs = 0;
  let threads = 0;
  for (const f of files) {
    // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the main thread
    const isMain = /\.\d+\.0\.\d+\.cpuprofile$/.test(f);
    threads++;
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map();
    p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    for (const [id, us] of self) {
      const stack = [];
      for (let n = id; n !== undefined; n = parent.get(n)) stack.unshift(byId.get(n).callFrame.functionName);
      if (stack.at(-1) === '(idle)' || stack.at(-1) === '(program)') continue;
      busyUs += us;
      const phase = (PHASES.find(([, test]) => test(stack)) ?? ['other'])[0];
      const t = totals.get(phase) ?? { mainS: 0, workersS: 0 };
      t[isMain ? 'mainS' : 'workersS'] += us / 1e6;
      totals.set(phase, t);
    }
  }
  const rows = [...totals]
    .map(([phase, t]) => ({ phase, ...t, share: (t.mainS + t.workersS) / (busyUs / 1e6) }))
    .sort((a, b) => b.mainS + b.workersS - a.mainS - a.workersS);
  return { threads, busyS: busyUs / 1e6, rows };
}

const fixed = (x, d) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** The breakdown as a Markdown table. */
export function profileTable(p) {
  return [
    '| phase | main thread s | workers s | share |',
    '| --- | ---: | ---: | ---: |',
    ...p.rows.map((r) => `| ${r.phase} | ${fixed(r.mainS, 2)} | ${fixed(r.workersS, 2)} | ${fixed(100 * r.share, 1)} % |`),
    `| all (busy, profiler on; ${p.threads} threads) | | | ${fixed(p.busyS, 1)} s |`,
  ];
}
