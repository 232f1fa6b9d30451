// contract.mjs: the pmdocs v1 front-matter contract (issue 2) as the generator needs it.
// Clean documents must satisfy all of it; the defects break one piece at a time.

export const TYPES = ['prd', 'epic', 'user-story', 'release-notes'];

export const FOLDER = { prd: 'prd', epic: 'epics', 'user-story': 'stories', 'release-notes': 'release-notes' };

export const STATUS = {
  prd: ['draft', 'review', 'approved', 'building', 'launched', 'archived', 'abandoned'],
  epic: ['proposed', 'active', 'done', 'cancelled'],
  'user-story': ['draft', 'ready', 'in-progress', 'in-review', 'done', 'blocked', 'wont-do'],
  'release-notes': ['planned', 'in-progress', 'released', 'yanked'],
};

export const ESTIMATES = [0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100];
export const MOSCOW = ['must', 'should', 'could', 'wont'];
export const RICE_IMPACT = [3, 2, 1, 0.5, 0.25];
export const RICE_CONFIDENCE = [100, 80, 50];

/** Required top-level keys (release-notes `date` only once released or yanked). */
export const REQUIRED = {
  prd: ['type', 'id', 'title', 'status', 'owner', 'created'],
  epic: ['type', 'id', 'title', 'status', 'owner'],
  'user-story': ['type', 'id', 'title', 'status'],
  'release-notes': ['type', 'id', 'title', 'status', 'version'],
};

/** Required H2 sections by canonical name (release notes also need one change-type section). */
export const REQUIRED_SECTIONS = {
  prd: ['Problem', 'Goals', 'Non-goals', 'Requirements', 'Success metrics'],
  epic: ['Summary'],
  'user-story': ['Story', 'Acceptance criteria'],
  'release-notes': ['Highlights'],
};
export const CHANGE_TYPES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

/** Rule ids of pmdocs (issue 2 and the config schema), used to say which rule should fire. */
export const RULE_IDS = [
  'frontmatter-syntax',
  'frontmatter-language',
  'frontmatter-schema',
  'frontmatter-unknown-key',
  'yaml-coerced-scalar',
  'required-section',
  'section-order',
  'empty-section',
  'user-story-statement',
  'acceptance-criteria',
  'gherkin-malformed',
  'release-change-type',
  'breaking-changes-section',
  'rice-score',
  'id-type-prefix',
  'release-version-id',
  'date-order',
  'ref-unresolved',
];

export const riceScore = ({ reach, impact, confidence, effort }) => (reach * impact * (confidence / 100)) / effort;
