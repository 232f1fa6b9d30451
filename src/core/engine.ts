// The engine: text in, findings out. One instance is shared by every document of a process (it keeps
// compiled schema validators); configuration comes with each call because it depends on the file.

import type { Finding, Report, Severity, Span } from './types.js';
import { parseDoc, type ParsedDoc } from './document/parse.js';
import { outline as buildOutline, type DocOutline } from './document/sections.js';
import { yamlSpan } from './document/yamlSpans.js';
import { createRegistry, detectDocType, type DocTypeRegistry, type Detection } from './doctypes/registry.js';
import type { DocType } from './doctypes/docType.js';
import { defaultConfig, type ResolvedConfig } from './config/types.js';
import { createFrontMatterValidator, type FrontMatterValidator } from './schema/validator.js';
import { frontMatterAnchor } from './schema/targets.js';
import type { SchemaProblem } from './schema/problems.js';
import { readSuppressions } from './suppressions.js';
import { rules as allRules } from './rules/index.js';
import { docsUrl, type Rule, type RuleContext } from './rules/rule.js';
import { resolveRuleSetup, type RuleSetup } from './config/ruleSettings.js';
import { recordQueries, type IndexQuery, type WorkspaceIndex } from './workspace/index.js';
import { referenceSites, type RefSite } from './workspace/references.js';
import { exactHeadingNames } from './doctypes/headingMatch.js';

export interface LintOptions {
  /** The document's path, `/`-separated (used for path associations and `$schema` paths). */
  path?: string;
  config?: ResolvedConfig;
  /**
   * The other documents of the workspace (front matter only), for the cross-document rules. Without it
   * those rules stay silent: a single file with no workspace around it is not "full of broken links".
   */
  workspace?: WorkspaceIndex;
  /**
   * Today's date (YYYY-MM-DD, the user's local day), for rules that compare dates with now (a changelog
   * release dated in the future). The engine never reads the clock; without it those checks stay silent.
   */
  today?: string;
}

export interface LintResult {
  /** The detected doc type; undefined means "not a pmdocs document" (and no findings but front-matter syntax). */
  docType?: DocType;
  detectedBy?: Detection['by'];
  findings: Finding[];
  doc: ParsedDoc;
  /**
   * What the rules asked the workspace index (sorted), when one was given: the findings stay the same as
   * long as `queryAnswers(index, workspaceQueries)` does (the CLI cache key; the editor's cue to re-validate).
   */
  workspaceQueries?: IndexQuery[];
  /** A rule compared a date with `today`: the findings hold only for that day (the CLI cache keys on it). */
  usedToday?: boolean;
}

export interface Engine {
  lint(text: string, options?: LintOptions): LintResult;
  /** The doc types known under a config (built-in + workspace). */
  registry(config?: ResolvedConfig): DocTypeRegistry;
  readonly rules: readonly Rule[];
}

interface PerConfig {
  registry: DocTypeRegistry;
  validator: FrontMatterValidator;
  /** Rule setups that hold for every document of a type (no `when` involved), by type then rule. */
  setups: WeakMap<DocType, Map<string, RuleSetup>>;
}

/** Documents of no known type: only `anyDocument` rules run, with the config's settings. */
const UNTYPED = {} as DocType;

const FALLBACK_CONFIG = defaultConfig();

export function createEngine(init: { rules?: readonly Rule[] } = {}): Engine {
  const rules = init.rules ?? allRules;
  const perConfig = new WeakMap<ResolvedConfig, PerConfig>();
  const forConfig = (config: ResolvedConfig): PerConfig => {
    let entry = perConfig.get(config);
    if (!entry) {
      entry = { registry: createRegistry(config.docTypes), validator: createFrontMatterValidator(config.schemas), setups: new WeakMap() };
      perConfig.set(config, entry);
    }
    return entry;
  };

  function lint(text: string, options: LintOptions = {}): LintResult {
    const config = options.config ?? FALLBACK_CONFIG;
    const { registry, validator, setups } = forConfig(config);
    const doc = parseDoc(text, options.path);
    // An unclosed block swallows the whole file: its one finding says it all, nothing else is checked.
    const unclosed = doc.frontMatter?.problems.some((p) => p.kind === 'unclosed');
    const detection = unclosed ? undefined : detectDocType(registry, doc.frontMatter, options.path, config);
    if (!detection && !doc.frontMatter?.problems.length)
      return { findings: [], doc, ...(options.workspace ? { workspaceQueries: [] } : {}) };
    const docType = detection?.docType;
    const reports: { rule: Rule; report: Report }[] = [];
    const severities = new Map<string, Severity>();
    let constantSetups = setups.get(docType ?? UNTYPED);
    if (!constantSetups) setups.set(docType ?? UNTYPED, (constantSetups = new Map()));
    const data = doc.frontMatter?.data ?? {};
    // A path association or file name settles the type, so the front matter need not repeat it; but only
    // where the schema's `type` key names the doc type. Where `type` is a domain field ("Standards
    // Track"), the type's name is no value of it.
    const implied =
      (detection?.by === 'association' || detection?.by === 'file-name') && typeKeyNamesDocType(detection.docType)
        ? { type: detection.docType.type }
        : undefined;
    // `when: { type: … }` in a rule setting holds for a document typed by its path or file name too.
    const whenData = implied && data['type'] === undefined ? { ...data, ...implied } : data;
    const recorder = options.workspace ? recordQueries(options.workspace) : undefined;
    const today = { value: options.today, used: false };
    const ctx = createContext(doc, docType, registry.all(), validator, implied, config.schemas, recorder?.index, today, (rule, report) =>
      reports.push({ rule, report }),
    );
    for (const rule of rules) {
      if (!docType && !rule.anyDocument) continue;
      // A type with its own rule set (a changelog) is not checked by the rules of sectioned documents.
      if (docType?.rulePrefixes && !rule.anyDocument && !docType.rulePrefixes.some((p) => rule.id.startsWith(p))) continue;
      const setup = setupFor(rule, config, docType, whenData, constantSetups);
      if (setup.severity === 'off') continue;
      if (setup.configured) severities.set(rule.id, setup.severity);
      ctx.current = rule;
      ctx.options = setup.options;
      try {
        rule.check(ctx.api);
      } catch (e) {
        // One broken rule never stops the run: its failure is a finding like any other.
        reports.push({
          rule,
          report: {
            start: 0,
            end: 0,
            severity: 'error',
            message: `Rule '${rule.id}' failed on this document: ${(e as Error)?.message ?? String(e)}. Please report this.`,
          },
        });
      }
    }
    return {
      docType,
      detectedBy: detection?.by,
      findings: finish(doc, severities, reports),
      doc,
      ...(recorder ? { workspaceQueries: recorder.queries() } : {}),
      ...(today.used ? { usedToday: true } : {}),
    };
  }

  return Object.freeze({ lint, registry: (config?: ResolvedConfig) => forConfig(config ?? FALLBACK_CONFIG).registry, rules });
}

function createContext(
  doc: ParsedDoc,
  docType: DocType | undefined,
  docTypes: readonly DocType[],
  validator: FrontMatterValidator,
  implied: Record<string, unknown> | undefined,
  extraSchemas: readonly Record<string, unknown>[],
  workspace: WorkspaceIndex | undefined,
  today: { value: string | undefined; used: boolean },
  push: (rule: Rule, report: Report) => void,
): { api: RuleContext; current?: Rule; options: Record<string, unknown> } {
  let outline: DocOutline | undefined;
  let schemaProblems: SchemaProblem[] | undefined;
  let references: RefSite[] | undefined;
  const fm = doc.frontMatter;
  const holder: { api: RuleContext; current?: Rule; options: Record<string, unknown> } = {
    current: undefined,
    options: {},
    api: {
      doc,
      get options() {
        return holder.options;
      },
      docType,
      docTypes,
      data: fm?.data ?? {},
      get outline() {
        return (outline ??= buildOutline(doc.root, doc.text.length, docType?.sectionLevel, exactHeadingNames(docType)));
      },
      get schemaProblems() {
        return (schemaProblems ??= docType ? validator.validate(docType, doc, implied) : []);
      },
      get references() {
        return (references ??= docType ? referenceSites(docType, fm?.data, extraSchemas) : []);
      },
      extraSchemas,
      workspace,
      get today() {
        if (today.value) today.used = true;
        return today.value;
      },
      frontMatterSpan: (path, part) => (fm ? yamlSpan(fm, path, part) : undefined),
      frontMatterAnchor: frontMatterAnchor(doc),
      report: (report) => push(holder.current!, report),
    },
  };
  return holder;
}

/** The schema's `type` property is pmdocs' type name: a `const` of it or an `enum` holding it. */
function typeKeyNamesDocType(docType: DocType): boolean {
  const props = docType.schema['properties'];
  const type = props && typeof props === 'object' ? (props as Record<string, unknown>)['type'] : undefined;
  if (!type || typeof type !== 'object') return docType.builtIn;
  const t = type as Record<string, unknown>;
  if ('const' in t) return t['const'] === docType.type;
  if (Array.isArray(t['enum'])) return t['enum'].includes(docType.type);
  return docType.builtIn || typeof t['$ref'] === 'string';
}

/** The rule's severity and options for this document; cached per type when no `when` clause is involved. */
function setupFor(
  rule: Rule,
  config: ResolvedConfig,
  docType: DocType | undefined,
  data: Record<string, unknown>,
  constant: Map<string, RuleSetup>,
): RuleSetup {
  const known = constant.get(rule.id);
  if (known) return known;
  const setup = resolveRuleSetup(
    rule.id,
    rule.offByDefault ? 'off' : rule.defaultSeverity,
    rule.defaultOptions as Record<string, unknown> | undefined,
    [...(docType?.ruleLayers ?? []), config.rules],
    data,
  );
  if (setup.constant) constant.set(rule.id, setup);
  return setup;
}

/** The single post-processing step: check spans, apply severity and suppressions, de-duplicate, sort. */
function finish(doc: ParsedDoc, severities: ReadonlyMap<string, Severity>, reports: { rule: Rule; report: Report }[]): Finding[] {
  const text = doc.text;
  const fmEnd = doc.frontMatter?.block.end ?? 0;
  const suppressions = readSuppressions(text, doc.lines, fmEnd);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { rule, report } of reports) {
    // A configured severity wins over the one a rule gives a single report (its "info" nudges).
    const configured = severities.get(rule.id);
    const severity: Severity = configured ?? report.severity ?? rule.defaultSeverity;
    const span = clampSpan(report, text.length);
    const start = doc.lines.pointAt(span.start);
    if (suppressions.isSuppressed(rule.id, start.line)) continue;
    const key = `${rule.id}\0${span.start}\0${span.end}\0${report.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const end = doc.lines.pointAt(span.end);
    findings.push({
      ...report,
      ...span,
      ruleId: rule.id,
      severity,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      docsUrl: docsUrl(rule.id),
    });
  }
  return dropShadowedSchemaFindings(findings, fmEnd).sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}

/** A rule's range is trusted only inside the text; a reversed or out-of-range span is clamped. */
function clampSpan(span: Span, length: number): Span {
  const ok = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), length) : 0);
  const start = ok(span.start);
  return { start, end: Math.max(start, ok(span.end)) };
}

/** When a specific rule explains a value, the generic schema finding on the same span is noise. */
function dropShadowedSchemaFindings(findings: Finding[], fmEnd: number): Finding[] {
  // Only findings inside the front matter explain a value; without front matter, "missing key" and a
  // body rule may share line 1 and both stand.
  const specific = new Set(findings.filter((f) => f.ruleId !== 'frontmatter-schema' && f.end <= fmEnd).map((f) => `${f.start}:${f.end}`));
  return findings.filter((f) => f.ruleId !== 'frontmatter-schema' || !specific.has(`${f.start}:${f.end}`));
}
