// What every formatter gets: the results to show (already filtered, sorted by path) and the context.

import type { Severity } from '../../core/types.js';
import type { FileResult } from '../results.js';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  docsUrl: string;
  /** false: the rule runs only when configured (SARIF's defaultConfiguration.enabled). */
  enabled?: false;
}

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  color: boolean;
  version: string;
  /** Every rule pmdocs knows (SARIF lists them); loaded only for formats that need it. */
  rules: RuleInfo[];
  /**
   * SARIF `runAutomationDetails.id` (`category/run`): set for `--shard`, so that the runs of all shards
   * of one commit stay apart in code scanning (a category per shard) and can be uploaded together.
   */
  automationId?: string;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
