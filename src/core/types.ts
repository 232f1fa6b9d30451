// Plain, serialisable data shared by the engine, the CLI, the extension and the preview.
// Offsets are UTF-16 indices into the text the engine was given; line/column are 1-based and
// filled in once, by the engine, from those offsets.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A span of the document: [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface RelatedLocation extends Span {
  message: string;
}

/** A text edit on the document the finding belongs to, for quick fixes and `--fix`. */
export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  /** Short, imperative: "Replace with 'approved'". */
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all" and `pmdocs lint --fix`. */
  safe: boolean;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
  /** What the rule expected and what it found, when that is a value (for tooling and the preview). */
  expected?: string[];
  actual?: string;
  /** The generated explanation, when a schema author's own message (`x-pmdocs-message`) is the message. */
  detail?: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** What a rule hands to ctx.report(); the engine completes it into a Finding. */
export interface Report extends Span {
  message: string;
  /** Overrides the rule's default severity for this one report (before configuration applies). */
  severity?: Severity;
  expected?: string[];
  actual?: string;
  /** The generated explanation, when a schema author's own message (`x-pmdocs-message`) is the message. */
  detail?: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** Where findings of one document go: a rule's context is one, and so is anything that reports on its behalf. */
export interface ReportSink {
  report(report: Report): void;
}
