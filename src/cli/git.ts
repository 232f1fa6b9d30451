// `--changed-since <ref>`: what git says changed since a ref. Read-only git commands only, each run with
// an argument array (never through a shell), NUL-separated output (so paths with spaces, quotes or
// non-ASCII characters come through as they are), and settings that keep git from running anything the
// repository configures (an fsmonitor hook, an external diff).

import { execFile } from 'node:child_process';

export class GitError extends Error {}

export interface Changes {
  /** Absolute, `/`-separated paths changed since the ref: modified, added, deleted (rename = delete + add), untracked. */
  paths: string[];
  /** The commit the working tree was compared with (the merge base of the ref and HEAD). */
  base: string;
  /** Reads files as they were at `base` (undefined: not there then). */
  before(paths: string[]): Promise<Map<string, string>>;
}

const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', '--no-pager'];

/**
 * The files changed between the merge base of `ref` and HEAD and the working tree (committed, staged,
 * unstaged, and new files git does not ignore), seen from `cwd`.
 */
export async function changedSince(cwd: string, ref: string): Promise<Changes> {
  if (!ref || ref.startsWith('-')) throw new GitError(`--changed-since needs a git ref (a branch, tag or commit), not '${ref}'`);
  const prefix = (await git(cwd, ['rev-parse', '--show-prefix']).catch(notARepo(cwd))).replace(/\n$/, '');
  // The repository's root as the cwd names it (the cwd may be reached through a symlink).
  const root = prefix ? cwd.slice(0, cwd.length - prefix.replace(/\/$/, '').length - 1) || '/' : cwd;
  const commit = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(() => {
    throw new GitError(`--changed-since: unknown git ref '${ref}' (no commit of that name in this repository)`);
  });
  const base = (
    await git(cwd, ['merge-base', commit.trim(), 'HEAD']).catch(() => {
      throw new GitError(`--changed-since: '${ref}' has no history in common with HEAD`);
    })
  ).trim();
  const diffed = await git(root, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', base, '--']).catch(
    failed('diff'),
  );
  const untracked = await git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name']).catch(failed('ls-files'));
  const relative = [...new Set([...nulList(diffed), ...nulList(untracked)])];
  const abs = (p: string) => (root === '/' ? `/${p}` : `${root}/${p}`);
  return {
    paths: relative.map(abs),
    base,
    async before(paths) {
      const asked = new Set(paths);
      const wanted = relative.filter((p) => asked.has(abs(p)) && !p.includes('\n'));
      const texts = await catFiles(root, base, wanted).catch(failed('cat-file'));
      return new Map([...texts].map(([p, text]) => [abs(p), text]));
    },
  };
}

function notARepo(cwd: string) {
  return (e: Error & { code?: unknown; stderr?: string }): never => {
    if (e.code === 'ENOENT') throw new GitError('--changed-since needs git, and no git program was found');
    if (!e.stderr || /not a git repository/i.test(e.stderr))
      throw new GitError(`--changed-since needs a git repository, and ${cwd} is not inside one`);
    return failed('rev-parse')(e); // e.g. a repository git refuses to read (safe.directory)
  };
}

/** Any other git failure (a corrupt repository, a killed git): a clear error with git's own first line, exit 2. */
function failed(command: string) {
  return (e: Error & { stderr?: string }): never => {
    const why = (e.stderr ?? '').split('\n').find((l) => l.trim()) ?? e.message;
    throw new GitError(`--changed-since: git ${command} failed: ${why.trim()}`);
  };
}

function nulList(out: string): string[] {
  return out.split('\0').filter((p) => p !== '');
}

/** `git cat-file --batch`: each `base:path` blob in one process. */
async function catFiles(root: string, base: string, paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!paths.length) return out;
  const raw = await gitBuffer(root, ['cat-file', '--batch'], paths.map((p) => `${base}:${p}\n`).join(''));
  let at = 0;
  for (const path of paths) {
    const eol = raw.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = raw.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = / blob (\d+)$/.exec(header);
    if (!m) continue; // missing (added since the base), or not a file
    const size = Number(m[1]);
    out.set(path, raw.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}

function git(cwd: string, args: string[]): Promise<string> {
  return gitBuffer(cwd, args).then((b) => b.toString('utf8'));
}

function gitBuffer(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...SAFE, ...args],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr: stderr.toString('utf8') }));
        else resolve(stdout);
      },
    );
    // A git that exits before reading its input (an error) closes the pipe: its exit status tells what happened.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}
