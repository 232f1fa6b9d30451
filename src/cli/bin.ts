#!/usr/bin/env node
// The `pmdocs` executable: Node's fs and process wired to main(); the exit code is set, not forced, so
// piped output is flushed before the process ends.

import { createNodeHost, toSlash } from './nodeHost.js';
import { main } from './main.js';

// `pmdocs rules | head -1`: the reader went away. Not an error of ours: stop writing, keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stream.destroy();
  });
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: toSlash(process.cwd()),
  host: createNodeHost(),
  stdout: process.stdout,
  // Messages on stderr quote file names and config text: control characters shown, never obeyed.
  stderr: {
    write: (text: string) =>
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      process.stderr.write(text.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)),
  },
  env: process.env,
});
