// Is this document settled? The type's data says which statuses count (`x-pmdocs.settledStatuses`:
// an approved PRD, a ready story, released notes) and which status it goes back to while points are
// open (`reopenStatus`), so workspace types declare their own lifecycle instead of rules hard-coding it.

import type { DocType } from './docType.js';
import { article } from '../schema/wording.js';

export interface Settled {
  status: string;
  /** The status to go back to, when the type names one that is not itself settled. */
  reopen?: string;
}

export function settledState(docType: DocType | undefined, data: Record<string, unknown>): Settled | undefined {
  const statuses = docType?.settledStatuses;
  const status = data['status'];
  if (!Array.isArray(statuses) || typeof status !== 'string' || !statuses.includes(status)) return undefined;
  const reopen = docType?.reopenStatus;
  return typeof reopen === 'string' && reopen.trim() && !statuses.includes(reopen) ? { status, reopen } : { status };
}

/**
 * The status a document starts in: the schema's `default` for `status`, else the first of its `enum`
 * (draft, proposed, planned, planning…). Undefined when the schema says neither.
 */
export function initialStatus(docType: DocType | undefined): string | undefined {
  const props = docType?.schema['properties'];
  const status = props && typeof props === 'object' ? (props as Record<string, unknown>)['status'] : undefined;
  if (!status || typeof status !== 'object') return undefined;
  const { default: def, enum: values } = status as { default?: unknown; enum?: unknown };
  if (typeof def === 'string') return def;
  return Array.isArray(values) && typeof values[0] === 'string' ? values[0] : undefined;
}

// Short names readers use for the built-in types; a workspace type is named by its label or its name.
const NOUNS: Record<string, string> = {
  prd: 'a PRD',
  epic: 'an epic',
  'user-story': 'a user story',
  'release-notes': 'release notes',
  decision: 'a decision record',
  rfc: 'an RFC',
  roadmap: 'a roadmap',
};

/** "a PRD", "a user story", "release notes", "an architecture decision record". */
export function docNoun(docType: DocType): string {
  if (docType.builtIn && NOUNS[docType.type]) return NOUNS[docType.type]!;
  const label = typeof docType.label === 'string' && docType.label.trim() ? docType.label.trim() : docType.type;
  const lower = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return article(lower);
}

/** "… in a PRD with status 'approved': resolve it or move the status back to 'review'." */
export function settledTail(docType: DocType, settled: Settled, action: string): string {
  const where = `in ${docNoun(docType)} with status '${settled.status}'`;
  return settled.reopen ? `${where}: ${action} or move the status back to '${settled.reopen}'.` : `${where}: ${action}.`;
}
