// The preview's render module: lint result → sanitised HTML. Editor-free, like the rest of core.
export { renderDocument, type RenderOptions, type RenderedDocument } from './renderDocument.js';
export type { RenderedHeading } from './headings.js';
export { stageOf, type Stage } from './lifecycle.js';
export { DEFAULT_TABLE_GUARD, type TableGuard } from './gfmParse.js';
export { ID_PREFIX } from './headings.js';
export { chipsSignature, referenceChips, referenceTarget, type ReferenceContext, type ChipTarget } from './references.js';
