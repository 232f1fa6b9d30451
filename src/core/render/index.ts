// The preview's render module: lint result → sanitised HTML. Editor-free, like the rest of core.
export { renderDocument, type RenderOptions, type RenderedDocument } from './renderDocument.js';
export type { RenderedHeading } from './headings.js';
export type { TableGuard } from './gfmParse.js';
export { chipsSignature, referenceTarget, type ReferenceContext } from './references.js';
