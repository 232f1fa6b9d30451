// peers.mjs: installs the peers on demand (bench/peers/package.json → bench/.peers) and prepares the
// corpus root the way a docs repository would look to each tool.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, lstatSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const same = (a, b) => existsSync(a) && existsSync(b) && readFileSync(a, 'utf8') === readFileSync(b, 'utf8');

/** Installs bench/peers into bench/.peers unless the same package.json and lock are installed. */
export function ensurePeers(benchDir, log) {
  const src = join(benchDir, 'peers');
  const dst = join(benchDir, '.peers');
  const installed = existsSync(join(dst, 'node_modules', '.package-lock.json'));
  if (
    installed &&
    same(join(src, 'package.json'), join(dst, 'package.json')) &&
    same(join(src, 'package-lock.json'), join(dst, 'package-lock.json'))
  )
    return dst;
  log(`installing the peers into ${dst} (once) …`);
  mkdirSync(dst, { recursive: true });
  cpSync(join(src, 'package.json'), join(dst, 'package.json'));
  const lock = existsSync(join(src, 'package-lock.json'));
  if (lock) cpSync(join(src, 'package-lock.json'), join(dst, 'package-lock.json'));
  const npm = (cmd) =>
    spawnSync('npm', [cmd, '--no-audit', '--no-fund', '--omit-lockfile-registry-resolved'], {
      cwd: dst,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  let r = npm(lock ? 'ci' : 'install');
  // rumdl's lock lists only the platform binary the registry had when it was made (linux x64): `npm ci`
  // refuses a lock without the others, `npm install` keeps every pinned version of the lock all the same
  if (r.status !== 0 && lock) r = npm('install');
  if (r.status !== 0) throw new Error(`installing the peers failed (npm exited ${r.status}); see the output above`);
  return dst;
}

const binOf = (peersDir, pkg, name) => {
  const json = JSON.parse(readFileSync(join(peersDir, 'node_modules', pkg, 'package.json'), 'utf8'));
  const bin = typeof json.bin === 'string' ? json.bin : json.bin[name];
  return join(peersDir, 'node_modules', pkg, bin);
};

/**
 * rumdl's native binary (the platform package its wrapper would start), so that no Node start-up is
 * timed for it; the wrapper through node when the platform package is missing.
 */
function rumdlCommand(peersDir) {
  const libc = process.platform === 'linux' && !process.report?.getReport?.().header?.glibcVersionRuntime ? '-musl' : '';
  const exe = process.platform === 'win32' ? 'rumdl.exe' : 'rumdl';
  const native = join(peersDir, 'node_modules', '@rumdl', `cli-${process.platform}-${process.arch}${libc}`, exe);
  return existsSync(native) ? [native] : [process.execPath, binOf(peersDir, 'rumdl', 'rumdl')];
}

export function peerCommands(peersDir) {
  const remark = binOf(peersDir, 'remark-cli', 'remark');
  const mdl = binOf(peersDir, 'markdownlint-cli2', 'markdownlint-cli2');
  const rumdl = rumdlCommand(peersDir);
  const version = (pkg) => JSON.parse(readFileSync(join(peersDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  return {
    versions: {
      'remark-cli': version('remark-cli'),
      'remark-lint-frontmatter-schema': version('remark-lint-frontmatter-schema'),
      'markdownlint-cli2': version('markdownlint-cli2'),
      rumdl: version('rumdl'),
    },
    // --no-stdout and no --output: remark never writes a file back; --frail makes warnings fail the run
    remark: (target) => [process.execPath, remark, target, '--quiet', '--frail', '--no-stdout', '--report', 'json'],
    markdownlint: (target) => [process.execPath, mdl, target.endsWith('.md') ? target : `${target}/**/*.md`],
    // its defaults (style rules only), without its cache: the cold run pmdocs is compared with
    rumdl: (target) => [...rumdl, 'check', target, '--no-cache'],
  };
}

/**
 * The corpus root (bench/.corpus) as a small docs repository of its own:
 * - its own git repository, because the project's .gitignore ignores bench/.corpus/ and pmdocs
 *   (like git) skips ignored files found through a folder;
 * - an empty .pmdocs.json, so no config above it changes the rules;
 * - .remarkrc.mjs + schemas/ for the peer, and node_modules → ../.peers/node_modules so the
 *   rc file's imports resolve.
 */
export function prepareCorpusRoot(root, benchDir, withPeers) {
  mkdirSync(root, { recursive: true });
  if (!existsSync(join(root, '.git'))) {
    const r = spawnSync('git', ['init', '-q'], { cwd: root, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`git init in ${root} failed`);
  }
  writeFileSync(join(root, '.pmdocs.json'), '{}\n');
  if (!withPeers) return;
  cpSync(join(benchDir, 'peers', 'remarkrc.mjs'), join(root, '.remarkrc.mjs'));
  rmSync(join(root, 'schemas'), { recursive: true, force: true });
  cpSync(join(benchDir, 'peers', 'schemas'), join(root, 'schemas'), { recursive: true });
  const link = join(root, 'node_modules');
  let isLink = false;
  try {
    isLink = lstatSync(link).isSymbolicLink();
  } catch {
    /* missing */
  }
  if (!isLink) {
    rmSync(link, { recursive: true, force: true });
    symlinkSync(join('..', '.peers', 'node_modules'), link);
  }
}

/** Paths, sizes and modification times of every file under dir: changes if any tool rewrote one. */
export function fingerprint(dir) {
  const h = createHash('sha1');
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return h.digest('hex');
}
