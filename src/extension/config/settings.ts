// The user's `pmdocs.*` settings, read per resource (multi-root: each folder may set its own).

import * as vscode from 'vscode';
import type { SeveritySetting } from '../../core/types.js';

export type RunMode = 'onType' | 'onSave';

export interface PmdocsSettings {
  run: RunMode;
  debounceMs: number;
  /** Rule id → severity; wins over `.pmdocs.json` for this user/workspace. */
  rules: Record<string, SeveritySetting>;
  /** Glob (relative to the workspace folder) → doc type. */
  associations: Record<string, string>;
  validateWorkspace: boolean;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export function readSettings(scope?: vscode.ConfigurationScope): PmdocsSettings {
  const c = vscode.workspace.getConfiguration('pmdocs', scope);
  const debounce = c.get<number>('debounceMs', 300);
  return {
    run: c.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Number.isFinite(debounce) ? Math.max(0, Math.min(debounce, 10_000)) : 300,
    rules: pick(c.get<Record<string, unknown>>('rules', {}), (v): v is SeveritySetting => typeof v === 'string' && SEVERITIES.has(v)),
    associations: pick(c.get<Record<string, unknown>>('associations', {}), (v): v is string => typeof v === 'string' && v.length > 0),
    validateWorkspace: c.get<boolean>('validateWorkspace', false) === true,
  };
}

/** Settings come from JSON users edit by hand: keep only well-formed entries. */
function pick<T>(obj: unknown, ok: (v: unknown) => v is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!obj || typeof obj !== 'object') return out;
  for (const [k, v] of Object.entries(obj)) if (ok(v)) out[k] = v;
  return out;
}
