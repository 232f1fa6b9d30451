// `pmdocs lint`'s command line: its options, checked before anything is read.

import { parseShard, type Shard } from '../../core/workspace/shard.js';
import { parseOptions, UsageError } from '../args.js';
import { formatters } from '../formatters/index.js';
import type { Formatter } from '../formatters/types.js';
import type { Io } from '../io.js';

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
  // --- CI at scale (issue 16): a stable part of the files (./discover.ts), the files changed since a git ref (./changed.ts). ---
  shard: { type: 'string' },
  'changed-since': { type: 'string' },
} as const;

export interface LintOptions {
  /** Files, folders and globs as given. */
  targets: string[];
  format: string;
  formatter: Formatter;
  /** The config file given with --config, as typed. */
  config?: string;
  /** Undefined: no limit. */
  maxWarnings: number | undefined;
  quiet: boolean;
  cache: boolean;
  fix: boolean;
  color: boolean;
  /** --shard i/n: lint only this shard's files (against the whole index). */
  shard?: Shard;
  /** --changed-since <ref>: lint only the files changed since this git ref and the documents that reference them. */
  changedSince?: string;
}

/** The options, or 'help' when --help was asked for (whatever else is on the line). */
export function parseLintOptions(args: string[], io: Io): LintOptions | 'help' {
  const { values, positionals } = parseOptions(joinNegativeMaxWarnings(args), OPTIONS, 'lint');
  if (values.help) return 'help';
  const format = values.format ?? 'stylish';
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format '${format}'; use stylish, json, sarif or github`);
  return {
    targets: positionals,
    format,
    formatter,
    ...(values.config !== undefined ? { config: values.config } : {}),
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet === true,
    cache: values.cache === true,
    fix: values.fix === true,
    color: values.color === true || (!values['no-color'] && !io.env['NO_COLOR'] && io.stdout.isTTY === true),
    ...(values.shard !== undefined ? { shard: shardOption(values.shard) } : {}),
    ...(values['changed-since'] !== undefined ? { changedSince: changedSinceOption(values['changed-since']) } : {}),
  };
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

function changedSinceOption(ref: string): string {
  // A ref that starts with '-' would reach git as an option.
  if (!ref || ref.startsWith('-')) throw new UsageError(`--changed-since needs a git ref (a branch, tag or commit), not '${ref}'`);
  return ref;
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new UsageError(shard);
  return shard;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, not '${value}'`);
  const n = Number(value);
  return n < 0 ? undefined : n; // -1: no limit (as in ESLint)
}
