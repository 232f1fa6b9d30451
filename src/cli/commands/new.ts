// `pmdocs new <type> "Title"`: a new document from the type's templates (x-pmdocs frontMatterTemplate +
// template) with the next free id among the documents under the config's folder, planned by core/templates
// exactly as New Document plans it. Release notes (any type whose template uses {{version}}) take their id from --version. Never overwrites a file.

import { createConfigLoader } from '../../core/config/load.js';
import { relativePath, resolvePath } from '../../core/config/paths.js';
import { didYouMean } from '../../core/schema/didYouMean.js';
import { builtInDocTypes } from '../../core/doctypes/builtins.js';
import { createRegistry } from '../../core/doctypes/registry.js';
import {
  asksForOwner,
  defaultTitle,
  existingDocs,
  gitUserName,
  idFromVersion,
  idPrefixOf,
  planNewDocument,
  requiresOwner,
  resolveOwner,
  today,
  versionProblem,
  NewDocumentInputError,
} from '../../core/templates/index.js';
import { parseOptions, UsageError } from '../args.js';
import { NEW_HELP } from '../help.js';
import type { Io } from '../io.js';

const OPTIONS = {
  dir: { type: 'string' },
  owner: { type: 'string' },
  version: { type: 'string' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function newCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'new');
  if (values.help) {
    io.stdout.write(NEW_HELP);
    return 0;
  }
  const [typeName, title, ...extra] = positionals;
  if (!typeName)
    throw new UsageError(
      `which type? pmdocs new ${builtInDocTypes
        .filter((t) => t.idPrefix)
        .map((t) => t.type)
        .join('|')} "Title"`,
    );
  if (extra.length) throw new UsageError(`too many arguments: ${extra.join(' ')} (quote the title: pmdocs new ${typeName} "My title")`);
  const { host, cwd } = io;
  const dir = resolvePath(cwd, (values.dir ?? '.').replace(/\\/g, '/'));
  const explicitConfig = values.config ? resolvePath(cwd, values.config.replace(/\\/g, '/')) : undefined;
  if (explicitConfig && !(await host.stat(explicitConfig))?.isFile) throw new UsageError(`config file not found: ${values.config}`);

  const config = await createConfigLoader(host, { explicitConfig }).load(`${dir}/new.md`);
  for (const p of config.problems)
    io.stderr.write(`pmdocs: warning: ${relativePath(cwd, p.file)}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}\n`);
  const registry = createRegistry(config.docTypes);
  const docType = registry.get(typeName);
  if (!docType) {
    const names = registry.all().map((t) => t.type);
    throw new UsageError(`unknown doc type '${typeName}'.${didYouMean(typeName, names)} Types: ${names.join(', ')}`);
  }
  const versioned = idFromVersion(docType);
  const version = values.version;
  if (versioned && !version) throw new UsageError(`${typeName} needs --version <semver>, e.g. pmdocs new ${typeName} --version 1.4.0`);
  const badVersion = version === undefined ? undefined : versionProblem(version, '--version');
  if (badVersion) throw new UsageError(badVersion);
  const docTitle = title ?? defaultTitle(docType, version);
  if (!docTitle?.trim()) throw new UsageError(`a title is needed: pmdocs new ${typeName} "Export invoices as CSV"`);

  let owner: string | undefined;
  if (asksForOwner(docType)) {
    const found = await ownerFor(values.owner, dir, io);
    if ('invalid' in found) throw new UsageError(found.message);
    if ('none' in found && requiresOwner(docType)) throw new UsageError(found.message);
    if ('owner' in found) owner = found.owner;
  }

  const existing = await existingDocs(host, config.file ? config.root : cwd, idPrefixOf(docType));
  const plan = planOrRefuse(() =>
    planNewDocument({
      docType,
      title: docTitle.trim(),
      owner,
      version,
      date: today(io.now()),
      folder: dir,
      fallbackFolder: dir,
      existing,
    }),
  );
  if (plan.existingWithId) {
    io.stderr.write(`pmdocs: ${plan.id} already exists: ${relativePath(cwd, plan.existingWithId)}\n`);
    return 2;
  }
  const { path, text } = plan;
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

/** The core's refusal (a file name that would leave the folder) is a usage error: exit 2 with its reason. */
function planOrRefuse<T>(plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    if (e instanceof NewDocumentInputError) throw new UsageError(e.message);
    throw e;
  }
}

/** --owner, else $PMDOCS_OWNER, else git's user.name (its config files read as data), else the login name. */
function ownerFor(option: string | undefined, dir: string, io: Io) {
  const env = io.env;
  const home = (env['HOME'] ?? env['USERPROFILE'])?.replace(/\\/g, '/');
  return resolveOwner({
    option,
    optionName: '--owner',
    envOwner: env['PMDOCS_OWNER'],
    gitUserName: () =>
      gitUserName(io.host, dir, {
        home,
        xdgConfigHome: env['XDG_CONFIG_HOME']?.replace(/\\/g, '/'),
        gitConfigGlobal: env['GIT_CONFIG_GLOBAL']?.replace(/\\/g, '/'),
      }),
    loginName: () => env['USER'] || env['LOGNAME'] || env['USERNAME'],
  });
}
