// A front-matter schema problem: an ajv error placed on the YAML node it is about.

import type { Fix, RelatedLocation, Span } from '../types.js';

export type SchemaProblemKind = 'schema' | 'unknown-key' | 'coerced';

export interface SchemaProblem extends Span {
  kind: SchemaProblemKind;
  message: string;
  /** When a schema author's message (`x-pmdocs-message`) replaced it: the message pmdocs generated. */
  detail?: string;
  /** The ajv keyword (`enum`, `required`, `unevaluatedProperties`…). */
  keyword: string;
  /** JSON Pointer of the offending value, as ajv reports it (unescaped segments in `path`). */
  instancePath: string;
  path: (string | number)[];
  expected?: string[];
  actual?: string;
  fixes?: Fix[];
  /** Another place that explains the problem (the `status` that makes `date` required). */
  related?: RelatedLocation[];
}
