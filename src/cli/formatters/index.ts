// The output formats of `pmdocs lint --format`.

import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { github } from './github.js';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github };

/** Formats that list every rule (and so load the rule modules). */
export const needsRules = new Set(['sarif']);
