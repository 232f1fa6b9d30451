// The resolved configuration the engine works with. Loading (finding .pmdocs.json, reading schema
// files) happens through the host; this is the result, plain data.

import type { RuleSetting } from './ruleSettings.js';
import type { DocType } from '../doctypes/docType.js';

export interface ConfigProblem {
  /** The file the problem is in (config or schema), as the host spells paths. */
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface Association {
  /** Glob relative to the config file's folder, `/`-separated. */
  glob: string;
  type: string;
}

export interface ResolvedConfig {
  /** The config file, if one was found. */
  file?: string;
  /** Folder that globs are relative to (the config file's folder, or the workspace root), `/`-separated. */
  root: string;
  include?: string[];
  exclude?: string[];
  /** Rule id → a severity or `{ severity, options, when }` (a doc type's own `rules` come first). */
  rules: Record<string, RuleSetting>;
  associations: Association[];
  /** Workspace doc types; they may replace a built-in type of the same name. */
  docTypes: DocType[];
  /** Extra schemas workspace types `$ref` (by `$id`). */
  schemas: Record<string, unknown>[];
  problems: ConfigProblem[];
  /** Every file this config was built from (the config file, then schema files, missing ones too), for caches. */
  sources?: string[];
}

export const defaultConfig = (root = ''): ResolvedConfig => ({
  root,
  rules: {},
  associations: [],
  docTypes: [],
  schemas: [],
  problems: [],
});
