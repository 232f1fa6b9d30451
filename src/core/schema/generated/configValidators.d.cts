// Types of the generated module next to this file (scripts/precompile-schemas.ts writes it).
import type { ValidateFunction } from 'ajv';

declare const precompiled: {
  /** configFingerprint() of the schemas the code was generated from. */
  fingerprint: string;
  validators: { config: ValidateFunction; xPmdocs: ValidateFunction };
};
export = precompiled;
