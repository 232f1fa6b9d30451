// The words shown for a front-matter key in hover and completion documentation, from its schema:
// title, description, allowed values, default and an example. Markdown.

import { yamlLiteral } from '../schema/wording.js';
import type { Facts } from '../schema/facts.js';

export function keyDocumentation(key: string | number, facts: Facts, options: { required?: boolean; heading?: boolean } = {}): string {
  const parts: string[] = [];
  if (options.heading !== false) {
    const name = typeof key === 'number' ? 'List item' : `\`${key}\``;
    parts.push(
      facts.title
        ? `**${facts.title}** (${name}${options.required ? ', required' : ''})`
        : `${name}${options.required ? ' (required)' : ''}`,
    );
  }
  if (facts.description) parts.push(facts.description);
  const lines: string[] = [];
  if (facts.values && facts.values.length > 1) lines.push(`Allowed: ${facts.values.map(code).join(', ')}`);
  else if (facts.values?.length === 1) lines.push(`Always ${code(facts.values[0])}`);
  else if (facts.types.length)
    lines.push(`Type: ${facts.types.map(typeName).join(' or ')}${facts.format === 'date' ? ' (a date, YYYY-MM-DD)' : ''}`);
  if (facts.hasDefault) lines.push(`Default: ${code(facts.default)}`);
  const example = facts.examples[0];
  if (example !== undefined) lines.push(`Example: ${exampleText(key, example)}`);
  if (facts.deprecated) lines.push('Deprecated.');
  if (lines.length) parts.push(lines.join('  \n'));
  return parts.join('\n\n');
}

function code(v: unknown): string {
  const s = yamlLiteral(v);
  return '`' + s.replace(/`/g, "'") + '`';
}

function exampleText(key: string | number, example: unknown): string {
  if (example !== null && typeof example === 'object' && !Array.isArray(example)) {
    const body = Object.entries(example as Record<string, unknown>)
      .map(([k, v]) => `  ${k}: ${yamlLiteral(v)}`)
      .join('\n');
    return `\n\n\`\`\`yaml\n${typeof key === 'string' ? `${key}:\n` : ''}${body}\n\`\`\``;
  }
  return typeof key === 'string' ? '`' + `${key}: ${yamlLiteral(example)}` + '`' : code(example);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'number',
  integer: 'whole number',
  boolean: 'true/false',
  array: 'list',
  object: 'mapping',
  null: 'empty',
};

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}
