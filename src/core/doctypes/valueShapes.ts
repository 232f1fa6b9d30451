// Value shapes that schemas/defs.schema.json defines once: code that checks the same shape outside a
// schema (the `--version` of `pmdocs new`, New Document's input boxes, release-version-id) compiles
// the schema's own pattern, so a version the schema rejects is rejected everywhere.

import defs from '../../../schemas/defs.schema.json';

const pattern = (name: 'semver' | 'owner'): RegExp => new RegExp((defs.$defs[name] as { pattern: string }).pattern, 'u');

/** SemVer 2.0: MAJOR.MINOR.PATCH, optional -prerelease (no leading zeros in numeric parts) and +build. */
export const SEMVER = pattern('semver');
/** One person or team: @handle, user:/group: reference or an email address. */
export const OWNER = pattern('owner');
