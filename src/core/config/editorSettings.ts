// The editor settings pmdocs understands (`pmdocs.*` in VS Code, `initializationOptions` or
// `workspace/didChangeConfiguration` in other editors), read from JSON a person wrote by hand: whatever is
// malformed falls back to its default instead of breaking the lint.

import { normalizeRuleSetting, type RuleSetting } from './ruleSettings.js';

export type RunMode = 'onType' | 'onSave';

export interface EditorSettings {
  run: RunMode;
  debounceMs: number;
  /** Rule id → severity, `[severity, options]` or `{ severity, options, when }`; wins over `.pmdocs.json`'s `rules`. */
  rules: Record<string, RuleSetting>;
  /** The `rules` setting as written (checked against the config schema, which says what is wrong). */
  rawRules: Record<string, unknown>;
  /** Glob (relative to the workspace folder) → doc type. */
  associations: Record<string, string>;
  validateWorkspace: boolean;
  /** Rename Symbol on an id also renames the document's file when its name starts with the id (`rename.renameFiles`). */
  renameFiles: boolean;
  /** The CodeLens on a PRD's or epic's title ("3 stories · 2 done · in REL-2.4.0"); on unless `false`. */
  codeLens: boolean;
}

export const DEFAULT_DEBOUNCE_MS = 300;

/** `raw` is an object with the settings' keys (`run`, `debounceMs`, `rules`, …), or anything else. */
export function editorSettings(raw: unknown): EditorSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules = o['rules'];
  const rawRules = rules && typeof rules === 'object' && !Array.isArray(rules) ? (rules as Record<string, unknown>) : {};
  const debounce = typeof o['debounceMs'] === 'number' && Number.isFinite(o['debounceMs']) ? o['debounceMs'] : DEFAULT_DEBOUNCE_MS;
  return {
    run: o['run'] === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Math.max(0, Math.min(debounce, 10_000)),
    rules: ruleSettings(rawRules),
    rawRules,
    associations: pick(o['associations'], (v): v is string => typeof v === 'string' && v.length > 0),
    validateWorkspace: o['validateWorkspace'] === true,
    renameFiles: renameFilesOf(o),
    codeLens: o['codeLens'] !== false,
  };
}

/** `{ "rename": { "renameFiles": true } }`, or the flat key VS Code-style settings files use. */
function renameFilesOf(o: Record<string, unknown>): boolean {
  const rename = o['rename'];
  if (rename && typeof rename === 'object' && (rename as Record<string, unknown>)['renameFiles'] === true) return true;
  return o['rename.renameFiles'] === true;
}

/** Keep only well-formed entries. */
function pick<T>(obj: unknown, ok: (v: unknown) => v is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!obj || typeof obj !== 'object') return out;
  for (const [k, v] of Object.entries(obj)) if (ok(v)) out[k] = v;
  return out;
}

/** Entries of the `rules` setting in one of the three forms; the others are dropped (and reported by the caller). */
function ruleSettings(raw: Record<string, unknown>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw)) {
    const setting = normalizeRuleSetting(value);
    if (setting !== undefined) out[id] = setting;
  }
  return out;
}
