// Phase 6, report: config problems and failures on stderr, the results on stdout in the chosen format,
// and the exit code (2: a config problem or a file that could not be linted; 1: errors, or more
// warnings than --max-warnings; else 0).

import type { ConfigProblem } from '../../core/config/types.js';
import { needsRules } from '../formatters/index.js';
import type { RuleInfo } from '../formatters/types.js';
import { byPath, SKIPPED_DESCRIPTION, SKIPPED_DOCS_URL, SKIPPED_RULE_ID, type FileResult } from '../results.js';
import { VERSION } from '../version.js';
import type { LintRun } from './run.js';

export async function report(run: LintRun, files: number, results: FileResult[]): Promise<number> {
  const { io, options, rel } = run;
  if (io.env['PMDOCS_DEBUG']?.split(',').includes('stats')) {
    // For tests and benchmarks: proves what the cache answered without timing anything.
    const { linted, cached, workers, indexed, reads } = run.stats;
    io.stderr.write(
      `pmdocs: stats: files=${files} linted=${linted} cached=${cached} skipped=${countSkipped(results)} configs-resolved=${run.configs.resolvedCount} workers=${workers} indexed=${indexed} read=${reads}\n`,
    );
  }
  const problems = (await run.configs.all()).flatMap((c) => c.problems);
  for (const p of problems) io.stderr.write(`pmdocs: ${problemText(p, rel)}\n`);
  for (const f of run.failures) io.stderr.write(`pmdocs: ${f}\n`);

  let shown = results.filter((r) => r.docType !== undefined || r.findings.length).sort(byPath);
  if (options.quiet) shown = shown.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  const errors = shown.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = shown.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const rules = needsRules.has(options.format) ? await ruleInfos() : [];
  const automationId = options.shard ? `pmdocs/shard-${options.shard.index}-of-${options.shard.count}/` : undefined;
  io.stdout.write(
    options.formatter(shown, { cwd: run.cwd, color: options.color, version: VERSION, rules, ...(automationId ? { automationId } : {}) }),
  );

  if (problems.length || run.failures.length) return 2;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`pmdocs: too many warnings (${warnings}; --max-warnings is ${options.maxWarnings})\n`);
    return 1;
  }
  return errors ? 1 : 0;
}

function countSkipped(results: FileResult[]): number {
  return results.filter((r) => r.findings.some((f) => f.ruleId === SKIPPED_RULE_ID)).length;
}

function problemText(p: ConfigProblem, rel: (p: string) => string): string {
  const at = p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : '';
  return `${rel(p.file)}${at}: ${p.message}`;
}

async function ruleInfos(): Promise<RuleInfo[]> {
  const [{ rules }, { docsUrl }] = await Promise.all([import('../../core/rules/index.js'), import('../../core/rules/rule.js')]);
  return [
    ...rules.map((r) => ({
      id: r.id,
      description: r.description,
      defaultSeverity: r.defaultSeverity,
      docsUrl: docsUrl(r.id),
      ...(r.offByDefault ? { enabled: false as const } : {}),
    })),
    { id: SKIPPED_RULE_ID, description: SKIPPED_DESCRIPTION, defaultSeverity: 'warning' as const, docsUrl: SKIPPED_DOCS_URL },
  ];
}
