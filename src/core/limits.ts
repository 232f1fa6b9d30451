// Every limit pmdocs puts on what it reads, in one place, as data. Documents, configs, schemas and caches
// come from other people (a pull request, a cloned repository): each limit keeps one of them from
// crashing, hanging or exhausting the process, and reaching one is a finding or a config problem that
// names the setting raising it, never a stack trace. The limits are the user's, never the repository's:
// the CLI takes them from the PMDOCS_LIMITS environment variable, the editor from the user setting
// `pmdocs.limits`; they hold for the whole process.

export interface Limits {
  /** Largest file read at all (documents, configs, schemas), in bytes. */
  fileBytes: number;
  /** Deepest nesting of YAML collections in front matter and YAML schema files. */
  yamlDepth: number;
  /** Deepest nesting of Markdown containers (lists, block quotes) in a document body. */
  markdownDepth: number;
  /** Deepest nesting of JSON objects and arrays in `.pmdocs.json` and schema files. */
  jsonDepth: number;
  /** Largest workspace schema file, in bytes. */
  schemaBytes: number;
  /** Longest `pattern` / `patternProperties` regular expression in a workspace schema, in characters. */
  patternLength: number;
  /** Largest `--cache` file read back, in bytes (a bigger one is a cold cache). */
  cacheBytes: number;
  /**
   * Most characters of a body the preview reads with the GFM parser (micromark) in one render: what only
   * GFM reads (tables in lists and quotes, strikethrough and bare links in some places, footnotes). Past
   * it, such blocks are shown as CommonMark reads them, with a note. micromark costs about 5 µs a character.
   */
  previewGfmChars: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  fileBytes: 10 * 1024 * 1024,
  yamlDepth: 64,
  markdownDepth: 100,
  jsonDepth: 128,
  schemaBytes: 2 * 1024 * 1024,
  patternLength: 1000,
  cacheBytes: 256 * 1024 * 1024,
  previewGfmChars: 128 * 1024,
});

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

let current: Limits = { ...DEFAULT_LIMITS };

/** The limits in force. */
export function limits(): Readonly<Limits> {
  return current;
}

/** Sets the limits for this process (unknown names and values that are not positive integers are ignored). */
export function configureLimits(overrides: Partial<Record<string, unknown>>): Readonly<Limits> {
  const next: Limits = { ...DEFAULT_LIMITS };
  for (const name of LIMIT_NAMES) {
    const v = overrides[name];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) next[name] = v;
  }
  // The same object while nothing changed: caches keyed on it (resolved configs) stay valid.
  if (LIMIT_NAMES.some((name) => next[name] !== current[name])) current = next;
  return current;
}

/** `yamlDepth=200,fileBytes=20000000` (the PMDOCS_LIMITS form) → overrides; the names it did not know. */
export function parseLimits(text: string): { overrides: Partial<Limits>; unknown: string[] } {
  const overrides: Partial<Limits> = {};
  const unknown: string[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]+)\s*=\s*(\d+)$/.exec(part);
    const name = m?.[1] as keyof Limits | undefined;
    if (!m || !name || !LIMIT_NAMES.includes(name) || Number(m[2]) <= 0) unknown.push(part);
    else overrides[name] = Number(m[2]);
  }
  return { overrides, unknown };
}

/** How a user raises a limit: named in every message about it. */
export function limitSetting(name: keyof Limits): string {
  return `the '${name}' limit (PMDOCS_LIMITS=${name}=N for the CLI, the user setting pmdocs.limits.${name} in the editor)`;
}

let outsideAllowed = false;

/** How a user lets workspace configs read schema files outside their folder (named in the refusal). */
export const OUTSIDE_SETTING = 'PMDOCS_ALLOW_OUTSIDE_SCHEMAS=1 (CLI) or the user setting pmdocs.allowOutsideSchemas (editor)';

/** Whether the user allowed schema files outside the config's folder (off unless the user says so). */
export function outsideSchemasAllowed(): boolean {
  return outsideAllowed;
}

export function allowOutsideSchemas(allowed: boolean): void {
  outsideAllowed = allowed;
}
