// What a command gets from main(): the working folder, the host, the output streams, the environment
// and a clock. Its own module so the commands do not import main.ts, which imports them.

import type { CliHost, OutputStream } from './host.js';

export interface Io {
  /** Absolute, `/`-separated. */
  cwd: string;
  host: CliHost;
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  /** The clock for `new` (tests pass a fixed date). */
  now: () => Date;
}
