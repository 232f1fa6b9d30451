// The CLI as a function: arguments and a host in, an exit code out (0 clean, 1 findings, 2 tool
// failure). bin.ts wires it to Node; tests call it directly.

import { UsageError } from './args.js';
import type { Io } from './io.js';
import { HELP } from './help.js';
import { VERSION } from './version.js';
import { allowOutsideSchemas, configureLimits, LIMIT_NAMES, parseLimits } from '../core/limits.js';

/** The user's limits (../core/limits.ts) from PMDOCS_LIMITS; worker threads call this too. */
export function applyLimits(env: Record<string, string | undefined>): { unknown: string[] } {
  const { overrides, unknown } = parseLimits(env['PMDOCS_LIMITS'] ?? '');
  configureLimits(overrides);
  allowOutsideSchemas(env['PMDOCS_ALLOW_OUTSIDE_SCHEMAS'] === '1');
  return { unknown };
}

export interface MainOptions extends Omit<Io, 'now'> {
  argv: string[];
  now?: () => Date;
}

type Command = (args: string[], io: Io) => Promise<number>;

// Loaded on demand: `new` parses YAML and `rules` loads every rule, which a cached `lint` must not pay for.
const COMMANDS: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  new: async () => (await import('./commands/new.js')).newCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  changelog: async () => (await import('./commands/changelog.js')).changelogCommand,
  trace: async () => (await import('./commands/trace.js')).traceCommand,
  lsp: async () => (await import('./commands/lsp.js')).lspCommand,
};

export async function main(options: MainOptions): Promise<number> {
  const { argv, ...rest } = options;
  const io: Io = { ...rest, cwd: rest.cwd.replace(/\\/g, '/'), now: options.now ?? (() => new Date()) };
  const [command, ...args] = argv;
  const { unknown } = applyLimits(io.env);
  for (const u of unknown)
    io.stderr.write(`pmdocs: warning: PMDOCS_LIMITS: ignored '${u}' (use name=N with one of ${LIMIT_NAMES.join(', ')})\n`);
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    if (command === undefined) {
      io.stderr.write(HELP);
      return 2;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load)
      throw new UsageError(
        command.startsWith('-')
          ? `unknown option '${command}'`
          : `unknown command '${command}'; use lint, new, rules, trace, changelog or lsp`,
      );
    return await (
      await load()
    )(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`pmdocs: ${e.message}\nRun 'pmdocs --help' for usage.\n`);
      return 2;
    }
    io.stderr.write(`pmdocs: ${(e as Error)?.message ?? String(e)}\n`);
    if (io.env['PMDOCS_DEBUG']) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return 2;
  }
}
