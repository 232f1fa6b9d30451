// What the CLI needs from the machine, beyond core's IHost: listing files and writing them. bin.ts wires
// Node's fs; tests use the same Node host on a temporary folder. Paths are absolute and `/`-separated.

import type { ScopeHost } from '../core/workspace/scope.js';

export interface WriteOptions {
  exclusive?: boolean;
  atomic?: boolean;
  /**
   * `--fix`: rewrite an existing file keeping everything but its text (mode, owner, hard links; through
   * a symlink only to a target inside `within`); refused for a file that is not valid UTF-8.
   */
  inPlace?: { within: string };
}

export interface CliHost extends ScopeHost {
  /**
   * Writes a file, creating missing folders. `exclusive`: fail with code EEXIST if it exists (new docs
   * never overwrite). `atomic`: write a temporary file and rename it (the cache: no torn files).
   */
  writeFile(path: string, text: string, options?: WriteOptions): Promise<void>;
  /**
   * The files a path names when it came through a lossy decoding (U+FFFD for bytes that are not UTF-8,
   * as Node decodes command-line arguments): their real names (cli/fileNames.ts). Absent: none.
   */
  namesLike?(path: string): Promise<string[]>;
  /** How many files lint at once (worker threads): min(cores, 4) unless told otherwise. */
  parallelism(): number;
}

/** Where output goes: process.stdout/stderr, or a string collector in tests. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}
