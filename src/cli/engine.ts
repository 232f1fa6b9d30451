// The engine (remark, yaml, ajv) is loaded only when a file actually needs linting, so a re-run that the
// cache answers completely costs reading and hashing, not module start-up.

import type { Engine } from '../core/engine.js';

let engine: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  return (engine ??= import('../core/engine.js').then((m) => m.createEngine()));
}
