// `pmdocs lint [paths|globs…]`: find the files, read them (binary and huge files are reported, not
// linted; a BOM is dropped so columns match the editor), answer what the cache can, lint the rest
// in-process or in worker threads, print in the chosen format, and return the exit code.

import { createConfigLoader } from '../../core/config/load.js';
import { relativePath, resolvePath } from '../../core/config/paths.js';
import type { ConfigProblem, ResolvedConfig } from '../../core/config/types.js';
import { parseOptions, UsageError } from '../args.js';
import { LintCache, hashText } from '../cache.js';
import { ConfigInfos, type ConfigInfo } from '../configInfo.js';
import { loadEngine } from '../engine.js';
import { expandTargets } from '../files.js';
import { formatters, needsRules } from '../formatters/index.js';
import type { RuleInfo } from '../formatters/types.js';
import { LINT_HELP } from '../help.js';
import { lintText } from '../lintText.js';
import { fixFiles, type FixSource } from '../fix.js';
import type { Io } from '../main.js';
import { createPool, POOL_THRESHOLD, type LintJob, type Pool } from '../pool.js';
import { byPath, skipped, SKIPPED_DESCRIPTION, SKIPPED_DOCS_URL, SKIPPED_RULE_ID, type FileResult } from '../results.js';
import { VERSION } from '../version.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  cache: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // --- `--fix` (safe fixes, issue 5): src/cli/fix.ts, applied to the results before formatting. ---
  fix: { type: 'boolean' },
} as const;

interface Job extends LintJob {
  info: ConfigInfo;
  hash?: string;
}

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(joinNegativeMaxWarnings(args), OPTIONS, 'lint');
  if (values.help) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  const format = values.format ?? 'stylish';
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format '${format}'; use stylish, json, sarif or github`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const color = values.color === true || (!values['no-color'] && !io.env['NO_COLOR'] && io.stdout.isTTY === true);
  const { host, cwd } = io;
  const fail = (message: string) => {
    io.stderr.write(`pmdocs: ${message}\n`);
    return 2;
  };

  let explicitConfig: string | undefined;
  if (values.config) {
    explicitConfig = resolvePath(cwd, values.config.replace(/\\/g, '/'));
    const s = await host.stat(explicitConfig);
    if (!s?.isFile) return fail(`config file not found: ${values.config}`);
  }
  const loader = createConfigLoader(host, { explicitConfig });
  const cache = values.cache ? await LintCache.open(host, cwd, VERSION) : undefined;
  const configs = new ConfigInfos(host, loader, cache, cwd);

  // Which files.
  const cwdConfig = await configs.get(await loader.configFileFor(`${cwd}/.`));
  const defaults = cwdConfig.include?.length ? { cwd: cwdConfig.root, patterns: cwdConfig.include } : { cwd, patterns: ['**/*.md'] };
  const expansion = await expandTargets(host, cwd, positionals, defaults);
  if (expansion.missing.length) return fail(expansion.missing.map((m) => `no such file or directory: ${m}`).join('\npmdocs: '));
  for (const glob of expansion.unmatched) io.stderr.write(`pmdocs: warning: no files match '${glob}'\n`);
  const files: { path: string; info: ConfigInfo }[] = [];
  for (const t of expansion.targets) {
    const info = await configs.get(await loader.configFileFor(t.path));
    if (t.explicit || !info.excludes(t.path)) files.push({ path: t.path, info });
  }

  // Without a cache every file will be linted: start the workers now, so they load the engine while
  // this thread reads files. With a cache, only the misses decide (often there are none). Idle
  // workers never keep the process alive, so an early return or a throw cannot hang it.
  const early = cache ? 0 : workerCount(io, files.length);
  let pool: Pool | undefined = early ? createPool(early) : undefined;

  // Read; answer from the cache what it can.
  let results: FileResult[] = [];
  const jobs: Job[] = [];
  const fixSources = new Map<string, FixSource>(); // --fix: the texts as linted
  const failures: string[] = [];
  let cached = 0;
  const rel = (p: string) => relativePath(cwd, p);
  await forEachLimit(files, 32, async ({ path, info }) => {
    let text: string | undefined;
    try {
      const s = await host.stat(path);
      if (s && s.size > MAX_FILE_BYTES) {
        results.push(skipped(path, `Not linted: the file is ${(s.size / 1024 / 1024).toFixed(1)} MB; pmdocs skips files over ${MAX_FILE_BYTES / 1024 / 1024} MB.`));
        return;
      }
      text = await host.readFile(path);
    } catch (e) {
      failures.push(`cannot read ${rel(path)}: ${(e as Error).message}`);
      return;
    }
    if (text === undefined) {
      failures.push(`cannot read ${rel(path)}: it no longer exists`);
      return;
    }
    if (text.includes('\0')) {
      results.push(skipped(path, 'Not linted: the file looks binary (it contains NUL bytes).'));
      return;
    }
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) text = text.slice(1); // editors hide the BOM; columns must match them
    if (values.fix) fixSources.set(path, { text, bom, config: () => info.resolve() });
    const hash = cache ? hashText(text) : undefined;
    const hit = hash !== undefined ? cache!.lookup(path, hash, info.fingerprint) : undefined;
    if (hit) {
      results.push({ path, docType: hit.docType, findings: hit.findings });
      cached++;
    }
    else jobs.push({ path, text, configKey: info.key, info, hash });
  });

  // Lint what is left.
  if (!pool && workerCount(io, jobs.length)) pool = createPool(workerCount(io, jobs.length));
  const workers = jobs.length && pool ? pool.size : 0;
  if (jobs.length) {
    const resolved = new Map<string, ResolvedConfig>();
    for (const job of jobs) if (!resolved.has(job.configKey)) resolved.set(job.configKey, await job.info.resolve());
    let linted: FileResult[];
    if (pool) {
      linted = await pool.lint(jobs.map(({ path, text, configKey }) => ({ path, text, configKey })), resolved);
    } else {
      const engine = await loadEngine();
      linted = jobs.map((j) => lintText(engine, j.path, j.text, resolved.get(j.configKey)!));
    }
    const byFile = new Map(jobs.map((j) => [j.path, j]));
    for (const r of linted) {
      if (r.crash) {
        failures.push(`internal error while linting ${rel(r.path)} (please report it): ${r.crash}`);
        continue;
      }
      results.push(r);
      const job = byFile.get(r.path)!;
      if (cache && job.hash) cache.store(r.path, { hash: job.hash, config: job.info.fingerprint, docType: r.docType, findings: r.findings });
    }
  }
  await pool?.close();
  // Reads finish in any order; everything printed from here on follows the file paths.
  results.sort(byPath);
  failures.sort();
  if (values.fix) {
    const fixed = await fixFiles(results, fixSources, loadEngine, io);
    results = fixed.results;
    failures.push(...fixed.failures);
  }
  if (cache) {
    try {
      await cache.save();
    } catch (e) {
      io.stderr.write(`pmdocs: warning: could not write the cache ${rel(cache.file)}: ${(e as Error).message}\n`);
    }
  }
  if (io.env['PMDOCS_DEBUG']?.split(',').includes('stats')) {
    // For tests and benchmarks: proves what the cache answered without timing anything.
    io.stderr.write(`pmdocs: stats: files=${files.length} linted=${jobs.length} cached=${cached} skipped=${countSkipped(results)} configs-resolved=${configs.resolvedCount} workers=${workers}\n`);
  }

  // Report.
  const problems = (await configs.all()).flatMap((c) => c.problems);
  for (const p of problems) io.stderr.write(`pmdocs: ${problemText(p, rel)}\n`);
  for (const f of failures) io.stderr.write(`pmdocs: ${f}\n`);

  let shown = results.filter((r) => r.docType !== undefined || r.findings.length).sort(byPath);
  if (values.quiet) shown = shown.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  const errors = shown.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = shown.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const rules = needsRules.has(format) ? await ruleInfos() : [];
  io.stdout.write(formatter(shown, { cwd, color, version: VERSION, rules }));

  if (problems.length || failures.length) return 2;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`pmdocs: too many warnings (${warnings}; --max-warnings is ${maxWarnings})\n`);
    return 1;
  }
  return errors ? 1 : 0;
}

/** `--max-warnings -1` (no limit, as in ESLint) would otherwise read as an option named `-1`. */
function joinNegativeMaxWarnings(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--max-warnings' && /^-\d+$/.test(args[i + 1] ?? '')) out.push(`--max-warnings=${args[++i]}`);
    else out.push(args[i]!);
  }
  return out;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, not '${value}'`);
  const n = Number(value);
  return n < 0 ? undefined : n; // -1: no limit (as in ESLint)
}

/** 0 = lint in-process. PMDOCS_WORKERS overrides (0 forces in-process; N forces a pool of N). */
function workerCount(io: Io, jobs: number): number {
  const forced = io.env['PMDOCS_WORKERS'];
  if (forced !== undefined && /^\d+$/.test(forced)) return jobs ? Number(forced) : 0;
  const size = io.host.parallelism();
  return jobs >= POOL_THRESHOLD && size > 1 ? size : 0;
}

function countSkipped(results: FileResult[]): number {
  return results.filter((r) => r.findings.some((f) => f.ruleId === SKIPPED_RULE_ID)).length;
}

function problemText(p: ConfigProblem, rel: (p: string) => string): string {
  const at = p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : '';
  return `${rel(p.file)}${at}: ${p.message}`;
}

async function ruleInfos(): Promise<RuleInfo[]> {
  const [{ rules }, { docsUrl }] = await Promise.all([import('../../core/rules/index.js'), import('../../core/rules/rule.js')]);
  return [
    ...rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docsUrl: docsUrl(r.id) })),
    { id: SKIPPED_RULE_ID, description: SKIPPED_DESCRIPTION, defaultSeverity: 'warning' as const, docsUrl: SKIPPED_DOCS_URL },
  ];
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}
