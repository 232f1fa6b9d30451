// `pmdocs trace [paths|globs…] [--format markdown|json|mermaid]`: the document graph for CI. Indexes the
// workspace of each config the named files belong to (as `pmdocs lint` does, ../workspace.ts), asks
// core/graph for the trace of every PRD among the named files (all of them without arguments) and
// prints it. Exit 0 whatever the gaps (lint's rules judge them); 2 on a usage or read problem.

import { createConfigLoader } from '../../core/config/load.js';
import { relativePath, resolvePath } from '../../core/config/paths.js';
import { createRegistry } from '../../core/doctypes/registry.js';
import { doneTest, totalsOf, workspaceTrace, type WorkspaceTrace } from '../../core/graph/trace.js';
import { traceJson, traceMarkdown, traceMermaid } from '../../core/graph/report.js';
import { indexEntry } from '../../core/workspace/entry.js';
import { createWorkspaceIndex, type IndexedDoc } from '../../core/workspace/index.js';
import { fileLister, MARKDOWN_GLOB } from '../../core/workspace/scope.js';
import { parseOptions, UsageError } from '../args.js';
import { ConfigInfos } from '../configInfo.js';
import { targetExpander } from '../files.js';
import { TRACE_HELP } from '../help.js';
import type { Io } from '../io.js';
import { indexScopes, type LintedFile } from '../workspace.js';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['markdown', 'json', 'mermaid'];

export async function traceCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'trace');
  if (values.help) {
    io.stdout.write(TRACE_HELP);
    return 0;
  }
  const format = values.format ?? 'markdown';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}'; use markdown, json or mermaid`);
  const { host, cwd } = io;
  let explicitConfig: string | undefined;
  if (values.config) {
    explicitConfig = resolvePath(cwd, values.config.replace(/\\/g, '/'));
    if (!(await host.stat(explicitConfig))?.isFile) throw new UsageError(`config file not found: ${values.config}`);
  }
  const loader = createConfigLoader(host, { explicitConfig });
  const configs = new ConfigInfos(host, loader, undefined, cwd);
  const cwdConfig = await configs.get(await loader.configFileFor(`${cwd}/.`));
  const defaults = cwdConfig.include?.length ? { cwd: cwdConfig.root, patterns: cwdConfig.include } : { cwd, patterns: [MARKDOWN_GLOB] };
  const list = fileLister(host, cwd);
  const expansion = await targetExpander(host, cwd, list)(positionals, defaults);
  if (expansion.missing.length) throw new UsageError(expansion.missing.map((m) => `no such file or directory: ${m}`).join('; '));
  for (const glob of expansion.unmatched) io.stderr.write(`pmdocs: warning: no files match '${glob}'\n`);
  const files: LintedFile[] = [];
  for (const t of expansion.targets) {
    const info = await configs.get(await loader.configFileFor(t.path));
    if (t.explicit || !info.excludes(t.path)) files.push({ path: t.path, info, explicit: t.explicit });
  }
  const named = new Set(files.map((f) => f.path));
  // Files named one by one without a config still make a (small) workspace: the trace needs one.
  const scopes = await indexScopes(
    list,
    cwd,
    loader,
    files.map((f) => ({ ...f, explicit: false })),
  );

  const traces: WorkspaceTrace[] = [];
  for (const scope of scopes) {
    const config = await (await configs.get(scope.key)).resolve();
    const docs: IndexedDoc[] = [];
    for (const path of scope.paths) {
      const raw = await host.readFile(path).catch(() => undefined);
      if (raw === undefined || raw.includes('\0')) continue;
      const entry = indexEntry(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, path, config);
      if (entry) docs.push(entry);
    }
    const index = createWorkspaceIndex({ root: scope.root, docs });
    traces.push(workspaceTrace(index, doneTest(createRegistry(config.docTypes).all()), (d) => named.has(d.path)));
  }
  const prds = traces.flatMap((t) => t.prds);
  const trace: WorkspaceTrace = { prds, orphans: traces.flatMap((t) => t.orphans), totals: totalsOf(prds) };
  const link = (d: IndexedDoc) => relativePath(cwd, d.path);
  if (format === 'json') io.stdout.write(`${JSON.stringify(traceJson(trace, link), null, 2)}\n`);
  else if (format === 'mermaid') io.stdout.write(traceMermaid(trace));
  else io.stdout.write(traceMarkdown(trace, link));
  return 0;
}
