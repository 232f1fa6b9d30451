// Shared by the rules-*.test.ts files: lint a text and look at one rule's findings, apply fix edits.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { docTypeFromSchema, type BodySpec, type DocType } from '../../src/core/doctypes/docType.js';
import type { Finding, TextEdit } from '../../src/core/types.js';

export const engine = createEngine();

export function lint(text: string, options: { config?: ResolvedConfig; path?: string } = {}): Finding[] {
  return engine.lint(text, { path: options.path ?? '/ws/doc.md', config: options.config }).findings;
}

export function findingsOf(ruleId: string, text: string, options: { config?: ResolvedConfig; path?: string } = {}): Finding[] {
  return lint(text, options).filter((f) => f.ruleId === ruleId);
}

/** `line:column-endLine:endColumn message` — what a user sees, in one comparable string. */
export const where = (f: Finding): string => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;

/** The text a finding's range covers. */
export const covered = (text: string, f: Finding): string => text.slice(f.start, f.end);

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

export const fixture = (rel: string): string => readFileSync(join(import.meta.dirname, '../fixtures/rules', rel), 'utf8');

/** A workspace doc type with its own body structure (as .pmdocs.json would declare it). */
export function workspaceType(name: string, body: Omit<BodySpec, 'type'>, properties: Record<string, unknown> = {}): DocType {
  const schema = {
    $id: `urn:test:${name}`,
    type: 'object',
    properties: { type: { const: name }, id: { type: 'string' }, title: { type: 'string' }, ...properties },
    'x-pmdocs': { type: name, ...body },
  };
  return docTypeFromSchema(schema, { builtIn: false, name });
}

export function configWith(...types: DocType[]): ResolvedConfig {
  return { ...defaultConfig('/ws'), docTypes: types };
}

/** Front matter + body, joined the way the fixtures are written. */
export const doc = (frontMatter: string, body: string): string => `---\n${frontMatter.trim()}\n---\n\n${body.replace(/^\n/, '')}`;

export const PRD_FM = `type: prd\nid: PRD-1\ntitle: Export\nstatus: draft\nowner: "@jane"\ncreated: 2026-03-02`;
export const STORY_FM = `type: user-story\nid: US-1\ntitle: Export\nstatus: draft`;
export const REL_FM = `type: release-notes\nid: REL-1.4.0\ntitle: Release 1.4.0\nstatus: planned\nversion: "1.4.0"`;
