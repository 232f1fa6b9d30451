// Roles whose section content a dedicated rule checks (and explains better than "empty"):
// empty-section leaves these sections to user-story-statement and acceptance-criteria.
export const CONTENT_CHECKED_ROLES: ReadonlySet<string> = new Set(['story', 'acceptance-criteria']);
