// Types of the generated module next to this file (scripts/precompile-schemas.ts writes it).
import type { ValidateFunction } from 'ajv';

declare const precompiled: {
  /** builtInFingerprint() of the schemas the code was generated from. */
  fingerprint: string;
  /** Schema `$id` → name in `validators`. */
  ids: Record<string, string>;
  validators: Record<string, ValidateFunction>;
};
export = precompiled;
