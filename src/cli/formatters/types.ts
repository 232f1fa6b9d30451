// What every formatter gets: the results to show (already filtered, sorted by path) and the context.

import type { Severity } from '../../core/types.js';
import type { FileResult } from '../results.js';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  docsUrl: string;
}

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  color: boolean;
  version: string;
  /** Every rule pmdocs knows (SARIF lists them); loaded only for formats that need it. */
  rules: RuleInfo[];
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
