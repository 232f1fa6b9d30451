#!/usr/bin/env node
// gen-corpus.mjs: deterministic synthetic corpus of pmdocs v1 product docs (PRDs, epics, user
// stories, release notes: Markdown with YAML front matter), for `npm run bench` and accuracy scoring.
//
//   node bench/gen-corpus.mjs OUTDIR --docs N [--seed S] [--invalid-ratio 0.1] [--big] [--crlf-ratio 0.02] [--force]
//
// Writes N files under OUTDIR/{prd,epics,stories,release-notes}/ plus OUTDIR/manifest.json, which
// lists every file and the defects injected into it, with the 1-based line a linter should point at
// and the pmdocs rule ids that should fire. Same arguments → byte-identical output (no clock, no
// locale, no Math.random). Plain Node ESM; no dependencies.

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from './corpus/rng.mjs';
import { planCorpus, TABLE_ROWS } from './corpus/plan.mjs';
import { epicFrontMatter, prdFrontMatter, releaseFrontMatter, storyFrontMatter } from './corpus/front-matter.mjs';
import { renderEpic, renderPrd, renderRelease, renderStory } from './corpus/bodies.mjs';
import { injectDefects } from './corpus/defects.mjs';
import { CHANGE_TYPES, FOLDER, REQUIRED, REQUIRED_SECTIONS, RULE_IDS, STATUS, TYPES } from './corpus/contract.mjs';

const GENERATOR_VERSION = 1;

function usage(msg) {
  if (msg) process.stderr.write(`gen-corpus: ${msg}\n`);
  process.stderr.write(
    'usage: node bench/gen-corpus.mjs OUTDIR --docs N [--seed S] [--invalid-ratio R] [--big] [--crlf-ratio R] [--force]\n' +
      '  --docs N           number of Markdown files (per 16: 2 prd, 1 epic, 11 user stories, 2 release notes)\n' +
      '  --seed S           any string (default "1")\n' +
      '  --invalid-ratio R  fraction of files with injected defects, 0..1 (default 0.1)\n' +
      `  --big              make a few PRDs / release notes 0.5-2 MB (one release notes 2 MB); one PRD gets a ${TABLE_ROWS}-row requirements table\n` +
      '  --crlf-ratio R     fraction of files written with CRLF line endings (default 0.02)\n' +
      '  --force            write into a non-empty OUTDIR (replaces the corpus folders and manifest there)\n',
  );
  process.exit(msg ? 2 : 0);
}

function parseArgs(argv) {
  const o = { out: null, docs: null, seed: '1', invalidRatio: 0.1, big: false, crlfRatio: 0.02, force: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let val = null;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      val = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = () => {
      if (val !== null) return val;
      if (i + 1 >= argv.length) usage(`missing value for ${a}`);
      return argv[++i];
    };
    switch (a) {
      case '-h':
      case '--help':
        usage();
        break;
      case '--docs': {
        const v = next();
        if (!/^[0-9]+$/.test(v) || Number(v) < 1) usage(`--docs must be a positive integer, got ${v}`);
        o.docs = Number(v);
        break;
      }
      case '--seed':
        o.seed = String(next());
        break;
      case '--invalid-ratio':
      case '--crlf-ratio': {
        const v = Number(next());
        if (!(v >= 0 && v <= 1)) usage(`${a} must be in [0, 1]`);
        if (a === '--invalid-ratio') o.invalidRatio = v;
        else o.crlfRatio = v;
        break;
      }
      case '--big':
        o.big = true;
        break;
      case '--force':
        o.force = true;
        break;
      default:
        if (a.startsWith('-')) usage(`unknown option ${a}`);
        if (o.out !== null) usage(`unexpected argument ${a}`);
        o.out = a;
    }
  }
  if (o.out === null) usage('OUTDIR is required');
  if (o.docs === null) usage('--docs N is required');
  return o;
}

/** Lines of the file; every section and tagged body line learns its 1-based line number. */
function assemble(fm, body, closeFence) {
  const lines = ['---', ...fm.lines.map((l) => l.text)];
  if (closeFence) {
    lines.push('---');
    (body.fenceRef ??= {}).line = lines.length;
  }
  lines.push('', body.h1, '');
  (body.h1Ref ??= {}).line = lines.length - 1;
  if (body.intro) lines.push(...body.intro, '');
  let n = 0;
  for (const s of body.sections) {
    if (s.build) s.lines = s.build();
    s.line = lines.length + 1;
    const number = body.numbered && s.level === 2 ? `${++n}. ` : '';
    lines.push(`${'#'.repeat(s.level)} ${number}${s.title}`, '');
    for (const l of s.lines) {
      if (typeof l !== 'string') l.ref.line = lines.length + 1;
      lines.push(typeof l === 'string' ? l : l.text);
    }
    lines.push('');
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lineOf(at, fm) {
  if (!at) return null;
  if (at.line) return at.line;
  if (at.fm) {
    const line = fm.lineOf(at.fm);
    return line === null ? null : line + (at.offset ?? 0);
  }
  if (at.section) return at.section.line ?? null;
  return at.ref?.line ?? null;
}

const RENDER = {
  prd: [renderPrd, prdFrontMatter],
  epic: [renderEpic, epicFrontMatter],
  'user-story': [renderStory, storyFrontMatter],
  'release-notes': [renderRelease, releaseFrontMatter],
};

function renderDoc(o, d) {
  const r = new Rng(`${o.seed}:body:${d.index}`);
  const [renderBody, frontMatter] = RENDER[d.type];
  const body = renderBody(d, r);
  const fm = frontMatter(d, r);
  if (r.chance(0.1))
    fm.lines.splice(r.int(2, fm.lines.length), 0, {
      text: r.pick(['# reviewed in planning', '# keep in sync with the roadmap', `# owner changes need a heads-up`]),
      path: null,
    });

  const raw = d.invalid ? injectDefects(d, new Rng(`${o.seed}:defects:${d.index}`), fm, body) : [];
  const unclosed = raw.some((x) => x.variant === 'unclosed-fence');
  const lines = assemble(fm, body, !unclosed);
  const defects = raw.map(({ at, alt, ...def }) => {
    const line = lineOf(at, fm);
    const altLines = (alt ?? []).map((a) => lineOf(a, fm)).filter((l) => l !== null && l !== line);
    return { ...def, line, ...(altLines.length ? { altLines } : {}) };
  });
  const eol = d.crlf ? '\r\n' : '\n';
  return { text: lines.join(eol) + eol, lines: lines.length, defects, fmEnd: unclosed ? null : fm.lines.length + 2 };
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  if (existsSync(o.out) && readdirSync(o.out).length && !o.force) usage(`${o.out} is not empty (use --force to overwrite)`);
  for (const type of TYPES) {
    rmSync(join(o.out, FOLDER[type]), { recursive: true, force: true });
    mkdirSync(join(o.out, FOLDER[type]), { recursive: true });
  }
  const { docs } = planCorpus(o);
  const files = [];
  const byKind = {};
  let bytes = 0;
  for (const d of docs) {
    const out = renderDoc(o, d);
    const buf = Buffer.from(out.text, 'utf8');
    writeFileSync(join(o.out, d.path), buf);
    bytes += buf.length;
    for (const def of out.defects) byKind[def.kind] = (byKind[def.kind] ?? 0) + 1;
    files.push({
      path: d.path,
      type: d.type,
      id: d.id,
      lines: out.lines,
      bytes: buf.length,
      frontMatterEndLine: out.fmEnd,
      ...(d.big ? { big: true } : {}),
      ...(d.table ? { tableRows: TABLE_ROWS } : {}),
      ...(d.huge ? { huge: true } : {}),
      ...(d.crlf ? { eol: 'crlf' } : {}),
      defects: out.defects,
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const counts = Object.fromEntries(TYPES.map((t) => [t, files.filter((f) => f.type === t).length]));
  const manifest = {
    generator: 'pmdocs bench/gen-corpus.mjs',
    generatorVersion: GENERATOR_VERSION,
    seed: o.seed,
    docs: o.docs,
    invalidRatio: o.invalidRatio,
    crlfRatio: o.crlfRatio,
    big: o.big,
    totalBytes: bytes,
    counts,
    invalidFiles: files.filter((f) => f.defects.length).length,
    defectsByKind: Object.fromEntries(Object.entries(byKind).sort()),
    contract: {
      status: STATUS,
      requiredFields: REQUIRED,
      requiredSections: REQUIRED_SECTIONS,
      changeTypes: CHANGE_TYPES,
      ruleIds: RULE_IDS,
    },
    notes: [
      'Lines are 1-based lines of the whole file; line 1 is the opening ---.',
      'line: where the defect is (missing top-level field: 1, the opening fence; missing nested field: the parent key; removed section or no change-type section: null, nothing left to point at).',
      'altLines: other lines a linter may reasonably point at for the same defect.',
      'rules: pmdocs rule ids that report this defect; related: rule ids that may also fire as a consequence.',
      'detect: yaml = the front matter does not parse; schema = JSON Schema validation; structure = body sections and their content; semantic = rules across fields.',
    ],
    files,
  };
  writeFileSync(join(o.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  process.stdout.write(
    `gen-corpus: ${files.length} files (${TYPES.map((t) => `${counts[t]} ${t}`).join(', ')}), ` +
      `${(bytes / 1048576).toFixed(1)} MiB, ${manifest.invalidFiles} invalid, defects ${JSON.stringify(manifest.defectsByKind)} -> ${o.out}\n`,
  );
}

main();
