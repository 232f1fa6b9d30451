// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` per finding, so
// findings show as annotations on the pull request's diff.

import { relativePath } from '../../core/config/paths.js';
import type { Severity } from '../../core/types.js';
import type { Formatter } from './types.js';
import { visible } from './visible.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part: `%`, CR and LF are escaped (the workflow-command rules); other control characters are shown as `\xNN`. */
export const escapeData = (s: string): string => visible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));

/** A property value: also `:` and `,`, which separate properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results, ctx) => {
  let out = '';
  for (const r of results) {
    const file = escapeProperty(relativePath(ctx.cwd, r.path));
    for (const f of r.findings) {
      const props = `file=${file},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`pmdocs(${f.ruleId})`)}`;
      out += `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
    }
  }
  return out;
};
