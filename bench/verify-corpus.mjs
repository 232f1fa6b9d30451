#!/usr/bin/env node
// verify-corpus.mjs: checks a gen-corpus output against its own manifest with an independent,
// deliberately simple reference checker (yaml + ajv with the peer's draft-07 schemas + line-based
// body checks). Every clean file must pass, every injected defect must be seen by the check that
// its `detect` names, and nothing else may be reported. Exit 0 when the corpus matches its manifest.
//
//   node bench/verify-corpus.mjs CORPUS_DIR
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = process.argv[2];
if (!corpus) {
  console.error('usage: node bench/verify-corpus.mjs CORPUS_DIR');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validators = Object.fromEntries(
  ['prd', 'epic', 'user-story', 'release-notes'].map((t) => [
    t,
    ajv.compile(JSON.parse(readFileSync(join(here, 'peers', 'schemas', `${t}.schema.json`), 'utf8'))),
  ]),
);

// Section names the generator writes: canonical (any case, optionally numbered) or these synonyms.
const SYNONYMS = {
  'problem statement': 'problem',
  'out of scope': 'non-goals',
  'user story': 'story',
  'bug fixes': 'fixed',
  'upgrade notes': 'breaking changes',
};
const norm = (h) => {
  const s = h
    .toLowerCase()
    .replace(/^\d+\.\s*/, '')
    .trim();
  return SYNONYMS[s] ?? s;
};
const CHANGE = ['added', 'changed', 'deprecated', 'removed', 'fixed', 'security'];
const FM = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

/** H2 sections with their content lines (fenced blocks kept, headings of level 3+ kept). */
function sections(body) {
  const out = [];
  let cur = null;
  let fence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const h = !fence && /^## (.+?)\s*$/.exec(line);
    if (h) out.push((cur = { name: norm(h[1]), lines: [] }));
    else if (cur) cur.lines.push(line);
  }
  return out;
}

function gherkinProblems(lines) {
  const problems = [];
  let steps = null;
  const flush = () => {
    if (!steps) return;
    const k = steps.map((s) => s);
    if (!k.includes('when')) problems.push('missing-when');
    if (!k.includes('then')) problems.push('missing-then');
    const w = k.indexOf('when');
    const t = k.indexOf('then');
    if (w >= 0 && k.slice(w).includes('given')) problems.push('given-after-when');
    if (t >= 0 && k.slice(t).includes('when')) problems.push('when-after-then');
  };
  for (const line of lines) {
    if (/Scenario/.test(line)) {
      flush();
      steps = [];
      continue;
    }
    const m = /^\s*(?:[-*]\s+)?(?:\*\*)?(Given|When|Then|And|But)\b/.exec(line);
    if (m && steps) {
      const kw = m[1].toLowerCase();
      steps.push(kw === 'and' || kw === 'but' ? steps[steps.length - 1] : kw);
    }
  }
  flush();
  return problems;
}

const problems = [];
const stats = { files: 0, clean: 0, defects: 0, seen: 0 };
for (const f of manifest.files) {
  stats.files++;
  const text = readFileSync(join(corpus, f.path), 'utf8');
  const seen = []; // [kind, detail]
  const m = FM.exec(text);
  let data = null;
  if (!m) seen.push(['yaml-syntax', 'no closed front matter']);
  else {
    const doc = YAML.parseDocument(m[1]);
    if (doc.errors.length) seen.push(['yaml-syntax', doc.errors[0].code]);
    else data = doc.toJS();
  }
  if (data) {
    const validate = validators[f.type];
    if (!validate(data)) {
      for (const e of validate.errors) {
        if (e.keyword === 'if') continue;
        const path = e.instancePath.split('/').slice(1).join('.');
        const field =
          e.keyword === 'required'
            ? [path, e.params.missingProperty].filter(Boolean).join('.')
            : e.keyword === 'additionalProperties'
              ? e.params.additionalProperty
              : path;
        seen.push(['schema', field]);
      }
    }
    if (
      data.rice &&
      typeof data.rice.score === 'number' &&
      [data.rice.reach, data.rice.impact, data.rice.confidence, data.rice.effort].every((x) => typeof x === 'number')
    ) {
      const want = (data.rice.reach * data.rice.impact * (data.rice.confidence / 100)) / data.rice.effort;
      if (Math.abs(data.rice.score - want) > want * 0.01) seen.push(['rice-score', 'rice.score']);
    }
    if (
      typeof data.created === 'string' &&
      typeof data.updated === 'string' &&
      /^\d{4}-\d\d-\d\d$/.test(data.created) &&
      data.updated < data.created
    )
      seen.push(['date-order', 'updated']);
    if (
      f.type === 'release-notes' &&
      typeof data.id === 'string' &&
      data.id.startsWith('REL-') &&
      typeof data.version === 'string' &&
      data.id.slice(4) !== data.version
    )
      seen.push(['release-version-id', 'version']);
  }
  const secs = sections(m ? text.slice(m[0].length) : text);
  const has = (n) => secs.find((s) => s.name === n);
  const required = {
    prd: ['problem', 'goals', 'non-goals', 'requirements', 'success metrics'],
    epic: ['summary'],
    'user-story': ['story', 'acceptance criteria'],
    'release-notes': ['highlights'],
  }[f.type];
  for (const n of required) {
    const s = has(n);
    if (!s) seen.push(['missing-section', n]);
    else if (!s.lines.some((l) => l.trim())) seen.push(['empty-section', n]);
  }
  if (f.type === 'release-notes') {
    if (!secs.some((s) => CHANGE.includes(s.name))) seen.push(['release-change-type', '']);
    if (data?.breaking === true && !has('breaking changes')) seen.push(['breaking-changes-section', 'breaking']);
  }
  if (f.type === 'user-story') {
    const story = has('story');
    if (
      story &&
      story.lines.some((l) => l.trim()) &&
      !/^As an? [^,]+, I want [\s\S]+ so that /m.test(story.lines.join(' ').replace(/\s+/g, ' ').trim())
    )
      seen.push(['story-statement', '']);
    const ac = has('acceptance criteria');
    if (ac && ac.lines.some((l) => l.trim())) {
      if (!ac.lines.some((l) => /Scenario/.test(l))) seen.push(['acceptance-criteria', '']);
      for (const p of gherkinProblems(ac.lines)) seen.push(['gherkin', p]);
    }
  }
  if (secs.length && f.type === 'prd') {
    const order = ['problem', 'goals', 'non-goals', 'requirements'];
    const idx = secs.map((s) => order.indexOf(s.name)).filter((i) => i >= 0);
    if (idx.some((x, k) => k && x < idx[k - 1])) seen.push(['section-order', '']);
  }

  // every defect explains some of what was seen, and nothing is left over
  const left = seen.slice();
  const take = (pred) => {
    const i = left.findIndex(pred);
    if (i < 0) return false;
    left.splice(i, 1);
    while (left.findIndex(pred) >= 0) left.splice(left.findIndex(pred), 1);
    return true;
  };
  for (const d of f.defects) {
    stats.defects++;
    const field = d.field ?? '';
    const root = field.split(/[.[]/)[0];
    let ok;
    if (d.kind === 'yaml-syntax') ok = take(([k]) => k === 'yaml-syntax');
    else if (d.detect === 'schema') ok = take(([k, x]) => k === 'schema' && (x === field || x.split(/[.[]/)[0] === root || x === d.value));
    else if (d.kind === 'missing-section') ok = take(([k, n]) => k === 'missing-section' && n === d.section.toLowerCase());
    else if (d.kind === 'empty-section')
      ok = take(
        ([k, n]) =>
          (k === 'empty-section' && n === d.section.toLowerCase()) || (k === 'acceptance-criteria' && d.section === 'Acceptance criteria'),
      );
    else ok = take(([k]) => k === d.kind);
    if (ok) stats.seen++;
    else problems.push(`${f.path}: ${d.kind} ${d.variant ?? field ?? d.section ?? ''} not seen`);
  }
  // consequences of the same defects, once every defect had its direct match
  for (const d of f.defects) {
    const field = d.field ?? '';
    if (d.kind === 'semver' || (d.kind === 'pattern' && field === 'id')) take(([k]) => k === 'release-version-id');
    if (d.kind === 'unknown-key') take(([k, x]) => k === 'schema' && x === d.value);
    if (d.kind === 'missing-section' || d.kind === 'empty-section')
      take(([k]) => ['story-statement', 'acceptance-criteria', 'gherkin'].includes(k));
    if (d.kind === 'date') take(([k]) => k === 'date-order');
    if (field.startsWith('rice.')) take(([k]) => k === 'rice-score');
    if (d.kind === 'missing-field' && field === 'status') take(([k, x]) => k === 'schema' && x === 'date');
  }
  for (const [k, x] of left) problems.push(`${f.path}: unexpected ${k} ${x}`);
  if (!f.defects.length && !left.length) stats.clean++;
}
console.log(JSON.stringify(stats));
for (const p of problems.slice(0, 40)) console.log(p);
if (problems.length) {
  console.log(`${problems.length} problems`);
  process.exit(1);
}
console.log('corpus matches its manifest');
