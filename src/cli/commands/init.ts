// `pmdocs init`: writes a starter .pmdocs.json in the current folder (never over an existing one).
// `pmdocs init --from FILE.md --type NAME`: drafts a workspace doc type from that document (its
// front-matter keys with inferred types, its H2 headings as sections in order) into
// schemas/NAME.schema.json, and adds it under docTypes in .pmdocs.json (creating the file if needed).

import { applyEdits, modify, parse } from 'jsonc-parser';
import { relativePath, resolvePath } from '../../core/config/paths.js';
import { draftDocType, STARTER_CONFIG } from '../../core/init/starter.js';
import { parseOptions, UsageError } from '../args.js';
import { INIT_HELP } from '../help.js';
import type { Io } from '../io.js';

const OPTIONS = {
  from: { type: 'string' },
  type: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const NAME = /^[a-z][a-z0-9-]*$/;

export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'init');
  if (values.help) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument: ${positionals.join(' ')}`);
  const { host, cwd } = io;
  const configPath = `${cwd}/.pmdocs.json`;
  const existing = await host.readFile(configPath).catch(() => undefined);

  if (values.from === undefined && values.type === undefined) {
    if (existing !== undefined) {
      io.stderr.write('pmdocs: .pmdocs.json already exists; pmdocs init never overwrites it\n');
      return 2;
    }
    await host.writeFile(configPath, STARTER_CONFIG, { exclusive: true });
    io.stdout.write('.pmdocs.json\n');
    return 0;
  }
  if (values.from === undefined || values.type === undefined)
    throw new UsageError('--from FILE.md and --type NAME go together: pmdocs init --from docs/template.md --type rfc');
  const name = values.type;
  if (!NAME.test(name)) throw new UsageError(`--type '${name}': use lower-case letters, digits and hyphens, starting with a letter`);
  const from = resolvePath(cwd, values.from.replace(/\\/g, '/'));
  const text = await host.readFile(from).catch(() => undefined);
  if (text === undefined) {
    io.stderr.write(`pmdocs: no such file: ${values.from}\n`);
    return 2;
  }
  const schemaRel = `schemas/${name}.schema.json`;
  const schemaPath = `${cwd}/${schemaRel}`;
  if ((await host.readFile(schemaPath).catch(() => undefined)) !== undefined) {
    io.stderr.write(`pmdocs: ${schemaRel} already exists; pmdocs init never overwrites it\n`);
    return 2;
  }
  const config = existing ?? STARTER_CONFIG;
  const current = parse(config) as { docTypes?: Record<string, unknown> } | undefined;
  if (current?.docTypes?.[name] !== undefined) {
    io.stderr.write(`pmdocs: .pmdocs.json already declares the doc type '${name}'\n`);
    return 2;
  }
  const draft = draftDocType(text, name);
  const edits = modify(config, ['docTypes', name], { schema: `./${schemaRel}` }, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  await host.writeFile(schemaPath, draft.schemaText, { exclusive: true });
  await host.writeFile(configPath, applyEdits(config, edits));
  io.stdout.write(`${schemaRel}\n.pmdocs.json\n`);
  io.stderr.write(
    `pmdocs: drafted '${name}' from ${relativePath(cwd, from)}: ${draft.keys.length} front-matter key(s) (${draft.keys.join(', ') || 'none'}), ` +
      `${draft.sections.length} section(s) (${draft.sections.join(', ') || 'none'}), all required. Refine ${schemaRel}: docs/custom-types.md.\n`,
  );
  return 0;
}
