// CliHost on Node's fs and tinyglobby. Paths in and out are `/`-separated (also on Windows).
//
// Reads are for regular files only and bounded: a FIFO, socket or device (also behind a symlink) is
// refused before a byte is read (opened non-blocking, so a FIFO without a writer cannot block the open),
// and no read goes past the fileBytes limit, whatever stat said (a symlink to /dev/zero reports size 0).

import {
  close as closeCb,
  closeSync,
  constants,
  fstat as fstatCb,
  fstatSync,
  lstat as lstatCb,
  open as openCb,
  openSync,
  read as readCb,
  readSync,
  realpath as realpathCb,
  stat as statCb,
  type Stats,
} from 'node:fs';
import { chmod, chown, mkdir, open as openP, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { glob } from 'tinyglobby';
import { isInside } from '../core/config/paths.js';
import { limits, limitSetting } from '../core/limits.js';
import type { CliHost } from './host.js';
import { fsPath, nameFromBytes } from './fileNames.js';

// The callback API: for thousands of small files it costs less than fs/promises' FileHandle round trips.
const open = promisify(openCb);
const fstat = promisify(fstatCb);
const close = promisify(closeCb);
const stat = promisify(statCb);
const lstat = promisify(lstatCb);
const realpath = promisify(realpathCb);
const read = (fd: number, buffer: Buffer, offset: number, length: number) =>
  new Promise<number>((resolve, reject) => readCb(fd, buffer, offset, length, null, (e, n) => (e ? reject(e) : resolve(n))));

export const toSlash = (p: string): string => p.replace(/\\/g, '/');

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** An error with a code the CLI recognises, and a message that says what to do. */
export class HostError extends Error {
  constructor(
    readonly code: 'PMDOCS_NOT_REGULAR' | 'PMDOCS_TOO_LARGE' | 'PMDOCS_NOT_UTF8' | 'PMDOCS_LINK_OUTSIDE',
    message: string,
  ) {
    super(message);
  }
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

const notRegular = (s: Stats) => new HostError('PMDOCS_NOT_REGULAR', `it is ${kindOf(s)}; pmdocs reads only regular files`);
const tooLarge = (max: number) =>
  new HostError(
    'PMDOCS_TOO_LARGE',
    `it is larger than ${max} bytes; raise ${limitSetting(max === limits().fileBytes ? 'fileBytes' : 'cacheBytes')} to read it`,
  );

/** The file's bytes: a regular file only, never more than the fileBytes limit. Undefined when missing. */
export async function readBounded(path: string, max = limits().fileBytes): Promise<Buffer | undefined> {
  let fd: number;
  try {
    fd = await open(fsPath(path), READ_FLAGS);
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
  try {
    const s = await fstat(fd);
    checkOpened(s, max);
    // One byte more than stat says, to see the end of the file (or that it grew) in one read.
    let buf: Buffer = Buffer.allocUnsafe(s.size + 1);
    let n = 0;
    for (;;) {
      const got = await read(fd, buf, n, buf.length - n);
      if (got === 0) break;
      n += got;
      buf = roomAfter(buf, n, max);
    }
    return buf.subarray(0, n);
  } finally {
    await close(fd).catch(() => undefined);
  }
}

/**
 * readBounded for a worker thread, with the same checks: there a blocking read holds up no one, and it
 * saves the four or five callback round trips per file that made reading about a sixth of a cold 10k
 * run's CPU.
 */
export function readBoundedSync(path: string, max = limits().fileBytes): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(fsPath(path), READ_FLAGS);
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
  try {
    const s = fstatSync(fd);
    checkOpened(s, max);
    let buf: Buffer = Buffer.allocUnsafe(s.size + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      buf = roomAfter(buf, n, max);
    }
    return buf.subarray(0, n);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // closing a file only read from: nothing to lose
    }
  }
}

/** A regular file within the limit, as stat says once it is open (a FIFO is refused before any read). */
function checkOpened(s: Stats, max: number): void {
  if (!s.isFile()) throw notRegular(s);
  if (s.size > max) throw tooLarge(max);
}

/** The buffer with room for more after n bytes (the file grew since stat); past the limit, an error. */
function roomAfter(buf: Buffer, n: number, max: number): Buffer {
  if (n > max) throw tooLarge(max);
  if (n < buf.length) return buf;
  const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
  buf.copy(bigger, 0, 0, n);
  return bigger;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function createNodeHost(): CliHost {
  return {
    async readFile(path, options) {
      const bytes = await readBounded(path, options?.maxBytes);
      return bytes?.toString('utf8');
    },
    async stat(path) {
      try {
        const s = await stat(fsPath(path));
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
      return realNames(found.map(toSlash));
    },
    namesLike: (path) => realNames([path]),
    async writeFile(path, text, options = {}) {
      if (options.inPlace) return rewrite(path, text, options.inPlace.within);
      await mkdir(fsPath(dirname(path)), { recursive: true });
      if (options.atomic) {
        const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(fsPath(temp), text, 'utf8');
        await rename(fsPath(temp), fsPath(path));
        return;
      }
      await writeFile(fsPath(path), text, { encoding: 'utf8', flag: options.exclusive ? 'wx' : 'w' });
    },
    parallelism: () => Math.min(availableParallelism(), 4),
  };
}

/**
 * Rewrites an existing file (`--fix`) so that only its text changes: through a symlink to its target
 * (only when the target is inside `within`), in place when it has other hard links, else through a
 * temporary file given the original's mode and owner, then renamed over it (no torn file). A file whose
 * bytes on disk are not valid UTF-8 is never rewritten: its text was decoded with replacement characters.
 */
async function rewrite(path: string, text: string, within: string): Promise<void> {
  const link = await lstat(fsPath(path));
  const target = link.isSymbolicLink() ? toSlash(nameFromBytes(await realpath(fsPath(path), { encoding: 'buffer' }))) : path;
  if (target !== path && !isInside(within, target) && !isInside(await realpath(within).then(toSlash, () => within), target)) {
    throw new HostError('PMDOCS_LINK_OUTSIDE', `it is a symbolic link to ${target}, outside ${within}; pmdocs does not write there`);
  }
  const s = await stat(fsPath(target));
  if (!s.isFile()) throw notRegular(s);
  const current = await readBounded(target);
  if (current && !isValidUtf8(current))
    throw new HostError(
      'PMDOCS_NOT_UTF8',
      'the file is not valid UTF-8, so its text could not be kept byte for byte; pmdocs rewrites only UTF-8 files',
    );
  if (s.nlink > 1) {
    // Renaming a new file over one hard link would split it from the others.
    const handle = await openP(fsPath(target), 'r+');
    try {
      await handle.truncate(0);
      await handle.write(text, 0, 'utf8');
    } finally {
      await handle.close();
    }
    return;
  }
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(fsPath(temp), text, { encoding: 'utf8', mode: s.mode & 0o7777, flag: 'wx' });
    await chmod(fsPath(temp), s.mode & 0o7777); // writeFile's mode is masked by the umask
    if (process.getuid && (s.uid !== process.getuid() || s.gid !== process.getgid?.()))
      await chown(fsPath(temp), s.uid, s.gid).catch(() => undefined);
    await rename(fsPath(temp), fsPath(target));
  } catch (e) {
    await unlink(fsPath(temp)).catch(() => undefined);
    throw e;
  }
}

/**
 * The glob's paths with every name Node decoded lossily (U+FFFD where a byte was not UTF-8) replaced by
 * the real names it stands for (fileNames.ts), found by reading those folders as bytes. Two files whose
 * names differ only in such bytes come back as one lossy path and leave as two.
 */
async function realNames(paths: string[]): Promise<string[]> {
  if (!paths.some((p) => p.includes('\uFFFD'))) return paths;
  const out: string[] = [];
  for (const path of new Set(paths)) {
    if (!path.includes('\uFFFD')) {
      out.push(path);
      continue;
    }
    const [first, ...segments] = path.split('/');
    let bases = [first!];
    for (const segment of segments) {
      if (!segment.includes('\uFFFD')) {
        bases = bases.map((b) => `${b}/${segment}`);
        continue;
      }
      const next: string[] = [];
      for (const base of bases) {
        const entries = await readdir(fsPath(base || '/'), { encoding: 'buffer' }).catch(() => [] as Buffer[]);
        for (const entry of entries) if (entry.toString('utf8') === segment) next.push(`${base}/${nameFromBytes(entry)}`);
      }
      bases = next;
    }
    out.push(...bases);
  }
  return out;
}
