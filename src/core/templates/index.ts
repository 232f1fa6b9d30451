// Creating new documents (shared by `pmdocs new` and the extension's New Document command).
export { nextId } from './nextId.js';
export { slugify, fileNameFor } from './fileName.js';
export { renderNewDocument, type NewDocValues } from './render.js';
export { frontMatterId } from './frontMatterId.js';
export { existingDocs } from './existingDocs.js';
export { resolveOwner, ownerFromName, isValidOwner, OWNER_FORMS, type OwnerLookups, type OwnerResult, type OwnerSource } from './owner.js';
export { gitUserName, parseGitConfig, type GitConfigEnv } from './gitConfig.js';
export {
  planNewDocument,
  versionProblem,
  idFromVersion,
  idPrefixOf,
  asksForOwner,
  requiresOwner,
  defaultTitle,
  today,
  type ExistingDoc,
  type NewDocumentPlan,
  type NewDocumentRequest,
} from './plan.js';
export { NewDocumentInputError, fileNameProblem, pathInside } from './safePath.js';
