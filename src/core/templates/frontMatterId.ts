// The `id` of an existing document, read from its front matter only (the body is never parsed), for
// finding the next free id among thousands of files.

import { parseDoc } from '../document/parse.js';

export function frontMatterId(text: string): string | undefined {
  const id = parseDoc(text).frontMatter?.data?.['id'];
  return typeof id === 'string' ? id : undefined;
}
