// `pmdocs lint [paths|globs…]`: find the files, read them (binary and huge files are reported, not
// linted; a BOM is dropped so columns match the editor), index the workspace (the front matter of every
// document of each config, see ../workspace.ts), answer what the cache can, lint the rest in-process or
// in worker threads, print in the chosen format, and return the exit code.

import { createConfigLoader } from '../../core/config/load.js';
import { relativePath, resolvePath } from '../../core/config/paths.js';
import type { ConfigProblem, ResolvedConfig } from '../../core/config/types.js';
import {
  createWorkspaceIndex,
  queryAnswers,
  type IndexedDoc,
  type IndexQuery,
  type WorkspaceIndex,
  type WorkspaceIndexData,
} from '../../core/workspace/index.js';
import { parseOptions, UsageError } from '../args.js';
import { LintCache, hashText, type CachedResult } from '../cache.js';
import { ConfigInfos, type ConfigInfo } from '../configInfo.js';
import { loadEngine } from '../engine.js';
import { targetExpander } from '../files.js';
import { fileLister, MARKDOWN_GLOB } from '../../core/workspace/scope.js';
import { formatters, needsRules } from '../formatters/index.js';
import type { RuleInfo } from '../formatters/types.js';
import { LINT_HELP } from '../help.js';
import { lintText } from '../lintText.js';
import { localIsoDate } from '../../core/localDate.js';
import { fixFiles, type FixSource } from '../fix.js';
import type { Io } from '../io.js';
import { createPool, POOL_THRESHOLD, type LintJob, type Pool } from '../pool.js';
import { byPath, skipped, SKIPPED_DESCRIPTION, SKIPPED_DOCS_URL, SKIPPED_RULE_ID, type FileResult } from '../results.js';
import { VERSION } from '../version.js';
import type { FileStat } from '../../core/host.js';
import { indexScopes, type LintedFile } from '../workspace.js';

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

interface ReadFile {
  path: string;
  info: ConfigInfo;
  /** Undefined when the cache vouched for the file by its stat: read only if it must be linted after all. */
  text?: string;
  hash?: string;
  /** The cached result for this text and config, when there is one. */
  hit?: CachedResult;
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
  const today = localIsoDate(io.now()); // for rules that compare a date with today; core never reads the clock
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
  const defaults = cwdConfig.include?.length ? { cwd: cwdConfig.root, patterns: cwdConfig.include } : { cwd, patterns: [MARKDOWN_GLOB] };
  const list = fileLister(host, cwd); // one walk per folder, shared with the index scopes
  const expandTargets = targetExpander(host, cwd, list);
  const expansion = await expandTargets(positionals, defaults);
  if (expansion.missing.length) return fail(expansion.missing.map((m) => `no such file or directory: ${m}`).join('\npmdocs: '));
  for (const glob of expansion.unmatched) io.stderr.write(`pmdocs: warning: no files match '${glob}'\n`);
  const files: LintedFile[] = [];
  for (const t of expansion.targets) {
    const info = await configs.get(await loader.configFileFor(t.path));
    if (t.explicit || !info.excludes(t.path)) files.push({ path: t.path, info, explicit: t.explicit });
  }
  // When every file named on the command line is one its config does not select (with --config kept
  // elsewhere, the globs are relative to that file's folder), say so: they are linted all the same, but
  // the config's path associations cannot type them, and a silent exit 0 would look like a pass.
  const named = files.filter((f) => f.explicit && f.info.key);
  const unselected = named.filter((f) => !f.info.selects(f.path));
  for (const f of unselected.length === named.length ? unselected : []) {
    const where = `${relativePath(cwd, f.info.root) || '.'}/`;
    const globs = f.info.include?.length
      ? `its include globs (${f.info.include.join(', ')}, relative to ${where})`
      : `its folder (${where})`;
    io.stderr.write(
      `pmdocs: note: ${relativePath(cwd, f.path)} is outside ${relativePath(cwd, f.info.key)}: not under ${globs}. It is linted, but the config's path associations do not reach it.\n`,
    );
  }
  // The workspace index: every document of each config these files are linted under.
  const scopes = await indexScopes(list, cwd, loader, files);
  const linting = new Set(files.map((f) => f.path));
  const indexOnly: { path: string; info: ConfigInfo }[] = [];
  for (const scope of scopes) {
    if (!scope.key) continue;
    const info = await configs.get(scope.key);
    for (const path of scope.paths) if (!linting.has(path)) indexOnly.push({ path, info });
  }
  const resolvedConfigs = new Map<string, Promise<ResolvedConfig>>();
  const resolveConfig = (info: ConfigInfo) => {
    let p = resolvedConfigs.get(info.key);
    if (!p) resolvedConfigs.set(info.key, (p = info.resolve()));
    return p;
  };
  const entries = new Map<string, IndexedDoc>();
  const toIndex: (ReadFile & { text: string })[] = []; // the records the cache does not have
  const hashes = new Map<string, string>(); // --cache: each file's text hash, for the index fingerprints
  const indexFile = (path: string, text: string, hash: string | undefined, info: ConfigInfo) => {
    const cached = cache && hash !== undefined ? cache.entry(path, hash, info.fingerprint) : undefined;
    if (cached === undefined) toIndex.push({ path, info, text, hash });
    else if (cached) entries.set(path, cached);
  };

  // Without a cache every file will be linted: start the workers now, so they load the engine while
  // this thread reads files. With a cache, only the misses decide (often there are none). Idle
  // workers never keep the process alive, so an early return or a throw cannot hang it.
  const early = cache ? 0 : workerCount(io, files.length);
  let pool: Pool | undefined = early ? createPool(early) : undefined;

  // Read (and index what belongs to a workspace).
  let results: FileResult[] = [];
  const read: ReadFile[] = [];
  const jobs: Job[] = [];
  const fixSources = new Map<string, FixSource>(); // --fix: the texts as linted
  const failures: string[] = [];
  let cached = 0;
  let reads = 0; // files read from disk (the cache's stat check spares unchanged ones)
  const rel = (p: string) => relativePath(cwd, p);
  const indexed = new Set(scopes.flatMap((s) => s.paths));
  // Every stat first, then the cache's file records: parsing those first (a large heap for the collector
  // to trace) made 10k stats about three times slower on a two-core machine.
  const stats = new Map<string, FileStat | undefined | Error>();
  await forEachLimit([...files.map((f) => f.path), ...indexOnly.map((f) => f.path)], 32, async (path) => {
    stats.set(path, await host.stat(path).catch((e: Error) => e));
  });
  await cache?.loadFiles();
  const statOf = (path: string) => {
    const s = stats.get(path);
    if (s instanceof Error) throw s;
    return s;
  };
  /**
   * A file's text as pmdocs sees it, read once: the BOM stripped (editors hide it; columns must match
   * them) and, with --cache, hashed and stamped with the stat it was read under (`s` null: a file the
   * cache already vouched for by its stat, whose hash is known). 'binary': NUL bytes.
   */
  const readText = async (
    path: string,
    s: FileStat | undefined | null,
  ): Promise<{ text: string; bom: boolean; hash?: string } | 'binary' | undefined> => {
    reads++;
    const raw = await host.readFile(path);
    if (raw === undefined) return undefined;
    if (raw.includes('\0')) return 'binary';
    const bom = raw.charCodeAt(0) === 0xfeff;
    const text = bom ? raw.slice(1) : raw;
    if (!cache || s === null) return { text, bom };
    const hash = hashText(text);
    cache.stamp(path, hash, s);
    hashes.set(path, hash);
    return { text, bom, hash };
  };
  const readIndexOnly = forEachLimit(indexOnly, 16, async ({ path, info }) => {
    // Only for the index: a file that cannot be read, or is binary or huge, is no document to point at.
    const s = stats.get(path);
    if (s instanceof Error) return;
    if (!s?.isFile || s.size > MAX_FILE_BYTES) return;
    const known = cache?.knownHash(path, s);
    const record = known !== undefined ? cache!.entry(path, known, info.fingerprint) : undefined;
    if (record !== undefined) {
      hashes.set(path, known!);
      if (record) entries.set(path, record); // unchanged since it was indexed: not even read
      return;
    }
    const got = await readText(path, s).catch(() => undefined);
    if (got && got !== 'binary') indexFile(path, got.text, got.hash, info);
  });
  const readLinted = forEachLimit(files, 32, async ({ path, info }) => {
    let got: Awaited<ReturnType<typeof readText>>;
    let s: FileStat | undefined;
    try {
      s = statOf(path);
      if (s && s.size > MAX_FILE_BYTES) {
        results.push(
          skipped(
            path,
            `Not linted: the file is ${(s.size / 1024 / 1024).toFixed(1)} MB; pmdocs skips files over ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
          ),
        );
        return;
      }
      // Unchanged since the cache saw it (same size and modification time), with a result and an index
      // record for that text: no need to read it unless the workspace answers changed (see below).
      const known = cache && !values.fix ? cache.knownHash(path, s) : undefined;
      const hit = known !== undefined ? cache!.lookup(path, known, info.fingerprint, today) : undefined;
      if (hit) {
        const record = indexed.has(path) ? cache!.entry(path, known!, info.fingerprint) : null;
        if (record !== undefined) {
          if (record) entries.set(path, record);
          hashes.set(path, known!);
          read.push({ path, info, hash: known, hit });
          return;
        }
      }
      got = await readText(path, s);
    } catch (e) {
      failures.push(`cannot read ${rel(path)}: ${(e as Error).message}`);
      return;
    }
    if (got === undefined) {
      failures.push(`cannot read ${rel(path)}: it no longer exists`);
      return;
    }
    if (got === 'binary') {
      results.push(skipped(path, 'Not linted: the file looks binary (it contains NUL bytes).'));
      return;
    }
    const { text, bom, hash } = got;
    if (values.fix) fixSources.set(path, { text, bom, config: () => resolveConfig(info), workspace: () => indexes.get(info.key) });
    if (indexed.has(path)) indexFile(path, text, hash, info);
    read.push({ path, info, text, hash });
  });
  await Promise.all([readIndexOnly, readLinted]);

  // The records the cache did not have (front matter only; on the workers when there are many).
  if (toIndex.length) {
    const configsFor = new Map<string, ResolvedConfig>();
    for (const f of toIndex) if (!configsFor.has(f.info.key)) configsFor.set(f.info.key, await resolveConfig(f.info));
    if (!pool && workerCount(io, toIndex.length)) pool = createPool(workerCount(io, toIndex.length));
    let computed: Map<string, IndexedDoc | null>;
    if (pool)
      computed = await pool.index(
        toIndex.map(({ path, text, info }) => ({ path, text, configKey: info.key })),
        configsFor,
      );
    else {
      const { indexEntry } = await import('../../core/workspace/entry.js');
      computed = new Map(toIndex.map(({ path, text, info }) => [path, indexEntry(text, path, configsFor.get(info.key)!) ?? null]));
    }
    for (const { path, info, hash } of toIndex) {
      const entry = computed.get(path) ?? null;
      if (entry) entries.set(path, entry);
      if (cache && hash !== undefined) cache.storeEntry(path, hash, info.fingerprint, entry);
    }
  }

  // The indexes; then answer from the cache what it can.
  const indexes = new Map<string, WorkspaceIndex>();
  const indexData = new Map<string, WorkspaceIndexData>();
  for (const scope of scopes) {
    const data = { root: scope.root, docs: scope.paths.map((p) => entries.get(p)).filter((e): e is IndexedDoc => !!e) };
    indexData.set(scope.key, data);
    indexes.set(scope.key, createWorkspaceIndex(data));
  }
  const workspaceKey = (scope: string, queries: readonly IndexQuery[] | undefined) => {
    const index = indexes.get(scope);
    return index ? hashText(queryAnswers(index, queries ?? [])) : 'none';
  };
  // --cache: what each index was built from (every document's path and text, the config, the root). A
  // result confirmed under the same fingerprint needs no answers recomputed: the index is the same.
  const indexFingerprints = new Map<string, string>();
  if (cache) {
    for (const scope of scopes) {
      const { fingerprint } = await configs.get(scope.key || undefined);
      const parts = [scope.root, fingerprint, ...scope.paths.map((p) => `${p}\0${hashes.get(p) ?? ''}`)];
      indexFingerprints.set(scope.key, hashText(parts.join('\n')));
    }
  }
  const answersUnchanged = (scope: string, hit: CachedResult) => {
    const fingerprint = indexFingerprints.get(scope);
    if (fingerprint !== undefined && hit.index === fingerprint) return true;
    if (hit.workspace !== workspaceKey(scope, hit.queries)) return false;
    if (fingerprint !== undefined) cache!.confirmIndex(hit, fingerprint);
    return true;
  };
  const readVouched = async (path: string): Promise<string | undefined> => {
    const got = await readText(path, null).catch(() => undefined);
    return got === 'binary' ? undefined : got?.text;
  };
  for (const { path, info, text, hash, hit: vouched } of read) {
    const hit = vouched ?? (hash !== undefined ? cache!.lookup(path, hash, info.fingerprint, today) : undefined);
    if (hit && answersUnchanged(info.key, hit)) {
      results.push({ path, docType: hit.docType, findings: hit.findings });
      cached++;
      continue;
    }
    // A file vouched for by its stat, whose cross-document answers changed: read it now.
    const body = text ?? (await readVouched(path));
    if (body === undefined) {
      failures.push(`cannot read ${rel(path)}: it no longer exists`);
      continue;
    }
    jobs.push({ path, text: body, configKey: info.key, ...(indexes.has(info.key) ? { scope: info.key } : {}), info, hash });
  }

  // Lint what is left.
  if (!pool && workerCount(io, jobs.length)) pool = createPool(workerCount(io, jobs.length));
  const workers = jobs.length && pool ? pool.size : 0;
  if (jobs.length) {
    const resolved = new Map<string, ResolvedConfig>();
    for (const job of jobs) if (!resolved.has(job.configKey)) resolved.set(job.configKey, await resolveConfig(job.info));
    let linted: FileResult[];
    if (pool) {
      linted = await pool.lint(
        jobs.map(({ path, text, configKey, scope }) => ({ path, text, configKey, today, ...(scope !== undefined ? { scope } : {}) })),
        resolved,
        indexData,
      );
    } else {
      const engine = await loadEngine();
      linted = jobs.map((j) =>
        lintText(engine, j.path, j.text, resolved.get(j.configKey)!, j.scope !== undefined ? indexes.get(j.scope) : undefined, today),
      );
    }
    const byFile = new Map(jobs.map((j) => [j.path, j]));
    for (const r of linted) {
      if (r.crash) {
        failures.push(`internal error while linting ${rel(r.path)} (please report it): ${r.crash}`);
        continue;
      }
      const { workspaceQueries, today: usedToday, ...result } = r;
      results.push(result);
      const job = byFile.get(r.path)!;
      if (cache && job.hash) {
        const index = indexFingerprints.get(job.info.key);
        cache.store(r.path, job.hash, job.info.fingerprint, {
          docType: r.docType,
          findings: r.findings,
          ...(workspaceQueries?.length ? { queries: workspaceQueries } : {}),
          workspace: workspaceKey(job.info.key, workspaceQueries),
          ...(index !== undefined ? { index } : {}),
          ...(usedToday ? { today: usedToday } : {}),
        });
      }
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
      io.stderr.write(`pmdocs: warning: could not write the cache in ${rel(cache.dir)}: ${(e as Error).message}\n`);
    }
  }
  if (io.env['PMDOCS_DEBUG']?.split(',').includes('stats')) {
    // For tests and benchmarks: proves what the cache answered without timing anything.
    io.stderr.write(
      `pmdocs: stats: files=${files.length} linted=${jobs.length} cached=${cached} skipped=${countSkipped(results)} configs-resolved=${configs.resolvedCount} workers=${workers} indexed=${entries.size} read=${reads}\n`,
    );
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
