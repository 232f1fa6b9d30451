// The ids a document open in an editor names, from its current text (the hosts' entry point: the
// index may hold an older version of the document).

import type { TypedDoc } from '../assist/typeDocument.js';
import type { IdMention } from '../workspace/index.js';
import { findMentions, idPrefixes } from './mentions.js';

export function mentionsOfTyped(typed: TypedDoc): IdMention[] {
  return findMentions(typed.doc, typed.docType, idPrefixes(typed.docTypes), typed.config.schemas);
}
