// The contract every rule file implements. A rule reads the parsed document and reports spans; the
// engine turns reports into findings (positions, severity from config, docs URL) in one place.

import type { Report, ReportSink, Severity, Span } from '../types.js';
import type { ParsedDoc } from '../document/parse.js';
import type { DocOutline } from '../document/sections.js';
import type { YamlPath } from '../document/yamlSpans.js';
import type { DocType } from '../doctypes/docType.js';
import type { SchemaProblem } from '../schema/problems.js';
import type { WorkspaceIndex } from '../workspace/index.js';
import type { RefSite } from '../workspace/references.js';

export interface RuleContext<O extends object = Record<string, unknown>> extends ReportSink {
  readonly doc: ParsedDoc;
  /**
   * The rule's options for this document: its `defaultOptions` with the configured ones merged over them
   * (`["warning", { … }]` or `{ "options": { … } }` in .pmdocs.json, a doc type's `rules` or the editor
   * settings). The config schema has already checked their shape.
   */
  readonly options: Readonly<O>;
  /** Undefined only for rules with `anyDocument: true` running on a document of no known type. */
  readonly docType: DocType | undefined;
  /** Every doc type known under this document's config (built-in + workspace), for rules that name another type. */
  readonly docTypes: readonly DocType[];
  /** The front matter as data ({} when there is none or it could not be read). */
  readonly data: Record<string, unknown>;
  /** Sections of the body (computed on first use). */
  readonly outline: DocOutline;
  /** Front-matter schema problems (ajv errors mapped to YAML nodes; computed on first use). */
  readonly schemaProblems: readonly SchemaProblem[];
  /** The front-matter values that are ids of other documents (from the schema's `x-pmdocs.references`; computed on first use). */
  readonly references: readonly RefSite[];
  /** The workspace schemas of this document's config (config.schemas), for rules that read another type's schema. */
  readonly extraSchemas: readonly Record<string, unknown>[];
  /**
   * The other documents of the workspace, when the caller has an index (the CLI always, the editor once
   * it has read the workspace). Undefined: a cross-document rule says nothing.
   */
  readonly workspace?: WorkspaceIndex;
  /** Today as YYYY-MM-DD (the user's local day), when the caller gave it; rules never read the clock. */
  readonly today?: string;
  /** Span of the value (or key) at a front-matter path, if it exists. */
  frontMatterSpan(path: YamlPath, part?: 'value' | 'key'): Span | undefined;
  /** A span to blame for "something is missing in the front matter": the opening fence, else line 1. */
  readonly frontMatterAnchor: Span;
  report(report: Report): void;
}

// `O` is the rule's options type; a rule without options leaves it out.
export interface Rule<O extends object = Record<string, unknown>> {
  id: string;
  /** One line, shown in the README table, hovers and `pmdocs rules`. */
  description: string;
  defaultSeverity: Severity;
  /** Runs only when configured (`"story-no-release": "info"`); `defaultSeverity` is then its severity without one. */
  offByDefault?: boolean;
  /** Runs on every document with front matter, typed or not (front-matter syntax and language). */
  anyDocument?: boolean;
  /** Option values when nothing is configured; every option the config schema allows for the rule has one. */
  defaultOptions?: O;
  check(ctx: RuleContext<O>): void;
}

export const DOCS_BASE_URL = 'https://github.com/pmdocs/pmdocs/blob/main/docs/rules/';

export const docsUrl = (ruleId: string): string => `${DOCS_BASE_URL}${ruleId}.md`;
