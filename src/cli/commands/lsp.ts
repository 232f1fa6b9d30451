// `pmdocs lsp --stdio`: hands the process over to the language server (src/lsp), which ends it when the
// client sends `exit` or closes stdin.

import { parseOptions, UsageError } from '../args.js';
import { LSP_HELP } from '../help.js';
import type { Io } from '../io.js';
import { VERSION } from '../version.js';

const OPTIONS = {
  stdio: { type: 'boolean' },
  clientProcessId: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function lspCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'lsp');
  if (values.help) {
    io.stdout.write(LSP_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`'pmdocs lsp' takes no paths (got '${positionals[0]}')`);
  if (!values.stdio) throw new UsageError("'pmdocs lsp' needs --stdio (the only transport it speaks)");
  const { startServer } = await import('../../lsp/server.js');
  const connection = startServer({ host: io.host, version: VERSION });
  // The connection ends the process on `exit`; until then this command never returns.
  return new Promise<number>(() => void connection);
}
