// `pmdocs changelog release <version>`: turns the changelog's `[Unreleased]` section into a dated
// release (core/changelog/release.ts does the work), writes the file once and prints what it did.

import { relativePath, resolvePath } from '../../core/config/paths.js';
import { planRelease } from '../../core/changelog/release.js';
import { findFrontMatterBlock } from '../../core/document/frontMatterBlock.js';
import { localIsoDate } from '../../core/localDate.js';
import { parseOptions, UsageError } from '../args.js';
import { CHANGELOG_HELP } from '../help.js';
import type { Io } from '../io.js';

const OPTIONS = {
  file: { type: 'string' },
  date: { type: 'string' },
  repo: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const DEFAULT_NAMES = ['CHANGELOG.md', 'CHANGES.md', 'HISTORY.md', 'changelog.md'];

export async function changelogCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'changelog');
  if (values.help) {
    io.stdout.write(CHANGELOG_HELP);
    return 0;
  }
  const [action, version, ...extra] = positionals;
  if (action !== 'release')
    throw new UsageError(
      action
        ? `unknown changelog action '${action}'; use: pmdocs changelog release <version>`
        : 'which action? pmdocs changelog release <version>',
    );
  if (!version) throw new UsageError('which version? pmdocs changelog release 1.5.0');
  if (extra.length) throw new UsageError(`too many arguments: ${extra.join(' ')}`);
  const { host, cwd } = io;
  const path = values.file ? resolvePath(cwd, values.file.replace(/\\/g, '/')) : await findChangelog(io);
  if (!path) throw new UsageError(`no CHANGELOG.md in ${cwd}; name the file with --file`);
  const text = await host.readFile(path).catch(() => undefined);
  if (text === undefined) throw new UsageError(`cannot read ${relativePath(cwd, path)}`);
  const repositoryUrl = values.repo ?? (await repositoryOf(io));
  const plan = planRelease({
    text,
    version,
    date: values.date ?? localIsoDate(io.now()),
    bodyStart: findFrontMatterBlock(text)?.end ?? 0,
    ...(repositoryUrl ? { repositoryUrl } : {}),
  });
  if (!plan.ok) {
    io.stderr.write(`pmdocs: ${relativePath(cwd, path)}: ${plan.message}\n`);
    return 1;
  }
  if (values['dry-run']) io.stdout.write(plan.text);
  else {
    await host.writeFile(path, plan.text, { atomic: true });
    io.stdout.write(`${relativePath(cwd, path)}: ${plan.summary}\n`);
  }
  return 0;
}

async function findChangelog(io: Io): Promise<string | undefined> {
  for (const name of DEFAULT_NAMES) {
    const p = `${io.cwd === '/' ? '' : io.cwd}/${name}`;
    if ((await io.host.stat(p))?.isFile) return p;
  }
  return undefined;
}

/** The `repository` of package.json in the current folder, as a web URL (read as data, never run). */
async function repositoryOf(io: Io): Promise<string | undefined> {
  try {
    const pkg = JSON.parse((await io.host.readFile(`${io.cwd === '/' ? '' : io.cwd}/package.json`)) ?? 'null') as {
      repository?: string | { url?: string };
    } | null;
    const raw = typeof pkg?.repository === 'string' ? pkg.repository : pkg?.repository?.url;
    if (!raw) return undefined;
    const web = raw
      .replace(/^git\+/, '')
      .replace(/^git:\/\//, 'https://')
      .replace(/^git@([^:]+):/, 'https://$1/')
      .replace(/\.git$/, '');
    return /^https?:\/\//.test(web) ? web : undefined;
  } catch {
    return undefined;
  }
}
