// Formatter details the case table does not reach: workflow-command escaping, stylish alignment and
// counts, SARIF levels for info findings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty, github } from '../../src/cli/formatters/github.js';
import { stylish } from '../../src/cli/formatters/stylish.js';
import { sarif } from '../../src/cli/formatters/sarif.js';
import type { Finding, Severity } from '../../src/core/types.js';
import type { FormatContext } from '../../src/cli/formatters/types.js';

const ctx: FormatContext = {
  cwd: '/ws',
  color: false,
  version: '9.9.9',
  rules: [{ id: 'rule-a', description: 'A.', defaultSeverity: 'warning', docsUrl: 'https://example.org/a' }],
};

const finding = (severity: Severity, line: number, column: number, message: string, ruleId = 'rule-a'): Finding => ({
  ruleId,
  severity,
  message,
  line,
  column,
  endLine: line,
  endColumn: column + 3,
  start: 0,
  end: 3,
  docsUrl: 'https://example.org/a',
});

test('github: data escapes %, CR and LF; properties also : and ,', () => {
  assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('docs/a,b:c 100%.md'), 'docs/a%2Cb%3Ac 100%25.md');
  const out = github([{ path: '/ws/d/x.md', findings: [finding('info', 2, 3, 'Line one\nline two: 10%')] }], ctx);
  assert.equal(out, '::notice file=d/x.md,line=2,col=3,endLine=2,endColumn=6,title=pmdocs(rule-a)::Line one%0Aline two: 10%25\n');
});

test('stylish: aligned columns per file, counts with info, nothing for clean results', () => {
  const out = stylish(
    [
      {
        path: '/ws/a.md',
        docType: 'prd',
        findings: [
          finding('error', 3, 9, 'Short.'),
          finding('warning', 12, 1, 'A longer message.', 'rule-b'),
          finding('info', 100, 20, 'Note.'),
        ],
      },
      { path: '/ws/b.md', docType: 'prd', findings: [] },
    ],
    ctx,
  );
  assert.equal(
    out,
    [
      '',
      'a.md',
      '  3:9     error    Short.             rule-a',
      '  12:1    warning  A longer message.  rule-b',
      '  100:20  info     Note.              rule-a',
      '',
      '✖ 3 problems (1 error, 1 warning, 1 info)',
      '',
    ].join('\n'),
  );
  assert.equal(stylish([{ path: '/ws/b.md', docType: 'prd', findings: [] }], ctx), '');
});

test('sarif: info is a note; a rule missing from the list is added so ruleIndex stays valid', () => {
  const log = JSON.parse(
    sarif([{ path: '/ws/a b/x.md', findings: [finding('info', 1, 1, 'N.'), finding('error', 2, 1, 'E.', 'rule-z')] }], ctx),
  );
  const run = log.runs[0];
  assert.deepEqual(
    run.results.map((r: { level: string; ruleIndex: number }) => [r.level, r.ruleIndex]),
    [
      ['note', 0],
      ['error', 1],
    ],
  );
  assert.deepEqual(
    run.tool.driver.rules.map((r: { id: string }) => r.id),
    ['rule-a', 'rule-z'],
  );
  assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'a%20b/x.md');
  assert.equal(run.tool.driver.version, '9.9.9');
});
