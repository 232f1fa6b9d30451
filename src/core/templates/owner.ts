// Who owns a new document, decided in one place for `pmdocs new` and the editor's New Document:
// the explicit value (--owner, or what the user typed), else $PMDOCS_OWNER, else git's user.name, else
// the login name. Each front end supplies the lookups its host can do; the order and the checks are here.
//
// An explicit value (option or $PMDOCS_OWNER) must already be a valid owner: writing it anyway would give
// a document that fails its own lint, so the caller stops and says why. Looked-up values are turned into
// an owner when they can be: git's "Jane Doe" becomes `jane.doe` (the handle form the schema describes;
// a name with spaces is not a valid owner), a login `jane` becomes `@jane`. A looked-up value that
// cannot be turned into one is passed over for the next source.

import { OWNER } from '../doctypes/valueShapes.js';

export type OwnerSource = 'option' | 'PMDOCS_OWNER' | 'git user.name' | 'login name';

export interface OwnerLookups {
  /** --owner, or the value typed in the editor. */
  option?: string;
  /** How messages name the option ("--owner"). */
  optionName?: string;
  /** $PMDOCS_OWNER. */
  envOwner?: string;
  gitUserName?: () => Promise<string | undefined> | string | undefined;
  loginName?: () => Promise<string | undefined> | string | undefined;
}

export type OwnerResult =
  | { owner: string; source: OwnerSource }
  /** An explicit value that is not a valid owner. */
  | { invalid: string; source: OwnerSource; message: string }
  /** No source gave an owner. */
  | { none: true; message: string };

const HANDLE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const OWNER_FORMS = '@handle, user:name, group:team or an email address';

export function isValidOwner(value: string): boolean {
  return OWNER.test(value);
}

export async function resolveOwner(lookups: OwnerLookups): Promise<OwnerResult> {
  for (const [source, value] of [
    ['option', lookups.option],
    ['PMDOCS_OWNER', lookups.envOwner],
  ] as const) {
    const v = value?.trim();
    if (!v) continue;
    if (isValidOwner(v)) return { owner: v, source };
    return {
      invalid: v,
      source,
      message: `${source === 'option' ? (lookups.optionName ?? 'the owner') : '$PMDOCS_OWNER'} '${v}' is not a valid owner; use ${OWNER_FORMS}`,
    };
  }
  const git = ownerFromName(await safely(lookups.gitUserName));
  if (git) return { owner: git, source: 'git user.name' };
  const login = (await safely(lookups.loginName))?.trim();
  if (login && HANDLE.test(login)) return { owner: `@${login}`, source: 'login name' };
  return { none: true, message: `no owner for the new document: pass --owner (${OWNER_FORMS}), or set $PMDOCS_OWNER or git's user.name` };
}

/** A person's name as an owner handle: "Jane Doe" → `jane.doe`, "José Núñez" → `jose.nunez`; a name that already is a valid owner stays as it is. */
export function ownerFromName(name: string | undefined): string | undefined {
  const n = name?.trim();
  if (!n) return undefined;
  if (isValidOwner(n)) return n;
  const handle = n
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9._-]+/g, '.')
    .replace(/^[._-]+|[._-]+$/g, '')
    .replace(/\.{2,}/g, '.');
  return handle && HANDLE.test(handle) ? handle : undefined;
}

async function safely(lookup: (() => Promise<string | undefined> | string | undefined) | undefined): Promise<string | undefined> {
  try {
    return (await lookup?.()) ?? undefined;
  } catch {
    return undefined; // a lookup that fails is a source that has nothing to say
  }
}
