#!/usr/bin/env node
// The `pmdocs` executable: Node's fs and process wired to main(); the exit code is set, not forced, so
// piped output is flushed before the process ends.

import { createNodeHost, toSlash } from './nodeHost.js';
import { main } from './main.js';

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: toSlash(process.cwd()),
  host: createNodeHost(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
