// SARIF 2.1.0 for code-scanning tools: one run, the tool with every rule (id, description, help URL,
// default level), and one result per finding with a 1-based region on a relative artifact URI. A shard's
// run carries its own automation id (docs/ci.md: uploading the shards' SARIF).

import { relativePath } from '../../core/config/paths.js';
import { bytesOfName, holdsRawBytes } from '../fileNames.js';
import { fileUri } from '../../core/config/schemaFiles.js';
import type { Severity } from '../../core/types.js';
import type { Formatter, RuleInfo } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/pmdocs/pmdocs';
const BASE_ID = '%SRCROOT%';

export const sarif: Formatter = (results, ctx) => {
  const rules: RuleInfo[] = [...ctx.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const indexOf = (f: { ruleId: string; severity: Severity; docsUrl: string }) => {
    let i = index.get(f.ruleId);
    if (i === undefined) {
      // A finding of a rule the list does not know (cannot happen today): still a valid reference.
      i = rules.push({ id: f.ruleId, description: f.ruleId, defaultSeverity: f.severity, docsUrl: f.docsUrl }) - 1;
      index.set(f.ruleId, i);
    }
    return i;
  };
  const sarifResults = results.flatMap((r) => {
    const uri = relativePath(ctx.cwd, r.path).split('/').map(uriSegment).join('/');
    return r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: indexOf(f),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: BASE_ID },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    }));
  });
  const log = {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: 'pmdocs',
            version: ctx.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: r.docsUrl,
              // An off-by-default rule keeps its level (what it reports once turned on) and says it is off.
              defaultConfiguration: { level: LEVEL[r.defaultSeverity], ...(r.enabled === false ? { enabled: false } : {}) },
            })),
          },
        },
        ...(ctx.automationId !== undefined ? { automationDetails: { id: ctx.automationId } } : {}),
        originalUriBaseIds: { [BASE_ID]: { uri: fileUri(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * A path segment of the artifact URI: as encodeURIComponent, but a name holding bytes that are not UTF-8
 * (cli/fileNames.ts) has each of its bytes percent-encoded as it is on disk (`%FF`): lossless, where
 * encodeURIComponent would throw.
 */
function uriSegment(segment: string): string {
  if (!holdsRawBytes(segment)) return encodeURIComponent(segment);
  let out = '';
  for (const byte of bytesOfName(segment))
    out += /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}
