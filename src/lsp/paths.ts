// Document URIs ↔ the `/`-separated absolute paths core and the CLI use. Only `file:` URIs have a path on
// disk; anything else (untitled buffers, virtual documents) is linted by its front matter alone.

import { fileURLToPath, pathToFileURL } from 'node:url';

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}
