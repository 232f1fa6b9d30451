// What every phase of one `pmdocs lint` run shares: the options, the io, the configs (and --cache), the
// lazily started worker pool, the failures met on the way (each one makes the exit code 2) and the
// counts behind PMDOCS_DEBUG=stats.

import { createConfigLoader, type ConfigLoader } from '../../core/config/load.js';
import { relativePath, resolvePath } from '../../core/config/paths.js';
import { visible } from '../formatters/visible.js';
import type { ResolvedConfig } from '../../core/config/types.js';
import { localIsoDate } from '../../core/localDate.js';
import { LintCache } from '../cache.js';
import { ConfigInfos, type ConfigInfo } from '../configInfo.js';
import type { Io } from '../io.js';
import { createPool, POOL_THRESHOLD, type Pool } from '../pool.js';
import { VERSION } from '../version.js';
import type { LintOptions } from './options.js';

/** A reason the run cannot go on (a missing config or target): printed as is, exit code 2. */
export class LintFailure extends Error {}

export interface LintRun {
  options: LintOptions;
  io: Io;
  cwd: string;
  /** Today's local date, for rules that compare a date with it (core never reads the clock). */
  today: string;
  loader: ConfigLoader;
  configs: ConfigInfos;
  cache: LintCache | undefined;
  workers: Workers;
  /** Files that could not be read or linted, each a line on stderr. */
  failures: string[];
  stats: { reads: number; cached: number; linted: number; indexed: number; workers: number };
  /** `path` relative to the cwd, control characters and bytes that are not UTF-8 escaped: for stderr. */
  rel(path: string): string;
  /** The config a file is linted under, resolved once per run. */
  resolveConfig(info: ConfigInfo): Promise<ResolvedConfig>;
}

export async function openRun(options: LintOptions, io: Io): Promise<LintRun> {
  const { host, cwd } = io;
  let explicitConfig: string | undefined;
  if (options.config !== undefined) {
    explicitConfig = resolvePath(cwd, options.config.replace(/\\/g, '/'));
    const s = await host.stat(explicitConfig);
    if (!s?.isFile) throw new LintFailure(`config file not found: ${options.config}`);
  }
  const loader = createConfigLoader(host, { explicitConfig });
  const cache = options.cache ? await LintCache.open(host, cwd, VERSION) : undefined;
  const resolved = new Map<string, Promise<ResolvedConfig>>();
  return {
    options,
    io,
    cwd,
    today: localIsoDate(io.now()),
    loader,
    configs: new ConfigInfos(host, loader, cache, cwd),
    cache,
    workers: new Workers(io),
    failures: [],
    stats: { reads: 0, cached: 0, linted: 0, indexed: 0, workers: 0 },
    rel: (path) => visible(relativePath(cwd, path)), // for stderr, a terminal too
    resolveConfig(info) {
      let p = resolved.get(info.key);
      if (!p) resolved.set(info.key, (p = info.resolve()));
      return p;
    },
  };
}

/**
 * The worker pool, started the first time a phase has enough files for it (small runs stay in-process).
 * Idle workers never keep the process alive, so an early return or a throw cannot hang it.
 */
export class Workers {
  #pool: Pool | undefined;

  constructor(private readonly io: Io) {}

  /** The pool, started now if `files` are worth it; undefined: work in-process. */
  for(files: number): Pool | undefined {
    if (!this.#pool) {
      const n = workerCount(this.io, files);
      if (n) this.#pool = createPool(n);
    }
    return this.#pool;
  }

  get size(): number {
    return this.#pool?.size ?? 0;
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }
}

/** 0 = in-process. PMDOCS_WORKERS overrides (0 forces in-process; N forces a pool of N). */
function workerCount(io: Io, files: number): number {
  const forced = io.env['PMDOCS_WORKERS'];
  if (forced !== undefined && /^\d+$/.test(forced)) return files ? Number(forced) : 0;
  const size = io.host.parallelism();
  return files >= POOL_THRESHOLD && size > 1 ? size : 0;
}
