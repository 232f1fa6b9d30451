// A plain (unquoted) YAML scalar that the YAML 1.2 core schema read as a number, boolean or null where
// the schema wants text: `version: 1.10` is the number 1.1, `title: 2026` a number, `owner: true` a
// boolean. The author wrote text; quoting keeps it text.

import { isScalar, Scalar, type Node } from 'yaml';

export interface Coercion {
  /** The scalar as written in the file. */
  source: string;
  /** What YAML made of it. */
  value: number | boolean | null;
}

export function coercionOf(node: Node | undefined, written: string, value: unknown): Coercion | undefined {
  if (!isScalar(node) || node.type !== Scalar.PLAIN) return undefined;
  const source = written.trim();
  if (!source) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return { source, value };
  // An explicit `null` word (not `~` or nothing, which clearly mean "no value").
  if (value === null && /^(null|Null|NULL)$/.test(source)) return { source, value };
  return undefined;
}

/** `version 1.10 was read as the number 1.1` (no full stop: the caller goes on). */
export function coercionPhrase(label: string, c: Coercion): string {
  if (typeof c.value === 'number') {
    const read = String(c.value);
    return read === c.source ? `${label} ${c.source} was read as a number` : `${label} ${c.source} was read as the number ${read}`;
  }
  if (typeof c.value === 'boolean') return `${label} ${c.source} was read as the boolean ${c.value}`;
  return `${label} ${c.source} was read as an empty value`;
}
