// git's `user.name`, read from git's config files as data: no `git` process is started, so nothing a
// repository's config or a `git` binary inside a cloned folder says can run (on Windows a command
// started in a folder may resolve to an executable in that folder). The files are read in git's order —
// global ($GIT_CONFIG_GLOBAL, else $XDG_CONFIG_HOME/git/config then ~/.gitconfig), then the repository's
// own config — and the last value wins, as in git. `include.path` and `includeIf "gitdir:…"` are
// followed (10 levels, like git); other includeIf conditions (onbranch:, hasconfig:) are not evaluated
// and their files are skipped. The system config (/etc/gitconfig) is not read: its place depends on how
// git was installed.

import type { IHost } from '../host.js';
import { dirname, isAbsolute, resolvePath } from '../config/paths.js';

export interface GitConfigEnv {
  /** The user's home folder, `/`-separated. */
  home?: string;
  xdgConfigHome?: string;
  /** $GIT_CONFIG_GLOBAL: replaces the global files when set. */
  gitConfigGlobal?: string;
}

const MAX_INCLUDE_DEPTH = 10;

/** `user.name` as git would report it for a command run in `folder`, or undefined. */
export async function gitUserName(host: IHost, folder: string, env: GitConfigEnv): Promise<string | undefined> {
  const gitDir = await findGitDir(host, folder);
  const files: string[] = [];
  if (env.gitConfigGlobal) files.push(expandHome(env.gitConfigGlobal, env.home));
  else {
    const xdg = env.xdgConfigHome ?? (env.home ? `${env.home}/.config` : undefined);
    if (xdg) files.push(`${xdg}/git/config`);
    if (env.home) files.push(`${env.home}/.gitconfig`);
  }
  if (gitDir) files.push(`${gitDir.common}/config`);
  let name: string | undefined;
  const visit = async (file: string, depth: number): Promise<void> => {
    if (depth > MAX_INCLUDE_DEPTH) return;
    const text = await host.readFile(file).catch(() => undefined);
    if (text === undefined) return;
    for (const entry of parseGitConfig(text)) {
      if (entry.section === 'user' && entry.subsection === undefined && entry.key === 'name') name = entry.value;
      else if (
        entry.key === 'path' &&
        entry.value &&
        (entry.section === 'include'
          ? entry.subsection === undefined
          : entry.section === 'includeif' && conditionHolds(entry.subsection, file, gitDir?.dir, env.home))
      ) {
        await visit(resolveIncludePath(entry.value, file, env.home), depth + 1);
      }
    }
  };
  for (const file of files) await visit(file, 0);
  return name?.trim() || undefined;
}

export interface GitConfigEntry {
  /** Lower case. */
  section: string;
  /** As written (case-sensitive in git). */
  subsection?: string;
  /** Lower case. */
  key: string;
  /** undefined for a key written without `=` (git's boolean true). */
  value?: string;
}

/** The entries of a git config file, in order. Malformed lines are skipped, as nothing depends on them here. */
export function parseGitConfig(text: string): GitConfigEntry[] {
  const out: GitConfigEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let section: string | undefined;
  let subsection: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const m = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*(.*)$/.exec(line);
      if (!m) {
        section = undefined;
        continue;
      }
      const [, name, sub, rest] = m;
      if (sub !== undefined) {
        section = name!.toLowerCase();
        subsection = sub.replace(/\\(.)/g, '$1');
      } else {
        // [section.sub] is the legacy spelling of [section "sub"] (subsection lower-cased).
        const dot = name!.indexOf('.');
        section = (dot < 0 ? name! : name!.slice(0, dot)).toLowerCase();
        subsection = dot < 0 ? undefined : name!.slice(dot + 1).toLowerCase();
      }
      line = rest!.trim(); // a key may follow the header on the same line
      if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    }
    if (section === undefined) continue;
    const km = /^([A-Za-z][A-Za-z0-9-]*)\s*(=?)(.*)$/.exec(line);
    if (!km) continue;
    const key = km[1]!.toLowerCase();
    if (!km[2]) {
      out.push({ section, subsection, key });
      continue;
    }
    // The value may continue on the next lines (a trailing backslash outside quotes).
    let raw = km[3]!;
    while (endsWithContinuation(raw) && i + 1 < lines.length) raw = raw.slice(0, -1) + lines[++i]!;
    out.push({ section, subsection, key, value: unquote(raw) });
  }
  return out;
}

function endsWithContinuation(raw: string): boolean {
  const m = /(\\+)$/.exec(raw);
  return !!m && m[1]!.length % 2 === 1;
}

/** git's value syntax: quotes group, `\"` `\\` `\n` `\t` `\b` escapes, `#`/`;` outside quotes start a comment, outer spaces dropped. */
function unquote(raw: string): string {
  let out = '';
  let quoted = false;
  let pendingSpace = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i]!;
      out += pendingSpace + ({ n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\' } as Record<string, string>)[n]!;
      pendingSpace = '';
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
      out += pendingSpace;
      pendingSpace = '';
      continue;
    }
    if (!quoted && (c === '#' || c === ';')) break;
    if (!quoted && (c === ' ' || c === '\t')) {
      if (out) pendingSpace += c;
      continue;
    }
    out += pendingSpace + c;
    pendingSpace = '';
  }
  return out;
}

/** The repository's git folder (`dir`, matched by includeIf gitdir:) and the folder holding its config (`common`; differs for linked worktrees). */
async function findGitDir(host: IHost, folder: string): Promise<{ dir: string; common: string } | undefined> {
  for (let dir = folder.replace(/\/+$/, ''); ;) {
    const dotGit = `${dir}/.git`;
    const stat = await host.stat(dotGit).catch(() => undefined);
    if (stat?.isDirectory) return { dir: dotGit, common: dotGit };
    if (stat?.isFile) {
      // A linked worktree or submodule: ".git" is a file "gitdir: <path>"; its config lives in the commondir.
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((await host.readFile(dotGit).catch(() => undefined)) ?? '')?.[1];
      if (!pointer) return undefined;
      const gitDir = resolvePath(dir, pointer.replace(/\\/g, '/'));
      const common = (await host.readFile(`${gitDir}/commondir`).catch(() => undefined))?.trim();
      return { dir: gitDir, common: common ? resolvePath(gitDir, common.replace(/\\/g, '/')) : gitDir };
    }
    const up = dir.slice(0, dir.lastIndexOf('/'));
    if (!up || up === dir || !dir.includes('/')) return undefined;
    dir = up;
  }
}

function conditionHolds(condition: string | undefined, configFile: string, gitDir: string | undefined, home: string | undefined): boolean {
  const m = /^gitdir(\/i)?:(.+)$/.exec(condition ?? '');
  if (!m || !gitDir) return false;
  let pattern = m[2]!;
  if (pattern.startsWith('~/')) pattern = home ? `${home}${pattern.slice(1)}` : pattern;
  else if (pattern.startsWith('./')) pattern = `${dirname(configFile)}${pattern.slice(1)}`;
  else if (!isAbsolute(pattern)) pattern = `**/${pattern}`;
  if (pattern.endsWith('/')) pattern += '**';
  const re = globToRegExp(pattern, !!m[1]);
  return re.test(gitDir) || re.test(`${gitDir}/`);
}

/** git's wildmatch with WM_PATHNAME: `*` and `?` stay inside a path segment, `**` crosses them. */
function globToRegExp(glob: string, ignoreCase: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, ignoreCase ? 'i' : '');
}

function resolveIncludePath(path: string, configFile: string, home: string | undefined): string {
  const p = expandHome(path.replace(/\\/g, '/'), home);
  return resolvePath(dirname(configFile), p);
}

function expandHome(path: string, home: string | undefined): string {
  return path.startsWith('~/') && home ? `${home}${path.slice(1)}` : path;
}
