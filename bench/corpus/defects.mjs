// defects.mjs: the mistakes injected into invalid documents, each with the pmdocs rule(s) that
// should report it and where.
//
// A defect says where it is with `at` (and, when a linter may reasonably point elsewhere, `alt`):
// {line: n} a fixed line, {fm: path} the front-matter line of that field, {section: s} the heading of
// a body section, {ref: o} a body line tagged with that object, or null (the thing is gone: a removed
// section has no line). gen-corpus.mjs turns these into 1-based line numbers once the file is built.
//
// `detect` groups defects by what it takes to see them: yaml (the front matter does not parse), schema
// (JSON Schema validation of the front matter), structure (body sections and their content),
// semantic (a rule across fields: RICE score, id/version, dates).

import { ESTIMATES, REQUIRED, REQUIRED_SECTIONS, CHANGE_TYPES, riceScore } from './contract.mjs';
import { yq } from './front-matter.mjs';
import { isoDay, plural } from './vocabulary.mjs';

const BAD = {
  status: {
    prd: ['aproved', 'Approved', 'in-review', 'wip', 'shipped'],
    epic: ['in-progress', 'closed', 'Done', 'open'],
    'user-story': ['in progres', 'Done', 'closed', 'in_progress', 'todo', 'review'],
    'release-notes': ['published', 'done', 'Released', 'draft'],
  },
  priority: ['high', 'Must', 'p1', 'must-have', 'medium'],
  date: ['2026-13-45', '2025-02-30', '2025-3-4', '14/03/2025', '2025-06-31', 'March 3, 2025'],
  semver: ['v2.4.0', '2.4', '2.10', 'Q3 2025', '2.4.0.1', '2.04.0', 'next'],
};
const MISSPELT = {
  Problem: 'Problm',
  Goals: 'Gaols',
  'Non-goals': 'Non-gaols',
  Requirements: 'Requirments',
  'Success metrics': 'Sucess metrics',
  Summary: 'Sumary',
  Story: 'Stroy',
  'Acceptance criteria': 'Acceptance critera',
  Highlights: 'Highlihgts',
};
/** Plain YAML scalars that YAML 1.2 reads as numbers: pmdocs should say "quote it". */
const isYamlNumber = (v) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v);

// ---------------------------------------------------------------- front matter

function missingField(r, d, fm, body, g) {
  const fields = REQUIRED[d.type].filter((f) => f !== 'type'); // without `type` the file is no pmdocs doc at all
  if (d.type === 'release-notes' && (d.status === 'released' || d.status === 'yanked')) fields.push('date');
  if (fm.has('rice.effort')) fields.push('rice.effort', 'rice.reach');
  const f = r.pick(fields.filter((x) => fm.has(x)));
  // a release's date is only required while its status says released: keep that status as is
  if (!f || !g.take(f, ...(f === 'date' ? ['status'] : []))) return null;
  const parent = f.includes('.') ? f.split('.')[0] : null;
  fm.remove(f);
  return { kind: 'missing-field', field: f, rules: ['frontmatter-schema'], detect: 'schema', at: parent ? { fm: parent } : { line: 1 } };
}

const enumDefect = (path, values) => (r, d, fm, body, g) => {
  if (!fm.has(path) || !g.take(path)) return null;
  const value = r.pick(values);
  fm.setRaw(path, yq(String(value)));
  return { kind: 'enum', field: path, value, rules: ['frontmatter-schema'], detect: 'schema', at: { fm: path } };
};

const numberEnumDefect = (path, values) => (r, d, fm, body, g) => {
  if (!fm.has(path) || !g.take(path)) return null;
  const value = r.pick(values);
  fm.setRaw(path, String(value));
  return { kind: 'enum', field: path, value, rules: ['frontmatter-schema'], detect: 'schema', at: { fm: path } };
};

const dateDefect = (paths) => (r, d, fm, body, g) => {
  const path = r.pick(paths.filter((p) => fm.has(p)));
  if (!path || !g.take(path)) return null;
  const value = r.pick(BAD.date);
  fm.setRaw(path, yq(value));
  // an impossible date like 2025-06-31 still sorts as text, so date-order may fire as well
  return { kind: 'date', field: path, value, rules: ['frontmatter-schema'], related: ['date-order'], detect: 'schema', at: { fm: path } };
};

const semverDefect = (path) => (r, d, fm, body, g) => {
  if (!fm.has(path) || !g.take(path, path === 'version' ? 'id' : path)) return null;
  const value = r.pick(BAD.semver);
  fm.setRaw(path, value); // plain on purpose: 2.4 and 2.10 become YAML numbers (2.10 reads as 2.1)
  const rules = isYamlNumber(value) ? ['yaml-coerced-scalar', 'frontmatter-schema'] : ['frontmatter-schema'];
  // a release's id keeps the old version: release-version-id on either line is a fair report too
  if (path === 'version') rules.push('release-version-id');
  return { kind: 'semver', field: path, value, rules, related: ['release-version-id'], detect: 'schema', at: { fm: path }, alt: path === 'version' ? [{ fm: 'id' }] : [] };
};

const typeDefect = (path, raw, value) => (r, d, fm, body, g) => {
  if (!fm.has(path) || !g.take(path)) return null;
  const kids = fm.children(path);
  if (kids.length) {
    // a list written as one comma-separated string
    fm.lines = fm.lines.filter((l) => !kids.includes(l));
    fm.lines[fm.find(path)].text = `${path}: ${raw}`;
  } else fm.setRaw(path, raw);
  return { kind: 'type', field: path, value, rules: ['frontmatter-schema', 'yaml-coerced-scalar'], detect: 'schema', at: { fm: path } };
};

/** `ref`: the field holds another document's id, so ref-unresolved may report it too (`epic: PRD-12` names a PRD). */
const patternDefect = (path, values, ref = false) => (r, d, fm, body, g) => {
  if (!fm.has(path) || !g.take(path.split('[')[0])) return null;
  const value = r.pick(values(d));
  fm.setRaw(path, yq(value));
  const rules = ['frontmatter-schema', 'id-type-prefix', 'release-version-id', ...(ref ? ['ref-unresolved'] : [])];
  return { kind: 'pattern', field: path, value, rules, detect: 'schema', at: { fm: path } };
};

function idPrefixDefect(r, d, fm, body, g) {
  if (d.type === 'release-notes' || !fm.has('id') || !g.take('id')) return null;
  const n = d.id.split('-')[1];
  const value = r.pick({ prd: ['US-', 'EPIC-'], epic: ['PRD-', 'US-'], 'user-story': ['PRD-', 'EPIC-'] }[d.type]) + n;
  fm.setRaw('id', value);
  return { kind: 'id-type-prefix', field: 'id', value, rules: ['id-type-prefix', 'frontmatter-schema'], detect: 'schema', at: { fm: 'id' } };
}

const unknownKeyDefect = (renames) => (r, d, fm, body, g) => {
  const [from, to] = r.pick(renames.filter(([k]) => fm.has(k))) ?? [];
  if (!from || !g.take(from)) return null;
  fm.renameKey(from, to);
  // renaming a required key also makes it missing (reported at the opening fence)
  return { kind: 'unknown-key', field: to, value: from, rules: ['frontmatter-unknown-key', 'frontmatter-schema'], detect: 'schema', at: { fm: from }, alt: [{ line: 1 }] };
};

function dateOrderDefect(r, d, fm, body, g) {
  if (!fm.has('created') || !fm.has('updated') || d.created === null || !g.take('created', 'updated')) return null;
  const value = isoDay(d.created - r.int(1, 60));
  fm.setRaw('updated', value);
  return { kind: 'date-order', field: 'updated', value, rules: ['date-order'], detect: 'semantic', at: { fm: 'updated' }, alt: [{ fm: 'created' }] };
}

function riceScoreDefect(r, d, fm, body, g) {
  if (!fm.has('rice.score') || !g.take('rice')) return null;
  const right = riceScore(d.rice);
  const value = r.pick([Math.round(right * 10), Math.round(right / 3) + 7, d.rice.reach * d.rice.impact, Math.round(right * 1.5 + 1)].filter((v) => Math.abs(v - right) > right * 0.05));
  fm.setRaw('rice.score', String(value));
  return { kind: 'rice-score', field: 'rice.score', value, rules: ['rice-score'], detect: 'semantic', at: { fm: 'rice.score' }, alt: [{ fm: 'rice' }] };
}

function versionIdDefect(r, d, fm, body, g) {
  if (!fm.has('version') || !fm.has('id') || !g.take('version', 'id')) return null;
  const [maj, min, pat] = d.version.split('.').map(Number);
  const value = r.pick([`${maj}.${min}.${pat + 1}`, `${maj}.${min + 1}.0`, `${maj + 1}.0.0`]);
  fm.setRaw('version', value);
  return { kind: 'release-version-id', field: 'version', value, rules: ['release-version-id'], detect: 'semantic', at: { fm: 'version' }, alt: [{ fm: 'id' }] };
}

// ---------------------------------------------------------------- body

const sectionOf = (body, key) => body.sections.find((s) => s.key === key && s.level === 2);
/** The H1 line: where a linter may report a section that is missing altogether. */
const h1 = (body) => ({ ref: (body.h1Ref ??= {}) });

function missingSection(r, d, fm, body, g) {
  const key = r.pick(REQUIRED_SECTIONS[d.type]);
  const s = sectionOf(body, key);
  if (!s || !g.take(`section:${key}`)) return null;
  let how = r.weighted([[70, 'removed'], [15, 'demoted'], [15, 'misspelt']]);
  // a demoted heading becomes part of the section above: that one must stay untouched
  const above = body.sections[body.sections.indexOf(s) - 1];
  if (how === 'demoted' && above && !g.take(`section:${above.key}`)) how = 'misspelt';
  const related = key === 'Story' ? ['user-story-statement'] : key === 'Acceptance criteria' ? ['acceptance-criteria', 'gherkin-malformed'] : [];
  const def = { kind: 'missing-section', section: key, variant: how, rules: ['required-section'], related, detect: 'structure', alt: [h1(body)] };
  if (how === 'removed') {
    body.sections.splice(body.sections.indexOf(s), 1);
    def.at = null;
  } else {
    if (how === 'demoted') s.level = 3;
    else s.title = MISSPELT[key];
    def.at = { section: s };
  }
  return def;
}

function emptySection(r, d, fm, body, g) {
  const key = r.pick(REQUIRED_SECTIONS[d.type]);
  const s = sectionOf(body, key);
  if (!s || !g.take(`section:${key}`)) return null;
  s.lines = [];
  delete s.build;
  // an empty Story or Acceptance criteria section is also what the statement / criteria rules look for
  const own = key === 'Story' ? ['user-story-statement'] : key === 'Acceptance criteria' ? ['acceptance-criteria'] : [];
  return { kind: 'empty-section', section: key, rules: ['empty-section', 'required-section', ...own], related: own, detect: 'structure', at: { section: s } };
}

function sectionOrder(r, d, fm, body, g) {
  const p = sectionOf(body, 'Problem');
  const goals = sectionOf(body, 'Goals');
  if (!p || !goals || !g.take('section:Problem', 'section:Goals')) return null;
  const i = body.sections.indexOf(p);
  const j = body.sections.indexOf(goals);
  [body.sections[i], body.sections[j]] = [goals, p];
  // Problem now comes after Goals; a linter may flag either heading
  return { kind: 'section-order', section: 'Problem', rules: ['section-order'], detect: 'structure', at: { section: p }, alt: [{ section: goals }] };
}

function storyStatement(r, d, fm, body, g) {
  const s = sectionOf(body, 'Story');
  if (!s || !g.take('section:Story')) return null;
  const text = r.pick([`We need a faster way to ${d.verb} ${plural(d.object)}.`, `${plural(d.object).replace(/^./, (c) => c.toUpperCase())} should be easier to ${d.verb} ${d.qualifier}.`, `Users want to ${d.verb} ${plural(d.object)}.`]);
  const ref = {};
  const partOf = s.lines.filter((l) => typeof l === 'string' && l.startsWith('Part of'));
  s.lines = [{ text, ref }, ...partOf.flatMap((l) => ['', l])];
  return { kind: 'story-statement', section: 'Story', rules: ['user-story-statement'], detect: 'structure', at: { ref }, alt: [{ section: s }] };
}

function noScenarios(r, d, fm, body, g) {
  const s = sectionOf(body, 'Acceptance criteria');
  if (!s || !g.take('section:Acceptance criteria')) return null;
  const ref = {};
  s.lines = [{ text: r.pick(['To be agreed with design.', 'See the Figma file.', 'Works as described above.']), ref }];
  delete s.build;
  return { kind: 'acceptance-criteria', section: 'Acceptance criteria', rules: ['acceptance-criteria'], related: ['empty-section'], detect: 'structure', at: { section: s }, alt: [{ ref }] };
}

function gherkin(r, d, fm, body, g) {
  const s = sectionOf(body, 'Acceptance criteria');
  if (!s?.scenarios || !g.take('section:Acceptance criteria')) return null;
  const sc = r.pick(s.scenarios);
  const variant = r.pick(['given-after-when', 'when-after-then', 'missing-when', 'missing-then']);
  const st = sc.steps;
  const idx = (kw) => st.findIndex((x) => x.kw === kw);
  const def = { kind: 'gherkin', variant, section: 'Acceptance criteria', rules: ['gherkin-malformed'], detect: 'structure' };
  const w = idx('When');
  const t = idx('Then');
  if (variant === 'given-after-when') {
    // the Given block moves below the When step
    const given = st.slice(0, w);
    sc.steps = [st[w], ...given, ...st.slice(t)];
    def.at = { ref: given[0] };
    def.alt = [{ ref: sc }];
  } else if (variant === 'when-after-then') {
    sc.steps = [...st.slice(0, w), ...st.slice(t), st[w]];
    def.at = { ref: st[w] };
    def.alt = [{ ref: sc }];
  } else if (variant === 'missing-when') {
    sc.steps = st.filter((x, k) => k !== w);
    def.at = { ref: sc };
    def.alt = [{ ref: st[0] }, { ref: st[t] }, { section: s }];
  } else {
    sc.steps = st.slice(0, t);
    def.at = { ref: sc };
    def.alt = [{ ref: st[0] }, { ref: st[w] }, { section: s }];
  }
  return def;
}

function noChangeType(r, d, fm, body, g) {
  const keys = CHANGE_TYPES.filter((k) => sectionOf(body, k));
  if (!keys.length || !g.take(...keys.map((k) => `section:${k}`))) return null;
  body.sections = body.sections.filter((s) => !CHANGE_TYPES.includes(s.key));
  return { kind: 'release-change-type', rules: ['release-change-type', 'required-section'], detect: 'structure', at: null };
}

function breakingSection(r, d, fm, body, g) {
  if (!g.take('breaking', 'section:Breaking changes')) return null;
  if (d.breaking) {
    body.sections = body.sections.filter((s) => s.key !== 'Breaking changes');
  } else if (fm.has('breaking')) fm.setRaw('breaking', 'true');
  else fm.add('breaking', 'breaking: true');
  // the section is what is missing: a linter may point at the key that requires it or at the title
  const highlights = sectionOf(body, 'Highlights');
  return {
    kind: 'breaking-changes-section',
    field: 'breaking',
    rules: ['breaking-changes-section', 'required-section'],
    detect: 'structure',
    at: { fm: 'breaking' },
    alt: [h1(body), { line: 1 }, ...(highlights ? [{ section: highlights }] : [])], // or where the section belongs
  };
}

// ---------------------------------------------------------------- catalog

function catalog(type) {
  const dates = ['created', 'updated'];
  const common = [
    [5, missingField],
    [3, enumDefect('status', BAD.status[type])],
    [2, unknownKeyDefect(
      {
        prd: [['updated', 'updatd'], ['priority', 'priorty'], ['tags', 'tag'], ['target_release', 'target-release']],
        epic: [['priority', 'priorty'], ['prd', 'prd_id'], ['tags', 'labels']],
        'user-story': [['estimate', 'story_points'], ['priority', 'prio'], ['tags', 'labels']],
        'release-notes': [['stories', 'story'], ['breaking', 'breaking_change'], ['date', 'released_on']],
      }[type],
    )],
    [3, missingSection],
    [1, emptySection],
  ];
  if (type === 'prd') {
    return [
      ...common,
      [2, enumDefect('priority', BAD.priority)],
      [1, numberEnumDefect('rice.impact', [4, 5, 1.5])],
      [1, numberEnumDefect('rice.confidence', [90, 0.8, 75])],
      [2, dateDefect(dates)],
      [2, semverDefect('target_release')],
      [1, typeDefect('rice.reach', '"about 1200"', 'about 1200')],
      [1, typeDefect('tags', 'growth, api', 'growth, api')],
      [2, patternDefect('id', (d) => [d.id.replace('-', '_'), d.id.toLowerCase(), d.id.replace('-', ''), `${d.id}a`])],
      [1, idPrefixDefect],
      [2, riceScoreDefect],
      [1, dateOrderDefect],
      [1, sectionOrder],
    ];
  }
  if (type === 'epic') {
    return [
      ...common,
      [1, enumDefect('priority', BAD.priority)],
      [1, patternDefect('prd', (d) => [d.prd.replace('-', ''), d.prd.toLowerCase(), `EPIC-${d.prd.slice(4)}`], true)],
      [1, dateDefect(dates)],
      [1, idPrefixDefect],
      [1, dateOrderDefect],
    ];
  }
  if (type === 'user-story') {
    return [
      ...common,
      [1, enumDefect('priority', BAD.priority)],
      [2, numberEnumDefect('estimate', [4, 6, 7, 10, 21].filter((x) => !ESTIMATES.includes(x)))],
      [2, (r, d, fm, body, g) => {
        const value = r.pick(['five', '3', 'TBD']);
        return typeDefect('estimate', `"${value}"`, value)(r, d, fm, body, g);
      }],
      [2, patternDefect('epic', (d) => [d.epic.replace('-', ''), d.epic.toLowerCase(), `PRD-${d.epic.slice(5)}`], true)],
      [1, patternDefect('prd', (d) => [d.prd.replace('-', ''), d.prd.toLowerCase()], true)],
      [1, patternDefect('id', (d) => [d.id.replace('-', ''), d.id.toLowerCase(), d.id.replace('US', 'STORY')])],
      [1, idPrefixDefect],
      [1, dateDefect(dates)],
      [1, dateOrderDefect],
      [2, storyStatement],
      [1, noScenarios],
      [3, gherkin],
    ];
  }
  return [
    ...common,
    [4, semverDefect('version')],
    [2, versionIdDefect],
    [2, dateDefect(['date'])],
    [1, (r, d, fm, body, g) => typeDefect('stories', d.stories.map((s) => s.id).join(', ') || 'US-1000', 'comma-separated string')(r, d, fm, body, g)],
    [1, typeDefect('breaking', 'yes', 'yes')], // a string in YAML 1.2, a boolean in YAML 1.1
    [2, (r, d, fm, body, g) => {
      if (!d.stories.length) return null;
      const k = r.int(0, d.stories.length - 1);
      const path = fm.has(`stories[${k}]`) ? `stories[${k}]` : null;
      if (!path) return null; // flow lists have no per-item line
      const id = d.stories[k].id;
      return patternDefect(path, () => [id.replace('-', ''), id.toLowerCase(), `story-${id.slice(3)}`], true)(r, d, fm, body, g);
    }],
    [1, patternDefect('id', (d) => [`REL-v${d.version}`, `rel-${d.version}`, `REL_${d.version}`])],
    [1, noChangeType],
    [2, breakingSection],
  ];
}

// ---------------------------------------------------------------- YAML syntax

const YAML_VARIANTS = ['unterminated-quote', 'colon-in-plain-scalar', 'reserved-indicator', 'bad-indentation', 'unclosed-flow', 'tab-indentation', 'duplicate-key', 'unclosed-fence'];

/** Where a YAML parser may also report it: the line before (an implicit key it was reading), the line after, the closing fence. */
const yamlAlt = (body, path) => [{ fm: path, offset: -1 }, { fm: path, offset: 1 }, { ref: (body.fenceRef ??= {}) }];

function yamlDefect(r, d, fm, body) {
  const def = yamlDefectAt(r, d, fm);
  if (def.at.fm) def.alt = [...(def.alt ?? []), ...yamlAlt(body, def.at.fm)];
  return def;
}

function yamlDefectAt(r, d, fm) {
  const variants = YAML_VARIANTS.filter((v) => (v === 'unclosed-flow' ? fm.lines.some((l) => /^\w+: \[/.test(l.text)) : true));
  const variant = r.pick(variants);
  // the parser may report one mistake more than once, on the following lines too
  const def = { kind: 'yaml-syntax', variant, rules: ['frontmatter-syntax'], related: ['frontmatter-syntax'], detect: 'yaml' };
  const title = d.title.replace(/:.*$/, '');
  switch (variant) {
    case 'unterminated-quote':
      fm.lines[fm.find('title')].text = `title: "${title}`;
      return { ...def, field: 'title', at: { fm: 'title' } };
    case 'colon-in-plain-scalar':
      fm.lines[fm.find('title')].text = `title: ${title}: ${r.pick(['phase 2', 'v2', 'follow-up', 'hotfix'])}`;
      return { ...def, field: 'title', at: { fm: 'title' } };
    case 'reserved-indicator': {
      const key = fm.has('owner') ? 'owner' : 'title';
      const value = key === 'owner' ? `@${fm.lines[fm.find('owner')].text.split(': ')[1].replace(/["@]/g, '')}` : `@${title}`;
      fm.lines[fm.find(key)].text = `${key}: ${value}`;
      return { ...def, field: key, at: { fm: key } };
    }
    case 'bad-indentation': {
      if (fm.has('rice.impact')) {
        const i = fm.find('rice.impact');
        fm.lines[i].text = ` ${fm.lines[i].text.trimStart()}`;
        return { ...def, field: 'rice.impact', at: { fm: 'rice.impact' } };
      }
      const i = fm.find('status');
      fm.lines[i].text = ` ${fm.lines[i].text}`;
      return { ...def, field: 'status', at: { fm: 'status' } };
    }
    case 'unclosed-flow': {
      const l = fm.lines.find((x) => /^\w+: \[/.test(x.text));
      l.text = l.text.replace(/\]$/, '');
      return { ...def, field: l.path, at: { fm: l.path } };
    }
    case 'tab-indentation': {
      const l = fm.lines.find((x) => /^ {2}/.test(x.text)) ?? fm.lines[fm.find('status')];
      l.text = `\t${l.text.trimStart()}`;
      return { ...def, field: l.path, at: { fm: l.path } };
    }
    case 'duplicate-key': {
      const i = fm.find('status');
      fm.lines.push({ text: fm.lines[i].text, path: 'status#dup' }); // as a second edit would append it
      return { ...def, field: 'status', at: { fm: 'status#dup' }, alt: [{ fm: 'status' }] };
    }
    default:
      return { ...def, variant: 'unclosed-fence', field: null, at: { line: 1 } };
  }
}

// ---------------------------------------------------------------- injection

/** Claims fields and sections so two defects never edit the same thing. */
function guard() {
  const taken = new Set();
  return {
    take(...names) {
      if (names.some((n) => taken.has(n.split(/[.[]/)[0]))) return false;
      for (const n of names) taken.add(n.split(/[.[]/)[0]);
      return true;
    },
  };
}

/** Edits fm and body in place; returns the defects (with unresolved `at`/`alt`). */
export function injectDefects(d, r, fm, body) {
  const count = r.weighted([[75, 1], [20, 2], [5, 3]]);
  const g = guard();
  const defects = [];
  const bodyOnly = new Set([missingSection, emptySection, sectionOrder, storyStatement, noScenarios, gherkin, noChangeType]);
  let entries = catalog(d.type);
  if (r.chance(0.07)) {
    const y = yamlDefect(r, d, fm, body);
    defects.push(y);
    // the rest of the front matter stays as is; with no closing fence there is no body either
    entries = y.variant === 'unclosed-fence' ? [] : entries.filter(([, fn]) => bodyOnly.has(fn));
  }
  for (let attempt = 0; entries.length && defects.length < count && attempt < 20; attempt++) {
    const fn = r.weighted(entries);
    const def = fn(r, d, fm, body, g);
    if (def) defects.push(def);
  }
  return defects;
}
