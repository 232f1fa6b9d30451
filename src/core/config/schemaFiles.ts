// Workspace schema files: JSON (comments allowed) or YAML, read through the host, with `$ref`s between
// local files followed. Relative refs are rewritten to absolute `file:` URIs (and each referenced file
// gets that URI as its `$id`), so ajv resolves them without knowing where the files live. Nothing remote
// is ever fetched and nothing is ever evaluated: a schema file is data.

import { LineIndex } from '../document/lineIndex.js';

import { limits, limitSetting, OUTSIDE_SETTING, outsideSchemasAllowed } from '../limits.js';
import type { ConfigProblem } from './types.js';
import { offsetOf, parseJsonc, type JsonPath } from './jsonc.js';
import { basename, dirname, isInside, resolvePath } from './paths.js';

export type Read = (path: string) => Promise<string | undefined>;

export interface ParsedSchemaFile {
  path: string;
  schema?: Record<string, unknown>;
  /** A problem reading or parsing the file (then `schema` is undefined). */
  problem?: ConfigProblem;
  /** Offset of the node at a path in the file's text. */
  locate(path: JsonPath): number | undefined;
  text?: string;
}

export async function readSchemaFile(read: Read, path: string): Promise<ParsedSchemaFile> {
  const noLocation = () => undefined;
  let text: string | undefined;
  try {
    text = await read(path);
  } catch (e) {
    return { path, locate: noLocation, problem: { file: path, message: `The schema file could not be read: ${(e as Error).message}` } };
  }
  if (text === undefined) return { path, locate: noLocation, problem: { file: path, message: 'The schema file does not exist.' } };
  if (text.length > limits().schemaBytes) {
    return {
      path,
      locate: noLocation,
      problem: {
        file: path,
        message: `The schema file is ${text.length} characters long, over the ${limits().schemaBytes} pmdocs reads; raise ${limitSetting('schemaBytes')} if it is meant to be this big.`,
      },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineIndex(text);
  const at = (offset: number) => lines.pointAt(offset);
  if (/\.ya?ml$/i.test(path)) {
    const { parseYaml, yamlTokens } = await import('../document/parse.js');
    const doc = parseYaml(text);
    if (!doc) {
      const deepAt = yamlTokens(text).deepAt ?? 0;
      return {
        path,
        text,
        locate: noLocation,
        problem: {
          file: path,
          ...at(deepAt),
          message: `The schema nests more than ${limits().yamlDepth} levels deep here and was not read: raise ${limitSetting('yamlDepth')} if it is meant to.`,
        },
      };
    }
    const locate = (p: JsonPath) => {
      for (let n = p.length; n >= 0; n--) {
        const node = doc.getIn(p.slice(0, n), true) as { range?: [number, number] } | undefined;
        if (node?.range) return node.range[0];
      }
      return undefined;
    };
    const err = doc.errors[0];
    if (err) {
      const pos = at(err.pos[0]);
      return {
        path,
        text,
        locate,
        problem: { file: path, ...pos, message: `Not valid YAML: ${err.message.replace(/ at line \d+, column \d+[\s\S]*$/, '')}` },
      };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { path, text, locate, problem: { file: path, message: `Not readable YAML: ${(e as Error).message}` } };
    }
    return withObject(path, text, locate, value);
  }
  const parsed = parseJsonc(text);
  const locate = (p: JsonPath) => offsetOf(parsed.tree, p);
  if (parsed.error) {
    return { path, text, locate, problem: { file: path, ...at(parsed.error.offset), message: `Not valid JSON: ${parsed.error.message}.` } };
  }
  return withObject(path, text, locate, parsed.value);
}

function withObject(path: string, text: string, locate: (p: JsonPath) => number | undefined, value: unknown): ParsedSchemaFile {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      path,
      text,
      locate,
      problem: { file: path, message: 'The file must hold a JSON Schema object (a mapping of keywords such as "type" and "properties").' },
    };
  }
  return { path, text, locate, schema: value as Record<string, unknown> };
}

export function fileUri(path: string): string {
  return `file://${path.startsWith('/') ? '' : '/'}${encodeURI(path)}`;
}

/** Values of these keywords are data, not subschemas: a `$ref` key inside them is not a reference. */
const DATA_KEYWORDS = new Set(['x-pmdocs', 'examples', 'default', 'const', 'enum']);

export interface RefResult {
  /** Every local file referenced (transitively), parsed, `$ref`s rewritten, `$id` set to its file URI. */
  extras: Map<string, Record<string, unknown>>;
  problems: ConfigProblem[];
}

/**
 * Rewrites relative `$ref`s in `file.schema` (in place) and loads the files they point at, into `into`
 * (shared between the doc types of one config, so a common file is loaded once).
 */
export async function followRefs(
  read: Read,
  file: ParsedSchemaFile,
  into: Map<string, Record<string, unknown>>,
  root: string,
  seen = new Set<string>(),
): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  seen.add(file.path);
  const refs: { path: JsonPath; holder: Record<string, unknown>; ref: string }[] = [];
  collectRefs(file.schema, [], refs);
  const lines = file.text !== undefined ? new LineIndex(file.text) : undefined;
  const where = (p: JsonPath) => {
    const offset = file.locate(p);
    return offset !== undefined && lines ? lines.pointAt(offset) : {};
  };
  for (const { path, holder, ref } of refs) {
    if (ref.startsWith('#') || /^urn:/i.test(ref)) continue; // same file, or a built-in/known schema by $id
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      problems.push({
        file: file.path,
        ...where(path),
        message: `"$ref": "${ref}" points outside the workspace; pmdocs never downloads schemas. Copy that schema next to this one and refer to it by a relative path.`,
      });
      continue;
    }
    const hash = ref.indexOf('#');
    let decoded: string;
    try {
      decoded = decodeURI(hash < 0 ? ref : ref.slice(0, hash));
    } catch {
      problems.push({
        file: file.path,
        ...where(path),
        message: `"$ref": ${JSON.stringify(ref)} is not a valid URI reference (a '%' must start an escape such as %20).`,
      });
      continue;
    }
    const target = resolvePath(dirname(file.path), decoded);
    const outside = outsideWorkspace(target, root);
    if (outside) {
      problems.push({ file: file.path, ...where(path), message: `"$ref": ${JSON.stringify(ref)} ${outside}` });
      continue;
    }
    holder['$ref'] = fileUri(target) + (hash < 0 ? '' : ref.slice(hash));
    if (seen.has(target)) continue;
    seen.add(target);
    const referenced = await readSchemaFile(read, target);
    if (!referenced.schema) {
      const why = referenced.problem && referenced.text !== undefined ? referenced.problem : undefined;
      problems.push(
        why ?? {
          file: file.path,
          ...where(path),
          message: `"$ref": "${ref}" refers to ${basename(target)}, which does not exist (looked for ${target}).`,
        },
      );
      continue;
    }
    referenced.schema['$id'] = fileUri(target);
    into.set(target, referenced.schema);
    problems.push(...(await patternProblems(referenced)));
    problems.push(...(await followRefs(read, referenced, into, root, seen)));
  }
  return problems;
}

/**
 * Why a schema file may not be read from `path`, or undefined when it may: the config's folder is the
 * workspace, and a repository's config must not make pmdocs read (and quote) the user's other files.
 * The user, not the repository, can allow it (PMDOCS_ALLOW_OUTSIDE_SCHEMAS=1 / the user setting).
 */
export function outsideWorkspace(path: string, root: string): string | undefined {
  if (isInside(root, path) || outsideSchemasAllowed()) return undefined;
  return `points outside the workspace (${path} is not inside ${root}); pmdocs reads schemas only from the config's folder. Copy the schema into it, or allow outside schemas for your own runs with ${OUTSIDE_SETTING}.`;
}

/** Every `pattern` and `patternProperties` name of a schema file, checked as pmdocs will run it (safeRegex.ts). */
export async function patternProblems(file: ParsedSchemaFile): Promise<ConfigProblem[]> {
  const found: { path: JsonPath; pattern: string }[] = [];
  collectPatterns(file.schema, [], found);
  if (!found.length) return [];
  const { safeRegExp } = await import('../schema/safeRegex.js');
  const lines = file.text !== undefined ? new LineIndex(file.text) : undefined;
  const problems: ConfigProblem[] = [];
  for (const { path, pattern } of found) {
    try {
      safeRegExp(pattern, 'u');
    } catch (e) {
      const offset = file.locate(path);
      problems.push({
        file: file.path,
        ...(offset !== undefined && lines ? lines.pointAt(offset) : {}),
        message: `${(e as Error).message}.`,
      });
    }
  }
  return problems;
}

function collectPatterns(node: unknown, path: JsonPath, out: { path: JsonPath; pattern: string }[], namesHere = false): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collectPatterns(item, [...path, i], out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (namesHere) collectPatterns(value, [...path, key], out);
    else if (key === 'pattern' && typeof value === 'string') out.push({ path: [...path, key], pattern: value });
    else if (key === 'patternProperties' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
        out.push({ path: [...path, key, name], pattern: name });
        collectPatterns(sub, [...path, key, name], out);
      }
    } else if (!DATA_KEYWORDS.has(key)) collectPatterns(value, [...path, key], out, NAME_MAPS.has(key));
  }
}

/** Keywords whose value maps names (of properties, definitions) to subschemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

function collectRefs(
  node: unknown,
  path: JsonPath,
  out: { path: JsonPath; holder: Record<string, unknown>; ref: string }[],
  namesHere = false,
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collectRefs(item, [...path, i], out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (namesHere)
      collectRefs(value, [...path, key], out); // `properties: {default: …}` names a property
    else if (key === '$ref' && typeof value === 'string') out.push({ path: [...path, key], holder: obj, ref: value });
    else if (!DATA_KEYWORDS.has(key)) collectRefs(value, [...path, key], out, NAME_MAPS.has(key));
  }
}
