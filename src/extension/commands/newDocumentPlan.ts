// What New Document will write, decided without any UI or disk access (unit-tested under plain Node):
// the id (next free one, or REL-<version> for types whose id is their version), the folder (where the
// type's documents already live, else the folder the user is working in) and the text.

import type { DocType } from '../../core/doctypes/docType.js';
import { nextId, fileNameFor, renderNewDocument } from '../../core/templates/index.js';

export interface ExistingDoc {
  /** `/`-separated path (Uri.path). */
  path: string;
  id?: string;
}

export interface NewDocumentRequest {
  docType: DocType;
  title: string;
  owner?: string;
  version?: string;
  /** Today, YYYY-MM-DD. */
  date: string;
  /** The folder to write into when given (explorer context menu or an argument). */
  folder?: string;
  /** The folder the user works in (active editor's folder, or the workspace folder). */
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

/** Types whose templates carry `{{version}}` get their id from the version (release notes). */
export const idFromVersion = (t: DocType): boolean => /\{\{\s*version\s*\}\}/.test(t.frontMatterTemplate ?? '');
export const asksForOwner = (t: DocType): boolean => /\{\{\s*owner\s*\}\}/.test(t.frontMatterTemplate ?? '');
export const requiresOwner = (t: DocType): boolean => Array.isArray(t.schema['required']) && (t.schema['required'] as unknown[]).includes('owner');

export function planNewDocument(req: NewDocumentRequest): NewDocumentPlan {
  const prefix = req.docType.idPrefix ?? `${req.docType.type.toUpperCase()}-`;
  const ids = req.existing.flatMap((d) => [d.id, idFromFileName(d.path, prefix)]).filter((x): x is string => !!x);
  const id = idFromVersion(req.docType) && req.version ? `${prefix}${req.version}` : nextId(prefix, ids);
  const folder = req.folder ?? folderOfSiblings(req.existing, prefix) ?? req.fallbackFolder;
  const fileName = idFromVersion(req.docType) ? fileNameFor(id) : fileNameFor(id, req.title);
  const text = renderNewDocument(req.docType, { id, title: req.title, owner: req.owner, version: req.version, date: req.date });
  const clash = req.existing.find((d) => d.id === id);
  return { id, path: `${folder.replace(/\/+$/, '')}/${fileName}`, text, ...(clash ? { existingWithId: clash.path } : {}) };
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
