// The ajv set-up for pmdocs' own schemas of configuration (.pmdocs.json; the x-pmdocs block of a
// workspace schema), shared by validateConfig.ts and scripts/precompile-schemas.ts, which turns it into
// standalone validator code: compiling the config schema takes about half a second, which every CLI run
// with a .pmdocs.json and every editor start-up would pay again.

import Ajv2020 from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv';
import configSchema from '../../../schemas/pmdocs-config.schema.json';
import xPmdocsSchema from '../../../schemas/x-pmdocs.schema.json';
import { fingerprintOf } from '../schema/fingerprint.js';

// strict off: these schemas carry editor-only annotations; verbose: messages quote the schema's words;
// inlineRefs off: every rule's entry refers to the same setting shapes, compiled once instead of ~90 times.
const CONFIG_AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, inlineRefs: false } as const;

/** The schemas by the names the precompiled module exports them under. */
export const CONFIG_SCHEMAS = { config: configSchema, xPmdocs: xPmdocsSchema } as const;

export function createConfigAjv(code?: CodeOptions): Ajv2020 {
  return new Ajv2020({ ...CONFIG_AJV_OPTIONS, ...(code ? { code } : {}) });
}

let fingerprint: string | undefined;

/** A hash of the two schemas and the options above: the precompiled code is used only when it matches. */
export function configFingerprint(): string {
  return (fingerprint ??= fingerprintOf([CONFIG_AJV_OPTIONS, configSchema, xPmdocsSchema]));
}
