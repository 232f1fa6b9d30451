// The cache is input pmdocs did not write this run: another version, another tool, or a repository that
// ships a forged node_modules/.cache. Every record is checked against the shape the code relies on
// before it is used (this file is that schema, as type guards: the cached path must not load ajv); a
// record that does not fit is dropped, so that file is linted afresh and the record rebuilt.

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const stringList = (v: unknown) => Array.isArray(v) && v.every(isString);
const SEVERITIES = new Set(['error', 'warning', 'info']);

function isSpan(v: unknown): boolean {
  return isObject(v) && isCount(v.start) && isCount(v.end) && v.end >= v.start;
}

function isEdit(v: unknown): boolean {
  return isSpan(v) && isString((v as Record<string, unknown>).newText);
}

function isFix(v: unknown): boolean {
  return isObject(v) && isString(v.title) && typeof v.safe === 'boolean' && Array.isArray(v.edits) && v.edits.every(isEdit);
}

function isRelated(v: unknown): boolean {
  return isSpan(v) && isString((v as Record<string, unknown>).message);
}

export function isFinding(v: unknown): boolean {
  if (!isSpan(v)) return false;
  const f = v as Record<string, unknown>;
  return (
    isString(f.ruleId) &&
    isString(f.message) &&
    SEVERITIES.has(f.severity as string) &&
    isString(f.docsUrl) &&
    isCount(f.line) &&
    isCount(f.column) &&
    isCount(f.endLine) &&
    isCount(f.endColumn) &&
    f.line >= 1 &&
    f.column >= 1 &&
    optional(f.expected, stringList) &&
    optional(f.actual, isString) &&
    optional(f.related, (r) => Array.isArray(r) && r.every(isRelated)) &&
    optional(f.fixes, (x) => Array.isArray(x) && x.every(isFix))
  );
}

function isEntry(v: unknown): boolean {
  if (v === null) return true;
  if (!isObject(v)) return false;
  return (
    typeof v.idOk === 'boolean' &&
    optional(v.type, isString) &&
    optional(v.id, isString) &&
    optional(v.status, isString) &&
    optional(v.title, isString) &&
    optional(v.priority, isString) &&
    optional(v.breaking, (b) => typeof b === 'boolean') &&
    optional(
      v.refs,
      (r) => Array.isArray(r) && r.every((x) => isObject(x) && isString(x.key) && isString(x.id) && optional(x.anchor, isString)),
    ) &&
    optional(
      v.requirements,
      (r) =>
        Array.isArray(r) &&
        r.every((x) => isObject(x) && isString(x.id) && isCount(x.line) && optional(x.priority, isString) && optional(x.text, isString)),
    ) &&
    v.path === undefined
  );
}

function isResult(v: unknown): boolean {
  return (
    isObject(v) &&
    Array.isArray(v.findings) &&
    v.findings.every(isFinding) &&
    optional(v.docType, isString) &&
    optional(v.queries, stringList) &&
    isString(v.workspace) &&
    optional(v.index, isString)
  );
}

/** A file record: its text's hash, the stat it had, and what was computed for it. */
export function isFileRecord(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.hash) &&
    optional(v.size, isCount) &&
    optional(v.mtimeMs, isNumber) &&
    optional(v.config, isString) &&
    optional(v.entry, isEntry) &&
    optional(v.result, isResult)
  );
}

function isProblem(v: unknown): boolean {
  return isObject(v) && isString(v.file) && isString(v.message) && optional(v.line, isCount) && optional(v.column, isCount);
}

/** A config record: the hash of each source file, the fingerprint, the problems, include and exclude. */
export function isConfigRecord(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.fingerprint) &&
    isObject(v.sources) &&
    Object.values(v.sources).every((h) => h === null || isString(h)) &&
    Array.isArray(v.problems) &&
    v.problems.every(isProblem) &&
    optional(v.include, stringList) &&
    optional(v.exclude, stringList)
  );
}

/** The records of a cache file that fit `check` (in a null-prototype map: a key named `__proto__` is just a key). */
export function validRecords<T>(records: unknown, check: (v: unknown) => boolean): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (!isObject(records)) return out;
  for (const [key, value] of Object.entries(records)) if (check(value)) out[key] = value as T;
  return out;
}
