// `/`-separated path arithmetic for host paths (core cannot use node:path: it also runs in a web worker).

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/** `base` joined with `rel` (unless `rel` is absolute), with `.` and `..` segments resolved. */
export function resolvePath(base: string, rel: string): string {
  const raw = isAbsolute(rel) ? rel : `${base}/${rel}`;
  const drive = /^[A-Za-z]:/.exec(raw)?.[0] ?? '';
  const rooted = raw.startsWith('/') || drive !== '';
  const parts: string[] = [];
  for (const seg of raw.slice(drive.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `${drive}${rooted ? '/' : ''}${parts.join('/')}`;
}

/** `path` relative to `from` (both absolute), `/`-separated; `..` segments when `path` is outside. */
export function relativePath(from: string, path: string): string {
  const a = from.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** Is `path` inside folder `dir` (or the folder itself)? */
export function isInside(dir: string, path: string): boolean {
  const d = dir.endsWith('/') ? dir : `${dir}/`;
  return path === dir || path.startsWith(d);
}

/** `path` relative to `root` when it is inside it (undefined otherwise); with no root, `path` without leading slashes. */
export function relativeTo(root: string, path: string): string | undefined {
  if (!root) return path.replace(/^\/+/, '');
  const r = root.endsWith('/') ? root : root + '/';
  return path.startsWith(r) ? path.slice(r.length) : undefined;
}
