// Roles whose section content a dedicated rule checks (and explains better than "empty"):
// empty-section leaves these sections to user-story-statement and acceptance-criteria.
import type { SectionRole } from '../../doctypes/docType.js';

export const CONTENT_CHECKED_ROLES: ReadonlySet<SectionRole> = new Set(['story', 'acceptance-criteria']);
