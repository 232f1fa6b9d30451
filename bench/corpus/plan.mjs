// plan.mjs: decides every document's type, id, metadata and cross references before any text is
// written, so references (story → epic → PRD, release → stories) always resolve.
//
// Types repeat in blocks of 16: 2 PRDs, 1 epic, 11 user stories, 2 release notes.
// Which documents are invalid, big or CRLF comes from separate streams: the invalid set for a smaller
// ratio is a subset of the one for a larger ratio, and --big changes only the chosen big files.

import { Rng } from './rng.mjs';
import { FOLDER, RICE_CONFIDENCE, RICE_IMPACT, riceScore } from './contract.mjs';
import { AREAS, CROSS_TAGS, HANDLES, QUALIFIERS, TODAY, VERBS, cap, plural, slugify } from './vocabulary.mjs';

const PRODUCT = 'Atlas';
/** Rows of the requirements table in the one "table" PRD of a --big corpus. */
export const TABLE_ROWS = 8700;

function typeOf(i) {
  const m = i % 8;
  if (m === 0) return 'prd';
  if (m === 7) return 'release-notes';
  if (m === 4 && Math.floor(i / 8) % 2 === 0) return 'epic';
  return 'user-story';
}

const moscow = (r) => r.weighted([[3, 'must'], [4, 'should'], [2, 'could'], [1, 'wont']]);

function planPrd(d, r) {
  d.id = `PRD-${100 + d.ordinal}`;
  d.area = r.pick(AREAS);
  d.feature = r.pick(d.area.features);
  d.title = r.weighted([
    [3, () => cap(d.feature)],
    [2, () => `${cap(d.feature)} for ${plural(r.pick(d.area.roles))}`],
    [2, () => `${cap(d.feature)}: ${r.pick(['v1', 'phase 2', 'MVP', 'enterprise rollout', 'GA'])}`],
    [1, () => `${cap(d.feature)} & ${r.pick(d.area.features)}`],
  ])();
  d.owner = r.pick(HANDLES);
  d.status = r.weighted([[3, 'draft'], [2, 'review'], [3, 'approved'], [2, 'building'], [2, 'launched'], [1, 'archived'], [0.5, 'abandoned']]);
  d.created = r.int(0, 600);
  d.updated = r.chance(0.8) ? d.created + r.int(0, 120) : null;
  d.priority = moscow(r);
  d.targetRelease = r.chance(0.7) ? `${r.int(1, 4)}.${r.int(0, 12)}.${r.chance(0.8) ? 0 : r.int(1, 5)}${r.chance(0.08) ? `-${r.pick(['beta', 'rc'])}.${r.int(1, 3)}` : ''}` : null;
  if (r.chance(0.8)) {
    const rice = {
      reach: r.pick([150, 300, 500, 800, 1200, 2000, 3500, 5000, 12000]),
      impact: r.pick(RICE_IMPACT),
      confidence: r.pick(RICE_CONFIDENCE),
      effort: r.pick([0.5, 1, 2, 3, 5, 8]),
    };
    // two decimals keep every score well inside the ±1 % the rice-score rule allows
    if (r.chance(0.7)) rice.score = Math.round(riceScore(rice) * 100) / 100;
    d.rice = rice;
  } else d.rice = null;
  d.tags = [d.area.tag, ...r.sample(CROSS_TAGS, r.int(0, 2))];
  d.tagStyle = r.chance(0.5) ? 'flow' : 'block';
  d.epics = [];
  d.stories = [];
}

function planEpic(d, r, prds) {
  d.id = `EPIC-${10 + d.ordinal}`;
  const prd = prds.length && r.chance(0.9) ? r.pick(prds) : null;
  d.prd = prd ? prd.id : null;
  d.prdDoc = prd;
  d.area = prd ? prd.area : r.pick(AREAS);
  d.feature = r.pick(d.area.features);
  d.title = `${cap(d.feature)}: ${r.pick(['foundation', 'admin controls', 'rollout', 'reporting', 'API', 'mobile'])}`;
  d.owner = r.pick(HANDLES);
  d.status = r.weighted([[2, 'proposed'], [4, 'active'], [2, 'done'], [0.5, 'cancelled']]);
  d.priority = r.chance(0.6) ? moscow(r) : null;
  d.created = r.chance(0.5) ? r.int(0, 600) : null;
  d.updated = d.created !== null && r.chance(0.6) ? d.created + r.int(0, 90) : null;
  d.tags = r.chance(0.5) ? [d.area.tag] : [];
  d.stories = [];
  if (prd) prd.epics.push(d);
}

function planStory(d, r, prds, epics) {
  d.id = `US-${1000 + d.ordinal}`;
  const epic = epics.length && r.chance(0.85) ? r.pick(epics) : null;
  const prd = epic ? epic.prdDoc : prds.length && r.chance(0.8) ? r.pick(prds) : null;
  d.epic = epic ? epic.id : null;
  d.epicDoc = epic;
  d.prd = prd ? prd.id : null;
  d.prdDoc = prd;
  d.area = epic ? epic.area : prd ? prd.area : r.pick(AREAS);
  d.role = r.pick(d.area.roles);
  d.verb = r.pick(VERBS);
  d.object = r.pick(d.area.objects);
  d.qualifier = r.pick(QUALIFIERS);
  d.title = r.chance(0.15)
    ? `${cap(d.area.tag)}: ${d.verb} ${plural(d.object)} ${d.qualifier}`
    : `${cap(d.verb)} ${plural(d.object)} ${d.qualifier}`;
  d.status = r.weighted([[2, 'draft'], [2, 'ready'], [3, 'in-progress'], [2, 'in-review'], [4, 'done'], [0.5, 'blocked'], [0.3, 'wont-do']]);
  d.estimate = r.weighted([[0.5, 0.5], [1, 1], [3, 2], [4, 3], [4, 5], [2, 8], [1, 13]]);
  d.priority = moscow(r);
  d.owner = r.chance(0.5) ? r.pick(HANDLES) : null;
  d.created = r.chance(0.4) ? r.int(0, 650) : null;
  d.updated = d.created !== null && r.chance(0.5) ? d.created + r.int(0, 40) : null;
  d.tags = r.chance(0.3) ? r.sample([d.area.tag, ...CROSS_TAGS], r.int(1, 2)) : [];
  d.scenarios = r.int(1, 5);
  if (epic) epic.stories.push(d);
  if (prd) prd.stories.push(d);
}

function semverBump(v, r) {
  const [maj, min, pat] = v;
  const k = r.weighted([[5, 'major'], [65, 'minor'], [30, 'patch']]);
  if (k === 'major') return { v: [maj + 1, 0, 0], major: true };
  if (k === 'minor') return { v: [maj, min + 1, 0], major: false };
  return { v: [maj, min, pat + 1], major: false };
}

export function planCorpus(o) {
  const N = o.docs;
  const docs = [];
  const ordinal = { prd: 0, epic: 0, 'user-story': 0, 'release-notes': 0 };
  for (let i = 0; i < N; i++) {
    const type = typeOf(i);
    docs.push({ index: i, type, ordinal: ordinal[type]++ });
  }
  const prds = docs.filter((d) => d.type === 'prd');
  const epics = docs.filter((d) => d.type === 'epic');
  const stories = docs.filter((d) => d.type === 'user-story');
  const releases = docs.filter((d) => d.type === 'release-notes');
  const meta = (d) => new Rng(`${o.seed}:meta:${d.index}`);

  for (const d of prds) planPrd(d, meta(d));
  for (const d of epics) planEpic(d, meta(d), prds);
  for (const d of stories) planStory(d, meta(d), prds, epics);
  // an epic is only done when its stories are (pmdocs may check that across documents)
  for (const e of epics) {
    if (e.status === 'done' && e.stories.some((s) => s.status !== 'done' && s.status !== 'wont-do')) e.status = 'active';
  }

  // One product, one version line: release ids (REL-<semver>) are unique in the corpus.
  // Gaps are sized so that the releases span about two years.
  const seq = new Rng(`${o.seed}:releases`);
  const maxGap = Math.max(2, Math.round(700 / Math.max(1, releases.length)));
  let version = [1, 0, 0];
  let day = 10;
  for (const d of releases) {
    const r = meta(d);
    const bump = semverBump(version, seq);
    version = bump.v;
    day += seq.int(1, maxGap);
    d.version = version.join('.');
    d.id = `REL-${d.version}`;
    d.title = `${PRODUCT} ${d.version}`;
    d.breaking = bump.major;
    d.day = day;
    d.status = day > TODAY ? r.pick(['planned', 'in-progress']) : r.chance(0.03) ? 'yanked' : 'released';
    if (d.status === 'yanked') d.yankedReason = r.pick(['CSV export dropped rows with non-ASCII names', 'the migration locked large workspaces', 'a regression in SSO logins']);
    d.stories = stories.length ? r.sample(stories, r.int(3, 12)) : [];
    // a released version lists only done stories (a wont-do story did not ship: pmdocs's
    // release-story-not-done reports it)
    if (d.status === 'released' || d.status === 'yanked') {
      d.stories = d.stories.filter((s) => s.status !== 'wont-do');
      for (const s of d.stories) s.status = 'done';
    }
    d.owner = r.chance(0.3) ? r.pick(HANDLES) : null;
  }

  for (const d of docs) {
    const slug = d.type === 'release-notes' ? '' : `-${slugify(d.title)}`;
    d.path = `${FOLDER[d.type]}/${d.id}${slug}.md`;
  }

  const all = docs.map((d) => d.index);
  const invalid = new Set(new Rng(`${o.seed}:invalid`).shuffle(all).slice(0, Math.round(N * o.invalidRatio)));
  const crlf = new Set(new Rng(`${o.seed}:crlf`).shuffle(all).slice(0, Math.round(N * o.crlfRatio)));
  let big = new Set();
  let table = null;
  let huge = null;
  if (o.big) {
    // a few 0.5-2 MB PRDs and release notes; the first PRD drawn carries the 8,700-row table
    const br = new Rng(`${o.seed}:big`);
    const cands = br.shuffle(docs.filter((d) => d.type === 'prd' || d.type === 'release-notes').map((d) => d.index));
    big = new Set(cands.slice(0, Math.max(4, Math.round(N * 0.003))));
    table = cands.find((i) => docs[i].type === 'prd' && big.has(i)) ?? null;
    if (table === null && prds.length) {
      table = prds[0].index;
      big.add(table);
    }
    // the first release notes drawn is the 2 MB one (issue 16 times it alone)
    huge = cands.find((i) => docs[i].type === 'release-notes' && big.has(i)) ?? null;
  }
  for (const d of docs) {
    d.invalid = invalid.has(d.index);
    d.crlf = crlf.has(d.index);
    d.big = big.has(d.index);
    d.table = d.index === table;
    d.huge = d.index === huge;
  }
  return { docs, prds, epics, stories, releases };
}
