// What a new document will be, decided without any UI or disk access, for `pmdocs new` and New Document
// alike: the id (next free one, or <prefix><version> for types whose id is their version), the folder
// (given, else where the type's documents already live, else the folder the user works in) and the text.

import type { DocType } from '../doctypes/docType.js';
import { fileNameFor } from './fileName.js';
import { nextId } from './nextId.js';
import { renderNewDocument } from './render.js';
import { NewDocumentInputError, pathInside } from './safePath.js';
import { SEMVER } from '../doctypes/valueShapes.js';

export interface ExistingDoc {
  /** `/`-separated path. */
  path: string;
  /** The id in its front matter, if it has one. */
  id?: string;
}

export interface NewDocumentRequest {
  docType: DocType;
  title: string;
  owner?: string;
  version?: string;
  /** Today, YYYY-MM-DD. */
  date: string;
  /** The folder to write into, when the user named one. */
  folder?: string;
  /** The folder the user works in (used when no document of the type exists yet). */
  fallbackFolder: string;
  existing: readonly ExistingDoc[];
}

export interface NewDocumentPlan {
  id: string;
  path: string;
  text: string;
  /** A document with this id exists already (release notes for a version that has them). */
  existingWithId?: string;
}

const placeholder = (name: string) => new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`);
const VERSION = placeholder('version');
const OWNER = placeholder('owner');

/** Types whose templates carry `{{version}}` get their id from the version (release notes). */
export const idFromVersion = (t: DocType): boolean => VERSION.test(`${t.frontMatterTemplate ?? ''}${t.template ?? ''}`);
/** The default front matter (no frontMatterTemplate) has an owner line. */
export const asksForOwner = (t: DocType): boolean => OWNER.test(t.frontMatterTemplate ?? '{{owner}}');
export const requiresOwner = (t: DocType): boolean =>
  Array.isArray(t.schema['required']) && (t.schema['required'] as unknown[]).includes('owner');
/** The type's id prefix; a type that declares none numbers its documents `<TYPE>-1`, `<TYPE>-2`, … */
export const idPrefixOf = (t: DocType): string => t.idPrefix || `${t.type.toUpperCase()}-`;
/** The title a versioned document gets when the user gives none. */
export const defaultTitle = (t: DocType, version: string | undefined): string | undefined =>
  idFromVersion(t) && version ? `Release ${version}` : undefined;

/** Why `version` cannot be a new document's version (it becomes the id and the file name), or undefined. `name` is how the user gave it. */
export const versionProblem = (version: string, name = 'version'): string | undefined =>
  SEMVER.test(version) ? undefined : `${name} '${version}' is not a SemVer version like 1.4.0`;

/**
 * Throws NewDocumentInputError when the input cannot make a document inside the target folder (a version
 * that is not SemVer, an id or title that would put the file elsewhere): the one check of `pmdocs new`
 * and New Document.
 */
export function planNewDocument(req: NewDocumentRequest): NewDocumentPlan {
  const badVersion = req.version === undefined ? undefined : versionProblem(req.version);
  if (badVersion) throw new NewDocumentInputError(badVersion);
  const prefix = idPrefixOf(req.docType);
  const versioned = idFromVersion(req.docType);
  const ids = req.existing.flatMap((d) => [d.id, idFromFileName(d.path, prefix)]).filter((x): x is string => !!x);
  const id = versioned && req.version ? `${prefix}${req.version}` : nextId(prefix, ids);
  const folder = req.folder ?? folderOfSiblings(req.existing, prefix) ?? req.fallbackFolder;
  const fileName = versioned ? fileNameFor(id) : fileNameFor(id, req.title);
  const text = renderNewDocument(req.docType, { id, title: req.title, owner: req.owner, version: req.version, date: req.date });
  const clash = req.existing.find((d) => d.id === id);
  return { id, path: pathInside(folder, fileName), text, ...(clash ? { existingWithId: clash.path } : {}) };
}

function idFromFileName(path: string, prefix: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.startsWith(prefix) ? /^[A-Z]+-\d+/.exec(name)?.[0] : undefined;
}

/** The folder holding most documents of the type (ties: the first in path order), if any. */
function folderOfSiblings(existing: readonly ExistingDoc[], prefix: string): string | undefined {
  const counts = new Map<string, number>();
  for (const d of [...existing].sort((a, b) => a.path.localeCompare(b.path))) {
    const id = d.id ?? idFromFileName(d.path, prefix);
    if (!id?.startsWith(prefix)) continue;
    const dir = d.path.slice(0, d.path.lastIndexOf('/'));
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [dir, n] of counts) if (best === undefined || n > counts.get(best)!) best = dir;
  return best;
}

/** Local date as YYYY-MM-DD (what a person means by "today", not UTC). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
