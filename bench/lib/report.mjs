// report.mjs: turns the measured runs into the Markdown that `npm run bench` prints and writes into
// BENCHMARKS.md between <!-- bench:start --> and <!-- bench:end -->.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { median } from './measure.mjs';
import { profileTable } from './profile.mjs';

export const LABEL = {
  'pmdocs-cold': 'pmdocs lint, cold (no cache)',
  'pmdocs-cache-prime': 'pmdocs lint --cache, first run (fills the cache)',
  'pmdocs-cached': 'pmdocs lint --cache, unchanged re-run',
  'pmdocs-edited': 'pmdocs lint --cache, re-run after editing 10 files',
  remark: 'remark-cli + remark-lint-frontmatter-schema',
  markdownlint: 'markdownlint-cli2 (defaults, style only)',
  rumdl: 'rumdl check --no-cache (defaults, style only)',
};

/** The peers' numbers measured on this machine kind before the project started (shared/bench/README.md). */
export const REFERENCE_10K = { remark: { wallS: 183.6, rssMiB: 2858 }, markdownlint: { wallS: 65.6, rssMiB: 447 } };
/** "A few seconds" for the 8,700-row table document, made a number. */
export const TABLE_DOC_LIMIT_S = 5;
/** Issue 16: peak RSS on 10k, the big files alone, 50k against 10k. */
export const RSS_LIMIT_MIB = 200;
export const BIG_FILE_LIMIT_S = 1;
export const SCALE_50K_LIMIT = 5.5;
/** Issue 16, item 4: the editor under load, and a warm re-lint of a 400-line PRD. */
export const KEYSTROKE_P95_LIMIT_MS = 250;
export const STALL_LIMIT_MS = 50;
export const RELINT_P95_LIMIT_MS = 5;

const num = (x, digits) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const secs = (s) => (s < 10 ? num(s, 2) : num(s, 1));
const mib = (bytes) => `${num(bytes / 1048576, 1)} MiB`;

/** Median wall time and peak RSS of a row's runs, or why there is none. */
export function summary(runs) {
  if (!runs?.length) return null;
  const failed = runs.find((r) => r.failed);
  if (failed) return { failed: failed.failed };
  const timedOut = runs.find((r) => r.timedOut);
  if (timedOut) return { timedOut: true, limitS: timedOut.limitS, runs: runs.length };
  return { wallS: median(runs.map((r) => r.wallS)), rssMiB: median(runs.map((r) => r.rssMiB)), runs: runs.length };
}

/** runs, wall, files/s (– when `files` is null: one big file), peak RSS */
function cells(s, files) {
  if (!s) return ['–', '–', '–', '–'];
  if (s.failed) return [String(s.runs ?? 1), `failed: ${s.failed}`, '–', '–'];
  if (s.timedOut) return [String(s.runs), `> ${s.limitS} s`, files ? `< ${num(files / s.limitS, 1)}` : '–', '–'];
  const rate = files / s.wallS;
  return [String(s.runs), secs(s.wallS), files ? num(rate, rate >= 100 ? 0 : 1) : '–', num(s.rssMiB, 0)];
}

const ratio = (a, b) => (a && b && Number.isFinite(a) && Number.isFinite(b) ? a / b : NaN);
const showRatio = (r) => (!Number.isFinite(r) ? '–' : r < 1 ? `${num(r, 3)} (1/${num(1 / r, 1)})` : `${num(r, 3)} (${num(r, 1)}×)`);

function targets(results) {
  const c = results.corpora.find((x) => x.name === '10k');
  const s = (k) => (c ? summary(c.rows[k]) : null);
  const cold = s('pmdocs-cold');
  const cached = s('pmdocs-cached');
  const peer = (k, field) => {
    const m = s(k);
    if (m?.wallS) return { value: m[field], source: 'same run' };
    if (m?.timedOut && field === 'wallS') return { value: m.limitS, source: 'same run, timed out: a lower bound' };
    return { value: REFERENCE_10K[k][field], source: 'reference, not this run' };
  };
  const table = results.big.find((b) => b.tableRows);
  const tableS = table ? summary(table.rows['pmdocs-cold']) : null;
  const rows = [];
  const add = (name, pm, other, limit, note) => {
    const r = ratio(pm, other?.value);
    const status = !Number.isFinite(r) ? 'not measured' : r <= limit ? 'met' : 'not met';
    rows.push(
      `| ${name} | ${Number.isFinite(pm) ? note(pm) : '–'} | ${other && Number.isFinite(r) ? `${note(other.value)} (${other.source})` : '–'} | ${showRatio(r)} | ${status} |`,
    );
  };
  const w = (x) => `${secs(x)} s`;
  const m = (x) => `${num(x, 0)} MiB`;
  add('10k cold wall time ≤ 1/6 of remark-lint-frontmatter-schema', cold?.wallS, cold ? peer('remark', 'wallS') : null, 1 / 6, w);
  add('10k cold wall time ≤ 1/3 of markdownlint-cli2', cold?.wallS, cold ? peer('markdownlint', 'wallS') : null, 1 / 3, w);
  add('10k peak memory ≤ 1/4 of remark-lint-frontmatter-schema', cold?.rssMiB, cold ? peer('remark', 'rssMiB') : null, 1 / 4, m);
  add(
    '10k unchanged re-run with --cache ≤ 1/20 of the cold run',
    cached?.wallS,
    cold?.wallS ? { value: cold.wallS, source: 'cold run' } : null,
    1 / 20,
    w,
  );
  const tableOk = tableS?.wallS !== undefined ? (tableS.wallS <= TABLE_DOC_LIMIT_S ? 'met' : 'not met') : 'not measured';
  rows.push(
    `| ${table ? `the ${num(table.tableRows, 0)}-row table PRD alone` : 'the table PRD alone'} in a few seconds (≤ ${TABLE_DOC_LIMIT_S} s) | ${tableS?.wallS !== undefined ? w(tableS.wallS) : '–'} | – | – | ${tableOk} |`,
  );
  return ['| target (issue 2, item 8) | pmdocs | compared with | ratio | status |', '| --- | ---: | ---: | ---: | --- |', ...rows];
}

function targets16(results) {
  const corpus = (name) => results.corpora.find((x) => x.name === name);
  const s = (name, k) => summary(corpus(name)?.rows[k]);
  const cold = s('10k', 'pmdocs-cold');
  const rows = [];
  const w = (x) => `${secs(x)} s`;
  const m = (x) => `${num(x, 0)} MiB`;
  const row = (name, pm, other, limit, show, otherNote = 'same run') => {
    const r = other === undefined ? pm / limit : ratio(pm, other);
    const measured = Number.isFinite(pm) && (other === undefined || Number.isFinite(other));
    const status = !measured ? 'not measured' : (other === undefined ? pm <= limit : r <= limit) ? 'met' : 'not met';
    const against = other === undefined ? '–' : Number.isFinite(other) ? `${show(other)} (${otherNote})` : '–';
    rows.push(
      `| ${name} | ${Number.isFinite(pm) ? show(pm) : '–'} | ${against} | ${other === undefined ? '–' : showRatio(r)} | ${status} |`,
    );
  };
  row('10k cold wall time ≤ rumdl cold wall time', cold?.wallS, s('10k', 'rumdl')?.wallS ?? NaN, 1, w);
  row(`10k cold peak RSS ≤ ${RSS_LIMIT_MIB} MiB`, cold?.rssMiB, undefined, RSS_LIMIT_MIB, m);
  row('10k --cache unchanged re-run ≤ 1/20 of cold', s('10k', 'pmdocs-cached')?.wallS, cold?.wallS ?? NaN, 1 / 20, w, 'cold run');
  row(
    '10k --cache re-run after editing 10 files ≤ 1/10 of cold',
    s('10k', 'pmdocs-edited')?.wallS,
    cold?.wallS ?? NaN,
    1 / 10,
    w,
    'cold run',
  );
  row(
    `50k cold ≤ ${SCALE_50K_LIMIT} × the 10k cold run`,
    s('50k', 'pmdocs-cold')?.wallS,
    cold?.wallS ?? NaN,
    SCALE_50K_LIMIT,
    w,
    '10k cold',
  );
  for (const b of results.big.filter((x) => x.tableRows || x.huge)) {
    const what = b.tableRows ? `the ${num(b.tableRows, 0)}-row table PRD` : `the ${num(b.bytes / 1e6, 1)} MB release notes`;
    row(`${what} alone ≤ ${BIG_FILE_LIMIT_S} s`, summary(b.rows['pmdocs-cold'])?.wallS, undefined, BIG_FILE_LIMIT_S, w);
  }
  const msCell = (x) => `${num(x, x < 10 ? 2 : 0)} ms`;
  const r = results.relint;
  row(
    `warm re-lint of a ${r ? r.lines : 400}-line PRD, p95 ≤ ${RELINT_P95_LIMIT_MS} ms${r ? ` (${r.runs} runs)` : ''}`,
    r?.p95Ms ?? NaN,
    undefined,
    RELINT_P95_LIMIT_MS,
    msCell,
  );
  const e = results.editor;
  const docs = e ? `${num(e.docs, 0)} documents` : 'a 10k workspace';
  row(
    `typing while Validate Workspace runs (${docs}): keystroke → diagnostics p95 ≤ ${KEYSTROKE_P95_LIMIT_MS} ms`,
    e?.loaded?.p95 ?? NaN,
    undefined,
    KEYSTROKE_P95_LIMIT_MS,
    msCell,
  );
  const stalls = e ? [e.idle?.longestStallMs, e.loaded?.longestStallMs, e.validation?.longestStallMs].filter(Number.isFinite) : [];
  row(
    `extension host: longest event-loop stall over the editor run ≤ ${STALL_LIMIT_MS} ms`,
    stalls.length ? Math.max(...stalls) : NaN,
    undefined,
    STALL_LIMIT_MS,
    msCell,
  );
  return ['| target (issue 16) | pmdocs | compared with | ratio | status |', '| --- | ---: | ---: | ---: | --- |', ...rows];
}

export function markdown(results) {
  const m = results.machine;
  const out = [];
  out.push(
    `Measured ${m.date} on ${m.os}, ${m.nproc} CPUs (${m.cpu}), ${m.memGiB} GiB RAM, Node ${m.node}; load average at start ${m.load}. ` +
      `pmdocs ${results.versions.pmdocs ?? '(not run)'}; ${
        Object.entries(results.versions.peers ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'peers not run'
      }. ` +
      'Medians of the runs; wall time and peak RSS of the whole command (GNU time).',
    '',
    '| corpus | tool | runs | wall s | files/s | peak RSS MiB |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const c of results.corpora) {
    let first = true;
    for (const key of Object.keys(LABEL)) {
      if (!c.rows[key]) continue;
      out.push(
        `| ${first ? `${c.name} (${num(c.docs, 0)} docs, ${mib(c.bytes)})` : ''} | ${LABEL[key]} | ${cells(summary(c.rows[key]), c.docs).join(' | ')} |`,
      );
      first = false;
    }
  }
  for (const b of results.big) {
    let first = true;
    for (const key of ['pmdocs-cold', 'remark', 'markdownlint', 'rumdl']) {
      if (!b.rows[key]) continue;
      const what = `${b.id}${b.tableRows ? `, ${num(b.tableRows, 0)}-row requirements table` : ''}, ${mib(b.bytes)}`;
      out.push(
        `| ${first ? `big: ${what}` : ''} | ${key === 'pmdocs-cold' ? 'pmdocs lint (this file alone, cold)' : LABEL[key]} | ${cells(summary(b.rows[key]), null).join(' | ')} |`,
      );
      first = false;
    }
  }
  out.push('', ...targets16(results), '', ...targets(results), '');

  const ratioRows = results.corpora
    .map((c) => {
      const s = (k) => summary(c.rows[k]);
      const cold = s('pmdocs-cold');
      if (!cold?.wallS) return null;
      const r = (a, b) => showRatio(ratio(a, b));
      return `| ${c.name} | ${r(cold.wallS, s('rumdl')?.wallS)} | ${r(cold.rssMiB, s('rumdl')?.rssMiB)} | ${r(cold.wallS, s('remark')?.wallS)} | ${r(cold.wallS, s('markdownlint')?.wallS)} | ${r(cold.rssMiB, s('remark')?.rssMiB)} | ${r(s('pmdocs-cached')?.wallS, cold.wallS)} | ${r(s('pmdocs-edited')?.wallS, cold.wallS)} |`;
    })
    .filter(Boolean);
  if (ratioRows.length) {
    out.push(
      'Ratios pmdocs / peer on each corpus (same run, lower is better):',
      '',
      '| corpus | wall vs rumdl | peak RSS vs rumdl | wall vs remark-lint-frontmatter-schema | wall vs markdownlint-cli2 | peak RSS vs remark-lint-frontmatter-schema | cached re-run vs cold | re-run after 10 edits vs cold |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...ratioRows,
      '',
    );
  }
  const acc = results.corpora.filter((c) => c.accuracy && Object.keys(c.accuracy).length);
  if (acc.length) {
    out.push("Accuracy on the same files (first run's report scored against the manifest with bench/score.mjs):", '');
    for (const c of acc) for (const [tool, line] of Object.entries(c.accuracy)) out.push(`- ${c.name}, ${tool}: ${line}`);
    out.push('');
  }
  if (results.profile) {
    const c = results.corpora.find((x) => x.name === results.profile.corpus);
    out.push(
      `Where the CPU goes: one more cold \`pmdocs lint\` of ${c ? `${num(c.docs, 0)} documents` : results.profile.corpus} under \`node --cpu-prof\` (bench/lib/profile.mjs: busy time of every thread, by call stack; the profiler's own cost included, so read the shares):`,
      '',
      ...profileTable(results.profile),
      '',
    );
  }
  if (results.relint) {
    const r = results.relint;
    out.push(
      `Warm re-lint (bench/relint.ts, in-process): a ${r.lines}-line PRD (${num(r.bytes / 1024, 1)} KiB, ${r.findings} findings) in a workspace of ${num(r.workspaceDocs, 0)} documents, re-linted ${r.runs} times after a one-character edit: p50 ${num(r.p50Ms, 2)} ms, p95 ${num(r.p95Ms, 2)} ms, max ${num(r.maxMs, 2)} ms.`,
      '',
    );
  }
  if (results.editor)
    out.push('Editor under load: the figures are in [Editor under load](#editor-under-load-issue-16), written by the same run.', '');
  if (results.fuzz) out.push(...fuzzLines(results.fuzz), '');
  if (results.warnings.length) out.push('Warnings from this run:', '', ...results.warnings.map((w) => `- ${w}`), '');
  return out.join('\n');
}

/** The fuzz run's figures (scripts/fuzz.ts --json). */
function fuzzLines(f) {
  const c = f.counts;
  const slow = f.slowest
    ? `${f.slowest.stage} of document #${f.slowest.index} (${num(f.slowest.chars, 0)} characters), ${num(f.slowest.ms, 0)} ms of CPU`
    : 'none';
  return [
    `Fuzz (scripts/fuzz.ts, seed \`${f.seed}\`, ${f.workers} worker processes, heap capped at ${f.heapCapMb} MB each): ${num(f.docs, 0)} documents in ${num(f.wallS, 0)} s (${num(f.cpuS, 0)} s of CPU in the workers).`,
    '',
    '| exceptions | please-report | fix not idempotent / corrupting | unsafe preview HTML | over 1 s of CPU (alone; while running) | slowest operation | peak RSS per worker |',
    '| ---: | ---: | ---: | ---: | ---: | --- | --- |',
    `| ${c.exception} | ${c['please-report']} | ${c['fix-not-idempotent']} / ${c['fix-corrupts']} | ${c['unsafe-html']} | ${c.slow}; ${f.overWhileRunning} | ${slow} | ${f.peakRssMb.map((m) => `${m} MB`).join(', ')} |`,
    ...(f.failures.length ? ['', 'Failures:', '', ...f.failures.slice(0, 20).map((x) => `- #${x.index} ${x.kind}: ${x.detail}`)] : []),
  ];
}

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

/**
 * Replaces what is between the markers (or appends the block when they are missing): `<!-- bench:start -->`
 * and `<!-- bench:end -->`, or with a section name `<!-- bench:<name>:start -->` and its end.
 */
export function writeIntoBenchmarks(file, md, section) {
  const [start, end] = section ? [`<!-- bench:${section}:start -->`, `<!-- bench:${section}:end -->`] : [START, END];
  const block = `${start}\n${md.trimEnd()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  const next = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
