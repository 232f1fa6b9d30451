// The default output, shaped like ESLint's "stylish": the file, then one aligned row per finding
// (line:column, severity, message, rule id), then a summary line. Colour only when asked for.

import { relativePath } from '../../core/config/paths.js';
import type { Severity } from '../../core/types.js';
import type { Formatter } from './types.js';
import { visible } from './visible.js';

const paint = (on: boolean) => (code: string, off: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[${off}m` : s);

export const stylish: Formatter = (results, ctx) => {
  const c = paint(ctx.color);
  const underline = c('4', '24');
  const dim = c('2', '22');
  const bold = c('1', '22');
  const bySeverity: Record<Severity, (s: string) => string> = { error: c('31', '39'), warning: c('33', '39'), info: c('34', '39') };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let out = '';
  for (const r of results) {
    if (!r.findings.length) continue;
    const rows = r.findings.map((f) => {
      counts[f.severity]++;
      return {
        pos: `${f.line}:${f.column}`,
        severity: f.severity,
        message: visible(f.message.replace(/\s*[\r\n]+\s*/g, ' ')),
        ruleId: visible(f.ruleId),
      };
    });
    const w = (k: 'pos' | 'severity' | 'message') => Math.max(...rows.map((row) => row[k].length));
    const [wPos, wSev, wMsg] = [w('pos'), w('severity'), w('message')];
    out += `\n${underline(visible(relativePath(ctx.cwd, r.path)))}\n`;
    for (const row of rows) {
      const sev = bySeverity[row.severity](row.severity.padEnd(wSev));
      out += `  ${dim(row.pos.padEnd(wPos))}  ${sev}  ${row.message.padEnd(wMsg)}  ${dim(row.ruleId)}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info;
  if (!total) return '';
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
  if (counts.info) parts.push(`${counts.info} info`);
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  const colour = counts.error ? bySeverity.error : counts.warning ? bySeverity.warning : bySeverity.info;
  return `${out}\n${bold(colour(summary))}\n`;
};
