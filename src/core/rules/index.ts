// Every rule, in the order they run. One file per rule, named by its id; docs in docs/rules/<id>.md.

import type { Rule } from './rule.js';
import frontmatterSyntax from './frontmatter-syntax.js';
import frontmatterLanguage from './frontmatter-language.js';

export const rules: readonly Rule[] = Object.freeze([
  frontmatterSyntax,
  frontmatterLanguage,
]);
