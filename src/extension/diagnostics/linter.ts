// Text + uri → lint result, with the document's configuration. The engine (remark, yaml, ajv and the
// rules) is loaded on first use, not at activation, so opening VS Code never waits for it.

import { localIsoDate } from '../../core/localDate.js';
import type * as vscode from 'vscode';
import type { Engine, LintResult } from '../../core/engine.js';
import type { ResolvedConfig } from '../../core/config/types.js';
import type { WorkspaceIndex } from '../../core/workspace/index.js';
import type { ConfigProvider } from '../config/configProvider.js';
import { isInside } from '../../core/config/paths.js';
import { selects } from '../../core/workspace/scope.js';

/** The workspace index a document is linted with (undefined: none yet, the cross-document rules stay silent). */
export type WorkspaceIndexProvider = (uri: vscode.Uri, config: ResolvedConfig) => WorkspaceIndex | undefined;

export interface LintOutcome {
  result: LintResult;
  config: ResolvedConfig;
}

export class Linter {
  private engine?: Engine;
  /** Documents already named in the output as outside their config's globs (said once, not per keystroke). */
  private readonly toldOutside = new Set<string>();
  private loading?: Promise<Engine>;

  constructor(
    private readonly configs: ConfigProvider,
    private readonly log: vscode.LogOutputChannel,
    private readonly workspace?: WorkspaceIndexProvider,
  ) {}

  async getEngine(): Promise<Engine> {
    if (this.engine) return this.engine;
    this.loading ??= import('../../core/engine.js').then(({ createEngine }) => {
      const started = Date.now();
      this.engine = createEngine();
      this.log.info(`Engine ready (${this.engine.rules.length} rules, ${Date.now() - started} ms).`);
      return this.engine;
    });
    return this.loading;
  }

  /** The config is resolved first: callers check afterwards that the text they lint is still current. */
  async prepare(uri: vscode.Uri): Promise<{ engine: Engine; config: ResolvedConfig }> {
    const [engine, { config }] = await Promise.all([this.getEngine(), this.configs.configFor(uri)]);
    return { engine, config };
  }

  lintWith(engine: Engine, config: ResolvedConfig, uri: vscode.Uri, text: string): LintOutcome {
    const started = Date.now();
    // Untitled documents have no path: only their front matter (`type:`/`$schema:`) can give them a type.
    const path = uri.scheme === 'untitled' ? undefined : uri.path;
    const workspace = this.workspace?.(uri, config);
    // Today, local time: a changelog release dated later is in the future (core never reads the clock).
    const result = engine.lint(text, { path, config, ...(workspace ? { workspace } : {}), today: localIsoDate(new Date()) });
    this.log.trace(
      `Linted ${uri.toString(true)}: ${result.docType?.type ?? 'no doc type'}, ${result.findings.length} finding(s), ${Date.now() - started} ms.`,
    );
    if (
      path &&
      !result.docType &&
      result.doc.frontMatter &&
      config.file &&
      !(isInside(config.root, path) && selects({ root: config.root, include: config.include }, path))
    )
      this.tellOutside(uri, config);
    return { result, config };
  }

  /**
   * A document with front matter but no doc type, outside the files its .pmdocs.json selects: its path
   * associations cannot reach it, which would otherwise look like a clean document. Said in the output.
   */
  private tellOutside(uri: vscode.Uri, config: ResolvedConfig): void {
    const key = uri.toString();
    if (this.toldOutside.has(key)) return;
    this.toldOutside.add(key);
    const globs = config.include?.length
      ? `its include globs (${config.include.join(', ')}, relative to ${config.root}/)`
      : `its folder (${config.root}/)`;
    this.log.warn(
      `${uri.path} is outside ${config.file}: not under ${globs}. It has no doc type, so nothing is checked; the config's path associations do not reach it.`,
    );
  }
}
