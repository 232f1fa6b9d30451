// The editor settings pmdocs understands (`pmdocs.*` in VS Code, `initializationOptions` or
// `workspace/didChangeConfiguration` in other editors), read from JSON a person wrote by hand: whatever is
// malformed falls back to its default instead of breaking the lint.

import type { SeveritySetting } from '../types.js';

export type RunMode = 'onType' | 'onSave';

export interface EditorSettings {
  run: RunMode;
  debounceMs: number;
  /** Rule id → severity; wins over `.pmdocs.json` for this user/workspace. */
  rules: Record<string, SeveritySetting>;
  /** Glob (relative to the workspace folder) → doc type. */
  associations: Record<string, string>;
  validateWorkspace: boolean;
}

export const DEFAULT_DEBOUNCE_MS = 300;
const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** `raw` is an object with the settings' keys (`run`, `debounceMs`, `rules`, …), or anything else. */
export function editorSettings(raw: unknown): EditorSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const debounce = typeof o['debounceMs'] === 'number' && Number.isFinite(o['debounceMs']) ? o['debounceMs'] : DEFAULT_DEBOUNCE_MS;
  return {
    run: o['run'] === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Math.max(0, Math.min(debounce, 10_000)),
    rules: pick(o['rules'], (v): v is SeveritySetting => typeof v === 'string' && SEVERITIES.has(v)),
    associations: pick(o['associations'], (v): v is string => typeof v === 'string' && v.length > 0),
    validateWorkspace: o['validateWorkspace'] === true,
  };
}

/** Keep only well-formed entries. */
function pick<T>(obj: unknown, ok: (v: unknown) => v is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!obj || typeof obj !== 'object') return out;
  for (const [k, v] of Object.entries(obj)) if (ok(v)) out[k] = v;
  return out;
}
