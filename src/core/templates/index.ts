// Creating new documents (shared by `pmdocs new` and the extension's New Document command).
export { nextId } from './nextId.js';
export { slugify, fileNameFor } from './fileName.js';
export { renderNewDocument, type NewDocValues } from './render.js';
export { frontMatterId } from './frontMatterId.js';
