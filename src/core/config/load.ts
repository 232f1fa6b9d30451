// Finding and resolving `.pmdocs.json`: walk up from a file's folder to the nearest config, parse it as
// JSON with comments, check it against schemas/pmdocs-config.schema.json, and resolve rules, associations,
// include/exclude and workspace doc types (schema files read through the host).
//
// A broken config or schema file becomes a ConfigProblem naming the file (with line and column when
// known) and only the broken part is dropped: built-in types and the other workspace types keep working.
// Resolved configs are cached per config path and content (of the config and every schema file it
// read), so thousands of files in one tree share one ResolvedConfig object (and one set of compiled
// validators in the engine).

import type { IHost } from '../host.js';
import { ALL_RULES_KEY, normalizeRuleSetting, type RuleSetting } from './ruleSettings.js';
import { LineIndex } from '../document/lineIndex.js';
import { builtInDocTypes } from '../doctypes/builtins.js';
import { docTypeFromSchema, type BodySpec, type DocType } from '../doctypes/docType.js';
import configSchema from '../../../schemas/pmdocs-config.schema.json';
import { defaultConfig, type Association, type ConfigProblem, type ResolvedConfig } from './types.js';
import { limits, outsideSchemasAllowed, type Limits } from '../limits.js';
import { offsetOf, parseJsonc, type JsonPath } from './jsonc.js';
import { dirname, isInside, resolvePath } from './paths.js';
import { followRefs, outsideWorkspace, patternProblems, readSchemaFile, type Read } from './schemaFiles.js';
import { didYouMean } from '../schema/didYouMean.js';

export const CONFIG_FILE_NAME = '.pmdocs.json';

export interface ConfigLoaderOptions {
  /** Discovery stops at this folder (inclusive); without it, at the filesystem root. */
  workspaceRoot?: string;
  /** Use this config file for every document instead of discovery. */
  explicitConfig?: string;
}

export interface ConfigLoader {
  /** The config file that applies to a document (the explicit one, or the nearest `.pmdocs.json` above it). */
  configFileFor(filePath: string): Promise<string | undefined>;
  /** The resolved config for a document. */
  load(filePath: string): Promise<ResolvedConfig>;
  /** The resolved config of one config file. */
  loadFile(configPath: string): Promise<ResolvedConfig>;
  /** Forget what was read (call after files changed); resolved configs are still reused when content is unchanged. */
  invalidate(): void;
}

const OVERRIDES = [
  'label',
  'idPrefix',
  'idExample',
  'requirementIdPrefix',
  'fileNames',
  'rulePrefixes',
  'sections',
  'groups',
  'order',
  'settledStatuses',
  'reopenStatus',
  'template',
  'frontMatterTemplate',
  'doneStatuses',
  'rules',
  'sectionLevel',
  'headingMatch',
  'closedSections',
  'keyOrder',
  'fileName',
] as const;
// The rule ids the config schema lists, plus `"*"` (every rule); suggestions come from the ids only.
const KNOWN_RULES = Object.keys(
  (configSchema as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties,
);
const RULE_IDS = KNOWN_RULES.filter((id) => id !== ALL_RULES_KEY);

interface CacheEntry {
  /** Text of every source file when the config was resolved (undefined = missing). */
  sources: Map<string, string | undefined>;
  config: ResolvedConfig;
  /** The limits it was read under (a raised limit may read a config that was refused before). */
  limits: Readonly<Limits>;
  outsideAllowed: boolean;
}

/**
 * Resolved configs by config path, shared by every loader: hosts are often short-lived (one per load in
 * the extension) while configs rarely change. An entry is reused only when the config file and every
 * schema file it read still have the same text, so sharing across hosts is safe.
 */
const resolved = new Map<string, CacheEntry>();

/** The config of documents with no .pmdocs.json, one object per root (so the engine's caches hit). */
const defaultsByRoot = new Map<string, ResolvedConfig>();
function defaultsFor(root: string): ResolvedConfig {
  let c = defaultsByRoot.get(root);
  if (!c) defaultsByRoot.set(root, (c = defaultConfig(root)));
  return c;
}

export function createConfigLoader(host: IHost, options: ConfigLoaderOptions = {}): ConfigLoader {
  const root = options.workspaceRoot?.replace(/\/+$/, '') || undefined;
  const defaults = defaultsFor(root ?? '');
  let reads = new Map<string, Promise<string | undefined>>();
  let folders = new Map<string, Promise<string | undefined>>();
  let loads = new Map<string, Promise<ResolvedConfig>>();

  const read: Read = (path) => {
    let p = reads.get(path);
    if (!p) reads.set(path, (p = host.readFile(path)));
    return p;
  };

  /** A config that exists but cannot be read still counts: loading it reports why, instead of silently skipping it. */
  const present = (path: string) =>
    read(path).then(
      (text) => text !== undefined,
      () => true,
    );

  async function findUp(dir: string): Promise<string | undefined> {
    let p = folders.get(dir);
    if (!p) {
      p = (async () => {
        const candidate = `${dir === '/' ? '' : dir}/${CONFIG_FILE_NAME}`;
        if (await present(candidate)) return candidate;
        const parent = dirname(dir);
        const atRoot = parent === dir || parent === '' || (root !== undefined && dir === root);
        return atRoot ? undefined : findUp(parent);
      })();
      folders.set(dir, p);
    }
    return p;
  }

  async function configFileFor(filePath: string): Promise<string | undefined> {
    if (options.explicitConfig) return options.explicitConfig;
    const dir = dirname(filePath) || '/';
    // Outside the workspace root, discovery is not bounded by it.
    if (root !== undefined && !isInside(root, dir)) return findUpUnbounded(dir);
    return findUp(dir);
  }

  async function findUpUnbounded(dir: string): Promise<string | undefined> {
    for (let d = dir; ; d = dirname(d)) {
      const candidate = `${d === '/' ? '' : d}/${CONFIG_FILE_NAME}`;
      if (await present(candidate)) return candidate;
      if (dirname(d) === d || dirname(d) === '') return undefined;
    }
  }

  async function loadFile(configPath: string): Promise<ResolvedConfig> {
    let p = loads.get(configPath);
    if (!p) loads.set(configPath, (p = loadFresh(configPath)));
    return p;
  }

  async function loadFresh(configPath: string): Promise<ResolvedConfig> {
    const cached = resolved.get(configPath);
    if (cached && cached.limits === limits() && cached.outsideAllowed === outsideSchemasAllowed() && (await unchanged(cached)))
      return cached.config;
    const seen = new Map<string, string | undefined>();
    const recording: Read = async (path) => {
      try {
        const text = await read(path);
        seen.set(path, text);
        return text;
      } catch (e) {
        seen.set(path, undefined);
        throw e;
      }
    };
    const config = await resolveConfig(configPath, recording);
    config.sources = [...seen.keys()];
    resolved.set(configPath, { sources: seen, config, limits: limits(), outsideAllowed: outsideSchemasAllowed() });
    return config;
  }

  async function unchanged(entry: CacheEntry): Promise<boolean> {
    for (const [path, text] of entry.sources) {
      if ((await read(path).catch(() => undefined)) !== text) return false;
    }
    return true;
  }

  return {
    configFileFor,
    async load(filePath) {
      const file = await configFileFor(filePath);
      return file ? loadFile(file) : defaults;
    },
    loadFile,
    invalidate() {
      reads = new Map();
      folders = new Map();
      loads = new Map();
    },
  };
}

/**
 * The resolved config for `filePath`, read fresh from the host on each call (cheap when nothing changed:
 * the resolved config object is reused by content). For many files in one run, use createConfigLoader,
 * which reads each config and folder once.
 */
export async function loadConfig(host: IHost, filePath: string, options: ConfigLoaderOptions = {}): Promise<ResolvedConfig> {
  return createConfigLoader(host, options).load(filePath);
}

// --- resolution -----------------------------------------------------------------------------------

async function resolveConfig(configPath: string, read: Read): Promise<ResolvedConfig> {
  const dir = dirname(configPath) || '/';
  const config: ResolvedConfig = { ...defaultConfig(dir), file: configPath };
  let text: string | undefined;
  try {
    text = await read(configPath);
  } catch (e) {
    config.problems.push({ file: configPath, message: `The config file could not be read: ${(e as Error).message}` });
    return config;
  }
  if (text === undefined) {
    config.problems.push({ file: configPath, message: 'The config file does not exist.' });
    return config;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineIndex(text);
  const parsed = parseJsonc(text);
  const problemAt = (offset: number | undefined, message: string): ConfigProblem => ({
    file: configPath,
    ...(offset !== undefined ? lines.pointAt(offset) : {}),
    message,
  });
  if (parsed.error) {
    // A config we cannot read is not half-applied: every document falls back to the defaults.
    config.problems.push(
      problemAt(parsed.error.offset, `Not valid JSON: ${parsed.error.message}. Until this is fixed, pmdocs uses its defaults.`),
    );
    return config;
  }
  const value = parsed.value as Record<string, unknown>;
  const { checkConfig } = await import('./validateConfig.js');
  const issues = checkConfig(value).map((issue) => ({ issue, offset: offsetOf(parsed.tree, issue.path, issue.part) }));
  for (const { issue, offset } of issues.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0))) {
    config.problems.push(problemAt(offset, issue.message));
    prune(value, issue.path);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return config;

  const rules = (value['rules'] ?? {}) as Record<string, unknown>;
  for (const [id, raw] of Object.entries(rules)) {
    const setting = normalizeRuleSetting(raw);
    if (setting === undefined) continue; // the config schema said why
    if (!KNOWN_RULES.includes(id)) {
      config.problems.push(
        problemAt(
          offsetOf(parsed.tree, ['rules', id], 'key'),
          `Unknown rule '${id}' in rules.${didYouMean(id, RULE_IDS)} Run 'pmdocs rules' for the list.`,
        ),
      );
      continue;
    }
    config.rules[id] = setting satisfies RuleSetting;
  }
  for (const [name, entry] of Object.entries((value['docTypes'] ?? {}) as Record<string, Record<string, unknown>>)) {
    const typeRules = entry?.['rules'];
    if (!typeRules || typeof typeRules !== 'object') continue;
    for (const id of Object.keys(typeRules)) {
      if (KNOWN_RULES.includes(id)) continue;
      config.problems.push(
        problemAt(
          offsetOf(parsed.tree, ['docTypes', name, 'rules', id], 'key'),
          `Unknown rule '${id}' in docTypes.${name}.rules.${didYouMean(id, RULE_IDS)} Run 'pmdocs rules' for the list.`,
        ),
      );
      delete (typeRules as Record<string, unknown>)[id];
    }
  }
  config.include = strings(value['include']);
  config.exclude = strings(value['exclude']);

  const extras = new Map<string, Record<string, unknown>>();
  const entries = Object.entries((value['docTypes'] ?? {}) as Record<string, Record<string, unknown>>);
  const loaded = await Promise.all(
    entries.map(([name, entry]) => loadWorkspaceType(name, entry, { configPath, dir, read, extras, problemAt, tree: parsed.tree })),
  );
  for (const r of loaded) {
    config.problems.push(...r.problems);
    if (r.docType) config.docTypes.push(r.docType);
  }
  config.schemas = [...extras.values()];

  const known = new Set([...builtInDocTypes.map((t) => t.type), ...config.docTypes.map((t) => t.type)]);
  const broken = new Set(entries.map(([name]) => name).filter((n) => !config.docTypes.some((t) => t.type === n)));
  for (const [glob, type] of Object.entries((value['associations'] ?? {}) as Record<string, string>)) {
    if (known.has(type)) config.associations.push({ glob, type } satisfies Association);
    else if (!broken.has(type)) {
      config.problems.push(
        problemAt(
          offsetOf(parsed.tree, ['associations', glob]),
          `associations["${glob}"] names the doc type '${type}', which does not exist.${didYouMean(type, [...known])} Known types: ${[...known].join(', ')}.`,
        ),
      );
    }
  }
  return config;
}

interface TypeContext {
  configPath: string;
  dir: string;
  read: Read;
  extras: Map<string, Record<string, unknown>>;
  problemAt: (offset: number | undefined, message: string) => ConfigProblem;
  tree: Parameters<typeof offsetOf>[0];
}

async function loadWorkspaceType(
  name: string,
  entry: Record<string, unknown>,
  ctx: TypeContext,
): Promise<{ docType?: DocType; problems: ConfigProblem[] }> {
  const rel = String(entry['schema']);
  const schemaPath = resolvePath(ctx.dir, rel);
  const outside = outsideWorkspace(schemaPath, ctx.dir);
  if (outside)
    return {
      problems: [
        ctx.problemAt(
          offsetOf(ctx.tree, ['docTypes', name, 'schema']),
          `Doc type '${name}' is not available: its schema file '${rel}' ${outside}`,
        ),
      ],
    };
  const file = await readSchemaFile(ctx.read, schemaPath);
  const inFile = (path: JsonPath, message: string): ConfigProblem => {
    const offset = file.locate(path);
    const point = offset !== undefined && file.text !== undefined ? new LineIndex(file.text).pointAt(offset) : {};
    return { file: schemaPath, ...point, message: `Doc type '${name}': ${message}` };
  };
  if (!file.schema) {
    if (file.text !== undefined && file.problem)
      return { problems: [{ ...file.problem, message: `Doc type '${name}': ${file.problem.message}` }] };
    const at = offsetOf(ctx.tree, ['docTypes', name, 'schema']);
    const why = file.problem?.message.startsWith('The schema file could not be read')
      ? file.problem.message.replace('The schema file', `its schema file '${rel}'`)
      : `its schema file '${rel}' does not exist (looked for ${schemaPath}).`;
    return { problems: [ctx.problemAt(at, `Doc type '${name}' is not available: ${why}`)] };
  }
  const { checkConfig, checkJsonSchema, checkXPmdocs } = await import('./validateConfig.js');
  const metaProblem = checkJsonSchema(file.schema);
  if (metaProblem) return { problems: [inFile(metaProblem.path, `${metaProblem.message}.`)] };
  const body = file.schema['x-pmdocs'];
  if (body !== undefined) {
    const issues = checkXPmdocs(body);
    if (issues.length) {
      const first = issues[0]!;
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''} in x-pmdocs)` : '';
      const text = first.message.replace(/^the config/, 'the block').replace(/\.$/, '');
      return { problems: [inFile(['x-pmdocs', ...first.path], `x-pmdocs: ${text}${more}.`)] };
    }
  }
  const ruleProblem = xPmdocsRulesProblem(body, checkConfig);
  if (ruleProblem) return { problems: [inFile(['x-pmdocs', 'rules', ...ruleProblem.path], `x-pmdocs: ${ruleProblem.message}`)] };
  const refProblems = [...(await patternProblems(file)), ...(await followRefs(ctx.read, file, ctx.extras, ctx.dir))];
  if (refProblems.length) return { problems: refProblems.map((p) => ({ ...p, message: `Doc type '${name}': ${p.message}` })) };
  const overrides: Partial<BodySpec> = {};
  for (const key of OVERRIDES) if (entry[key] !== undefined) (overrides as Record<string, unknown>)[key] = entry[key];
  return { docType: docTypeFromSchema(file.schema, { builtIn: false, source: schemaPath, name, overrides }), problems: [] };
}

/** Drops the part of the config an issue is about, so the rest can still be applied. */
function prune(value: unknown, path: JsonPath): void {
  if (!value || typeof value !== 'object' || !path.length) return;
  // A broken rule, association or doc type drops that one entry; anything else drops the whole key.
  const depth = ['rules', 'associations', 'docTypes'].includes(String(path[0])) && path.length > 1 ? 2 : 1;
  const parentPath = path.slice(0, depth - 1);
  let parent: unknown = value;
  for (const seg of parentPath) parent = (parent as Record<string, unknown> | undefined)?.[seg as string];
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[path[depth - 1] as string];
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : undefined;
}

/** x-pmdocs `rules` take the config's rule settings: checked by the config schema's `rules`, ids included. */
function xPmdocsRulesProblem(
  body: unknown,
  checkConfig: (value: unknown) => { path: JsonPath; message: string }[],
): { path: JsonPath; message: string } | undefined {
  const rules = body && typeof body === 'object' ? (body as Record<string, unknown>)['rules'] : undefined;
  if (!rules || typeof rules !== 'object') return undefined;
  const issue = checkConfig({ rules })[0];
  if (issue) return { path: issue.path.slice(1), message: issue.message.replace(/^rules\./, 'rules.') };
  const unknown = Object.keys(rules).find((id) => !KNOWN_RULES.includes(id));
  return unknown
    ? {
        path: [unknown],
        message: `unknown rule '${unknown}' in rules.${didYouMean(unknown, RULE_IDS)} Run 'pmdocs rules' for the list.`,
      }
    : undefined;
}
