// What the lint run needs to know about each config before linting: its problems, include/exclude, and
// a fingerprint for cache keys. With --cache, an unchanged config (the config file and every schema
// file it read hash the same as last time) is taken from the cache and never resolved, so ajv is not
// even loaded; it is resolved only when a file under it has to be linted.

import type { ConfigLoader } from '../core/config/load.js';
import { defaultConfig, type ConfigProblem, type ResolvedConfig } from '../core/config/types.js';
import { isInside } from '../core/config/paths.js';
import { excludes, selects } from '../core/workspace/scope.js';
import { hashText, type CachedConfig, type LintCache } from './cache.js';
import type { CliHost } from './host.js';

export interface ConfigInfo {
  /** The config file path, or '' for "no config file". */
  key: string;
  root: string;
  fingerprint: string;
  problems: ConfigProblem[];
  include?: string[];
  exclude?: string[];
  /** Is a file (found through a folder or glob) excluded by this config? */
  excludes(path: string): boolean;
  /** Does this config select the file: below its folder and matched by its `include` globs (if any)? */
  selects(path: string): boolean;
  resolve(): Promise<ResolvedConfig>;
}

export class ConfigInfos {
  readonly #infos = new Map<string, Promise<ConfigInfo>>();
  readonly #none: ResolvedConfig;
  /** How many configs this run resolved (parsed, checked with ajv, schema files read); for --cache stats. */
  resolvedCount = 0;

  constructor(
    private readonly host: CliHost,
    private readonly loader: ConfigLoader,
    private readonly cache: LintCache | undefined,
    cwd: string,
  ) {
    this.#none = defaultConfig(cwd);
  }

  get(configPath: string | undefined): Promise<ConfigInfo> {
    const key = configPath ?? '';
    let p = this.#infos.get(key);
    if (!p) this.#infos.set(key, (p = configPath ? this.#load(configPath) : Promise.resolve(this.#noConfig())));
    return p;
  }

  async all(): Promise<ConfigInfo[]> {
    return Promise.all(this.#infos.values());
  }

  #noConfig(): ConfigInfo {
    const none = this.#none;
    return {
      key: '',
      root: none.root,
      fingerprint: 'none',
      problems: [],
      excludes: () => false,
      selects: () => true,
      resolve: async () => none,
    };
  }

  async #load(path: string): Promise<ConfigInfo> {
    const cached = this.cache?.config(path);
    if (cached && (await this.#unchanged(cached)) && (await this.#sameScope(path, cached))) {
      return info(path, cached, () => this.#resolve(path));
    }
    const config = await this.#resolve(path);
    const sources: Record<string, string | null> = {};
    for (const source of config.sources ?? [path]) sources[source] = await this.#hash(source);
    const entry: CachedConfig = {
      sources,
      fingerprint: fingerprint(path, sources),
      problems: config.problems,
      include: config.include,
      exclude: config.exclude,
    };
    this.cache?.setConfig(path, entry);
    return info(path, entry, async () => config);
  }

  #resolve(path: string): Promise<ResolvedConfig> {
    this.resolvedCount++;
    return this.loader.loadFile(path);
  }

  async #unchanged(entry: CachedConfig): Promise<boolean> {
    for (const [source, hash] of Object.entries(entry.sources)) if ((await this.#hash(source)) !== hash) return false;
    return true;
  }

  /**
   * The cache is not trusted with which files a config covers: a forged record excluding everything
   * would hide every finding. include/exclude are read from the config file itself (a JSON parse, no
   * validation) and must be what the record says.
   */
  async #sameScope(path: string, entry: CachedConfig): Promise<boolean> {
    const text = await this.host.readFile(path).catch(() => undefined);
    if (text === undefined) return false;
    const { parseJsonc } = await import('../core/config/jsonc.js');
    const value = parseJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).value as Record<string, unknown> | undefined;
    const list = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined);
    const same = (a: unknown, b: string[] | undefined) => JSON.stringify(list(a) ?? null) === JSON.stringify(b ?? null);
    return !!value && typeof value === 'object' && same(value['include'], entry.include) && same(value['exclude'], entry.exclude);
  }

  async #hash(path: string): Promise<string | null> {
    const text = await this.host.readFile(path).catch(() => undefined);
    return text === undefined ? null : hashText(text);
  }
}

function info(path: string, entry: CachedConfig, resolve: () => Promise<ResolvedConfig>): ConfigInfo {
  const root = path.slice(0, path.lastIndexOf('/')) || '/';
  const scope = { root, include: entry.include, exclude: entry.exclude };
  return {
    key: path,
    ...scope,
    fingerprint: entry.fingerprint,
    problems: entry.problems,
    excludes: (file) => excludes(scope, file),
    selects: (file) => isInside(root, file) && selects(scope, file),
    resolve,
  };
}

function fingerprint(path: string, sources: Record<string, string | null>): string {
  const parts = Object.keys(sources)
    .sort()
    .map((s) => `${s}=${sources[s] ?? 'missing'}`);
  return hashText([path, ...parts].join('\0'));
}
