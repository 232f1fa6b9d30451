#!/usr/bin/env node
// run.mjs (`npm run bench:language`): the requirement-language rules against a labelled set of real
// requirements, the way users get them — each requirement written into a PRD (as a list item of its
// Requirements section, and as a row of the template's Requirements table), linted by the built CLI with
// `--format json`, findings mapped to the set's categories through categories.json. Writes precision,
// recall and F1 per category for both forms, next to the published figures, into BENCHMARKS.md.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeIntoBenchmarks } from '../lib/report.mjs';
import { documents, flagsByRequirement, score } from './score.mjs';
import { markdown } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const HELP = `usage: npm run bench:language -- [options]

  --data FILE        labelled requirements, one JSON object a line: {"text", "smells": {category: [words]}}
                     (default: ../shared/data/requirement-smells/ds1.jsonl beside the repository)
  --categories FILE  category → rule ids (default: bench/language/categories.json)
  --published FILE   another tool's figures to compare with (default: bench/language/published.json)
  --no-write         print the report without writing BENCHMARKS.md
  -h, --help         this text
`;

let o;
try {
  o = parseArgs({
    args: process.argv.slice(2),
    options: {
      data: { type: 'string', default: resolve(repo, '../shared/data/requirement-smells/ds1.jsonl') },
      categories: { type: 'string', default: join(here, 'categories.json') },
      published: { type: 'string', default: join(here, 'published.json') },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  process.stderr.write(`bench:language: ${e.message}\n\n${HELP}`);
  process.exit(2);
}
if (o.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const cli = join(repo, 'dist', 'cli.mjs');
for (const [what, file] of [
  ['the pmdocs CLI (run `npm run build`)', cli],
  ['the data set', o.data],
  ['the category map', o.categories],
]) {
  if (!existsSync(file)) {
    process.stderr.write(`bench:language: ${file} does not exist: ${what} is needed.\n`);
    process.exit(2);
  }
}

const raw = readFileSync(o.data, 'utf8');
const requirements = raw
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      process.stderr.write(`bench:language: ${o.data} line ${i + 1} is not JSON: ${e.message}\n`);
      process.exit(2);
    }
  });
const categories = JSON.parse(readFileSync(o.categories, 'utf8'));
const published = existsSync(o.published) ? JSON.parse(readFileSync(o.published, 'utf8')) : undefined;

const dir = mkdtempSync(join(tmpdir(), 'pmdocs-bench-language-'));
const results = {};
try {
  const docs = documents(requirements);
  for (const [form, doc] of Object.entries(docs)) {
    const file = join(dir, `${form}.md`);
    writeFileSync(file, doc.text);
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const r = spawnSync(process.execPath, [cli, 'lint', file, '--format', 'json'], { encoding: 'utf8', env, maxBuffer: 256 * 2 ** 20 });
    if (r.status !== 0 && r.status !== 1) {
      process.stderr.write(`bench:language: pmdocs exited with ${r.status} on the ${form} form:\n${r.stderr}`);
      process.exit(2);
    }
    const findings = JSON.parse(r.stdout).flatMap((f) => f.findings);
    results[form] = score(requirements, flagsByRequirement(findings, doc.lines, doc.text), categories);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const meta = {
  data: o.data.startsWith(resolve(repo, '..')) ? o.data.slice(resolve(repo, '..').length + 1) : o.data,
  sha256: createHash('sha256').update(raw).digest('hex').slice(0, 12),
  requirements: requirements.length,
  date: new Date().toISOString().slice(0, 10),
  version: JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version,
};
const md = markdown(results, categories, published, meta);
process.stdout.write(`${md}\n`);
if (!o['no-write']) {
  writeIntoBenchmarks(join(repo, 'BENCHMARKS.md'), md, 'language');
  process.stderr.write('bench:language: BENCHMARKS.md updated (section "Requirement language").\n');
}
