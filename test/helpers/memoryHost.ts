// An in-memory IHost for core tests: files by absolute path; folders exist when a file is under them.

import type { IHost } from '../../src/core/host.js';

export function memoryHost(files: Record<string, string>): IHost {
  return {
    async readFile(path) {
      return files[path];
    },
    async stat(path) {
      if (path in files) return { isFile: true, isDirectory: false, size: files[path]!.length };
      const dir = path.endsWith('/') ? path : `${path}/`;
      return Object.keys(files).some((f) => f.startsWith(dir)) ? { isFile: false, isDirectory: true, size: 0 } : undefined;
    },
  };
}
