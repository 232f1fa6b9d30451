#!/usr/bin/env node
// score.mjs: scores a linter's report against a gen-corpus manifest: how many injected defects were
// found, how many at the expected line with the expected rule, and what was reported on clean files.
//
//   node bench/score.mjs CORPUS_DIR REPORT.json [--cwd DIR]
//
// REPORT.json is either pmdocs's `--format json` output ([{filePath, findings: [{ruleId, line, …}]}])
// or remark-cli's `--report json` ([{path, messages: [{ruleId, line, reason}]}]). Paths in it are taken
// relative to --cwd (default: the current folder), the folder the linter ran in.
//
// A defect counts as
//   exact      — a finding with one of its `rules` on its line or one of its altLines
//                (any line when the defect has none, e.g. a removed section);
//   otherLine  — one of its rules, elsewhere in the file;
//   otherRule  — another rule, on its line;
//   missed     — none of these.
// Findings of a matched defect's `related` rules, and findings sharing its lines, belong to it.
// Left-over findings on defective files are "extra"; every finding on a clean file is a false positive.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Report → Map(manifest path → [{line, ruleId, message, severity}]). */
export function readReport(report, corpusDir, cwd) {
  const byPath = new Map();
  const key = (p) => relative(resolve(corpusDir), resolve(cwd, p)).split('\\').join('/');
  for (const entry of report) {
    if (Array.isArray(entry.findings)) {
      byPath.set(
        key(entry.filePath),
        entry.findings.map((f) => ({ line: f.line ?? null, ruleId: f.ruleId, message: f.message, severity: f.severity ?? 'error' })),
      );
    } else if (Array.isArray(entry.messages)) {
      byPath.set(
        key(entry.path),
        entry.messages.map((m) => ({
          line: m.line ?? null,
          ruleId: m.ruleId ?? m.source,
          message: m.reason,
          severity: m.fatal ? 'error' : 'warning',
        })),
      );
    }
  }
  return byPath;
}

const bump = (o, k, n = 1) => {
  o[k] = (o[k] ?? 0) + n;
};

export function score(manifest, byPath) {
  const row = () => ({ injected: 0, exact: 0, otherLine: 0, otherRule: 0, missed: 0 });
  const byKind = {};
  const byDetect = {};
  const total = row();
  const falsePositives = { files: 0, findings: 0, byRule: {}, bySeverity: {}, samples: [] };
  const extra = { findings: 0, byRule: {}, samples: [] };
  const missedSamples = [];
  let reported = 0;

  for (const f of manifest.files) {
    const findings = byPath.get(f.path) ?? [];
    if (byPath.has(f.path)) reported++;
    if (!f.defects.length) {
      if (findings.length) falsePositives.files++;
      for (const x of findings) {
        falsePositives.findings++;
        bump(falsePositives.byRule, x.ruleId);
        bump(falsePositives.bySeverity, x.severity);
        if (falsePositives.samples.length < 12) falsePositives.samples.push(`${f.path}:${x.line ?? '-'} ${x.ruleId} ${x.message}`);
      }
      continue;
    }
    // Matching runs in phases over all defects of the file, so a defect never takes, through a looser
    // phase, a finding that another defect matches exactly. Within a phase a finding that names the
    // field or section wins.
    const used = new Set();
    const matched = [];
    const how = new Map();
    const hint = (d) =>
      (d.field
        ? String(d.field)
            .split('.')
            .pop()
            .replace(/\[\d+\]$/, '')
        : (d.section ?? '')
      ).toLowerCase();
    const phases = [
      ['exact', (d, x) => d.rules.includes(x.ruleId) && (d.line === null || x.line === d.line)],
      ['exact', (d, x) => d.rules.includes(x.ruleId) && (d.altLines ?? []).includes(x.line)],
      ['otherRule', (d, x) => d.line !== null && [d.line, ...(d.altLines ?? [])].includes(x.line)],
      ['otherLine', (d, x) => d.rules.includes(x.ruleId)],
    ];
    for (const [name, ok] of phases) {
      for (const d of f.defects) {
        if (how.has(d)) continue;
        const candidates = findings.map((x, i) => i).filter((i) => !used.has(i) && ok(d, findings[i]));
        if (!candidates.length) continue;
        const h = hint(d);
        const i = candidates.find((k) => h && String(findings[k].message).toLowerCase().includes(h)) ?? candidates[0];
        used.add(i);
        matched.push([d, findings[i]]);
        how.set(d, name);
      }
    }
    for (const d of f.defects) {
      const h = how.get(d) ?? 'missed';
      for (const r of [total, (byKind[d.kind] ??= row()), (byDetect[d.detect] ??= row())]) {
        r.injected++;
        r[h]++;
      }
      if (h === 'missed' && missedSamples.length < 12)
        missedSamples.push(
          `${f.path}:${d.line ?? '-'} ${d.kind}${d.variant ? `/${d.variant}` : ''} ${d.field ?? d.section ?? ''} (want ${d.rules.join('|')})`,
        );
    }
    // consequences: related rules anywhere, and anything on the lines of a matched defect
    for (const [d, hit] of matched) {
      const lines = new Set([d.line, ...(d.altLines ?? []), hit.line].filter((l) => l !== null));
      findings.forEach((x, i) => {
        if (!used.has(i) && ((d.related ?? []).includes(x.ruleId) || lines.has(x.line))) used.add(i);
      });
    }
    findings.forEach((x, i) => {
      if (used.has(i)) return;
      extra.findings++;
      bump(extra.byRule, x.ruleId);
      if (extra.samples.length < 12) extra.samples.push(`${f.path}:${x.line ?? '-'} ${x.ruleId} ${x.message}`);
    });
  }
  return {
    files: manifest.files.length,
    cleanFiles: manifest.files.filter((f) => !f.defects.length).length,
    filesInReport: reported,
    defects: total,
    byDetect,
    byKind: Object.fromEntries(Object.entries(byKind).sort()),
    falsePositives,
    extraOnDefectiveFiles: extra,
    missedSamples,
  };
}

/** One line for the benchmark table. */
export function summarize(s) {
  const d = s.defects;
  const pct = (n, of) => `${((100 * n) / Math.max(1, of)).toFixed(1)} %`;
  const found = (r) => r.injected - r.missed;
  const schema = s.byDetect.schema;
  const fp = s.falsePositives;
  const extra = s.extraOnDefectiveFiles.findings;
  return (
    `found ${found(d)} of ${d.injected} injected defects (${pct(found(d), d.injected)}), ` +
    `${d.exact} with the expected rule at the expected line (${pct(d.exact, d.injected)})` +
    (schema ? `; front-matter schema defects alone: ${found(schema)} of ${schema.injected}` : '') +
    `; ${fp.findings ? `${fp.findings} findings on ${fp.files} of the ${s.cleanFiles} clean files` : `no finding on the ${s.cleanFiles} clean files`}` +
    `; ${extra ? `${extra} unexplained findings` : 'no unexplained finding'} on the defective files`
  );
}

function main() {
  const args = process.argv.slice(2);
  const cwdAt = args.indexOf('--cwd');
  const cwd = cwdAt >= 0 ? args.splice(cwdAt, 2)[1] : process.cwd();
  const [corpus, reportPath] = args;
  if (!corpus || !reportPath) {
    console.error('usage: node bench/score.mjs CORPUS_DIR REPORT.json [--cwd DIR]');
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
  const s = score(manifest, readReport(JSON.parse(readFileSync(reportPath, 'utf8')), corpus, cwd));
  console.log(JSON.stringify(s, null, 1));
  console.error(summarize(s));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
