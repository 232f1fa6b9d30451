// The ajv set-up for the built-in schemas, shared by the run-time compiler and by
// scripts/precompile-schemas.ts (which turns the same set-up into standalone validator code), plus the
// fingerprint that tells whether that precompiled code still matches the schemas.

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { CodeOptions } from 'ajv';
import { builtInDocTypes, sharedSchemas } from '../doctypes/builtins.js';
import { fingerprintOf } from './fingerprint.js';

export const BASE_AJV_OPTIONS = {
  allErrors: true,
  // Messages are ours (messages.ts); `verbose` gives each error its schema and data to word them.
  messages: false,
  verbose: true,
  logger: false as const,
};

/**
 * Strict: a mistake in a built-in schema fails the tests. validateSchema off and x-pmdocs registered
 * without its meta-schema: both would compile the big 2020-12 meta-schemas in every worker on start-up,
 * for schemas test/unit/schemas.test.ts already checks.
 */
export function createBuiltInAjv(code?: CodeOptions): Ajv2020 {
  const ajv = new Ajv2020({ ...BASE_AJV_OPTIONS, strict: true, validateSchema: false, code: { process: nullPrototypeProps, ...code } });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-pmdocs' });
  for (const s of sharedSchemas) ajv.addSchema(s);
  return ajv;
}

/**
 * ajv tracks the keys `properties` evaluated (for `unevaluatedProperties`) in a plain `{}`, so a key named
 * like an Object.prototype member (`toString`, `constructor`, `valueOf`…) looked evaluated and was never
 * reported as unknown. The generated code gets null-prototype objects instead. Applied to run-time
 * compiled code through ajv's `code.process`, and to the precompiled module by its script.
 */
export function nullPrototypeProps(code: string): string {
  return code.replace(/\b(props\d*) = \{\}/g, '$1 = Object.create(null)').replace(/\b(props\d*) \|\| \{\}/g, '$1 || Object.create(null)');
}

/** Changes whenever the code post-processing above changes (part of the fingerprint). */
const CODE_PROCESSING = 'null-prototype-props-1';

let fingerprint: string | undefined;

/** A hash of the built-in schemas and the options above (FNV-1a over their JSON; about 1 ms). */
export function builtInFingerprint(): string {
  if (fingerprint) return fingerprint;
  return (fingerprint = fingerprintOf([CODE_PROCESSING, BASE_AJV_OPTIONS, sharedSchemas, builtInDocTypes.map((t) => t.schema)]));
}
