// CliHost on Node's fs and tinyglobby. Paths in and out are `/`-separated (also on Windows).

import { readFile as readFileCb, stat as statCb } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { glob } from 'tinyglobby';
import type { CliHost } from './host.js';

// The callback API: for thousands of small files it costs less than fs/promises' FileHandle round trips.
const readFile = promisify(readFileCb);
const stat = promisify(statCb);

export const toSlash = (p: string): string => p.replace(/\\/g, '/');

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function createNodeHost(): CliHost {
  return {
    async readFile(path) {
      try {
        return await readFile(path, 'utf8');
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    async stat(path) {
      try {
        const s = await stat(path);
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs };
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    async glob(patterns, options) {
      const found = await glob(patterns, {
        cwd: options.cwd,
        ignore: options.ignore ?? [],
        dot: options.dot ?? false,
        absolute: true,
        onlyFiles: true,
        expandDirectories: false,
        followSymbolicLinks: false,
      });
      return found.map(toSlash);
    },
    async writeFile(path, text, options = {}) {
      await mkdir(dirname(path), { recursive: true });
      if (options.atomic) {
        const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(temp, text, 'utf8');
        await rename(temp, path);
        return;
      }
      await writeFile(path, text, { encoding: 'utf8', flag: options.exclusive ? 'wx' : 'w' });
    },
    parallelism: () => Math.min(availableParallelism(), 4),
  };
}
