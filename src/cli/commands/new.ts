// `pmdocs new <type> "Title"`: a new document from the type's templates (x-pmdocs frontMatterTemplate +
// template) with the next free id among the documents under the config's folder. Release notes (any
// type whose template uses {{version}}) take their id from --version. Never overwrites a file.

import { createConfigLoader } from '../../core/config/load.js';
import { relativePath, resolvePath } from '../../core/config/paths.js';
import { suggest } from '../../core/config/suggest.js';
import { createRegistry } from '../../core/doctypes/registry.js';
import { fileNameFor, frontMatterId, gitUserName, nextId, renderNewDocument, resolveOwner } from '../../core/templates/index.js';
import { parseOptions, UsageError } from '../args.js';
import { NEW_HELP } from '../help.js';
import type { Io } from '../main.js';

const OPTIONS = {
  dir: { type: 'string' },
  owner: { type: 'string' },
  version: { type: 'string' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

// SemVer 2.0 (the release-notes schema checks the same).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export async function newCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'new');
  if (values.help) {
    io.stdout.write(NEW_HELP);
    return 0;
  }
  const [typeName, title, ...extra] = positionals;
  if (!typeName) throw new UsageError('which type? pmdocs new prd|epic|user-story|release-notes "Title"');
  if (extra.length) throw new UsageError(`too many arguments: ${extra.join(' ')} (quote the title: pmdocs new ${typeName} "My title")`);
  const { host, cwd } = io;
  const dir = resolvePath(cwd, (values.dir ?? '.').replace(/\\/g, '/'));
  const explicitConfig = values.config ? resolvePath(cwd, values.config.replace(/\\/g, '/')) : undefined;
  if (explicitConfig && !(await host.stat(explicitConfig))?.isFile) throw new UsageError(`config file not found: ${values.config}`);

  const config = await createConfigLoader(host, { explicitConfig }).load(`${dir}/new.md`);
  for (const p of config.problems) io.stderr.write(`pmdocs: warning: ${relativePath(cwd, p.file)}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}\n`);
  const registry = createRegistry(config.docTypes);
  const docType = registry.get(typeName);
  if (!docType) {
    const names = registry.all().map((t) => t.type);
    throw new UsageError(`unknown doc type '${typeName}'.${suggest(typeName, names)} Types: ${names.join(', ')}`);
  }
  const prefix = docType.idPrefix;
  if (!prefix) throw new UsageError(`doc type '${typeName}' declares no idPrefix, so pmdocs cannot number it`);

  const versioned = /\{\{\s*version\s*\}\}/.test(`${docType.frontMatterTemplate ?? ''}${docType.template ?? ''}`);
  const version = values.version;
  if (versioned && !version) throw new UsageError(`${typeName} needs --version <semver>, e.g. pmdocs new ${typeName} --version 1.4.0`);
  if (version !== undefined && !SEMVER.test(version)) throw new UsageError(`--version '${version}' is not a SemVer version like 1.4.0`);

  // Ids in use: every document under the config's folder (or the current folder without a config).
  const root = config.file ? config.root : cwd;
  const ids = new Map<string, string>();
  for (const file of await host.glob(['**/*.md'], { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'] })) {
    const text = await host.readFile(file).catch(() => undefined);
    if (!text?.includes(prefix)) continue; // most files cannot hold such an id: skip parsing them
    const id = frontMatterId(text);
    if (id) ids.set(id, file);
  }
  const id = versioned ? `${prefix}${version}` : nextId(prefix, ids.keys());
  if (versioned && ids.has(id)) {
    io.stderr.write(`pmdocs: ${id} already exists: ${relativePath(cwd, ids.get(id)!)}\n`);
    return 2;
  }
  const docTitle = title ?? (versioned ? `Release ${version}` : undefined);
  if (!docTitle?.trim()) throw new UsageError(`a title is needed: pmdocs new ${typeName} "Export invoices as CSV"`);

  let owner: string | undefined;
  if (/\{\{\s*owner\s*\}\}/.test(docType.frontMatterTemplate ?? '{{owner}}')) {
    const found = await ownerFor(values.owner, dir, io);
    if ('invalid' in found) throw new UsageError(found.message);
    if ('none' in found && requiresOwner(docType.schema)) throw new UsageError(found.message);
    if ('owner' in found) owner = found.owner;
  }

  const text = renderNewDocument(docType, { id, title: docTitle.trim(), date: isoDate(io.now()), owner, version });
  const path = `${dir === '/' ? '' : dir}/${versioned ? fileNameFor(id) : fileNameFor(id, docTitle)}`;
  if (await host.stat(path)) {
    io.stderr.write(`pmdocs: ${relativePath(cwd, path)} already exists; not overwriting it\n`);
    return 2;
  }
  try {
    await host.writeFile(path, text, { exclusive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr.write(`pmdocs: ${relativePath(cwd, path)} already exists; not overwriting it\n`);
      return 2;
    }
    throw e;
  }
  io.stdout.write(`${relativePath(cwd, path)}\n`);
  return 0;
}

/** --owner, else $PMDOCS_OWNER, else git's user.name (its config files read as data), else the login name. */
function ownerFor(option: string | undefined, dir: string, io: Io) {
  const env = io.env;
  const home = (env['HOME'] ?? env['USERPROFILE'])?.replace(/\\/g, '/');
  return resolveOwner({
    option,
    optionName: '--owner',
    envOwner: env['PMDOCS_OWNER'],
    gitUserName: () => gitUserName(io.host, dir, { home, xdgConfigHome: env['XDG_CONFIG_HOME']?.replace(/\\/g, '/'), gitConfigGlobal: env['GIT_CONFIG_GLOBAL']?.replace(/\\/g, '/') }),
    loginName: () => env['USER'] || env['LOGNAME'] || env['USERNAME'],
  });
}

function requiresOwner(schema: Record<string, unknown>): boolean {
  return Array.isArray(schema['required']) && schema['required'].includes('owner');
}

/** Local calendar date, YYYY-MM-DD (what the author sees on their calendar). */
function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
