// Does a config's `include`/`exclude` select a file? The same globs `pmdocs lint` uses without paths,
// relative to the config's root. No `vscode` import: unit-tested under plain Node.

import picomatch from 'picomatch';
import type { ResolvedConfig } from '../../core/config/types.js';
import { relativeTo } from '../../core/config/paths.js';

const cache = new Map<string, (path: string) => boolean>();
const matcher = (globs: readonly string[]) => {
  const key = globs.join('\0');
  let m = cache.get(key);
  if (!m) cache.set(key, (m = picomatch([...globs], { dot: true })));
  return m;
};

/** `path` is `/`-separated (Uri.path). Files outside the config's root are judged by their full path. */
export function isIncluded(config: Pick<ResolvedConfig, 'root' | 'include' | 'exclude'>, path: string): boolean {
  const rel = relativeTo(config.root, path) ?? path.replace(/^\/+/, '');
  if (/(^|\/)node_modules\//.test(rel)) return false;
  if (config.include?.length && !matcher(config.include)(rel)) return false;
  if (config.exclude?.length && matcher(config.exclude)(rel)) return false;
  return true;
}
