// Command-line options through node:util's parseArgs, with one-line messages a user can act on.

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake on the command line: exit code 2 with the message and a pointer to --help. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<O extends Options>(args: string[], options: O, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const name = /'(-[^']*)'/
      .exec(err.message)?.[1]
      ?.replace(/ <value>$/, '')
      .replace(/^-\w, /, '');
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`unknown option '${name ?? err.message}' for 'pmdocs ${command}'`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/ambiguous/.test(err.message))
        throw new UsageError(`option '${name ?? '?'}' needs a value; for one starting with '-', write ${name ?? '--option'}=-…`);
      throw new UsageError(`option '${name ?? '?'}' ${/argument missing/.test(err.message) ? 'needs a value' : 'takes no value'}`);
    }
    throw new UsageError(err.message);
  }
}
