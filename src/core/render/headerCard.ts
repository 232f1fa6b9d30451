// The header card: what the front matter says about the document, at a glance. Values are shown as
// text (the serialiser escapes them); anything of an unexpected shape is skipped rather than guessed at.
// Reference chips (values whose schema marks them as references) become buttons when the workspace
// index resolves them, and visibly broken chips when it does not; the button carries only the id
// (`data-ref`), which the host looks up again before it opens anything.

import type { Element } from 'hast';
import type { LintResult } from '../engine.js';
import { h } from './hast.js';
import { stageOf, STAGE_LABEL } from './lifecycle.js';
import { composedFacts } from './typeFacts.js';
import { changelogOf } from '../changelog/ofDocument.js';
import { coverageSummary } from './coverage.js';
import { changelogFacts } from '../changelog/summary.js';
import { article } from '../schema/wording.js';
import type { RefSite } from '../workspace/references.js';
import { pathKey, referenceChips, referenceLabel, type ChipTarget, type ReferenceChip, type ReferenceContext } from './references.js';

const MAX_TEXT = 300;
const MAX_ITEMS = 50;

/** Front-matter keys shown as facts, in this order, with their labels. */
const FACTS: [key: string, label: string][] = [
  ['owner', 'Owner'],
  ['assignee', 'Assignee'],
  ['persona', 'Persona'],
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['date', 'Release date'],
  ['version', 'Version'],
  ['previous', 'Previous version'],
  ['priority', 'Priority'],
  ['estimate', 'Estimate'],
  ['sprint', 'Sprint'],
  ['audience', 'Audience'],
  ['reviewers', 'Reviewers'],
  ['approvers', 'Approvers'],
  ['stakeholders', 'Stakeholders'],
  // experiment, launch, okr, risk-register
  ['objective', 'Objective'],
  ['period', 'Period'],
  ['tier', 'Launch tier'],
  ['launch_date', 'Launch date'],
  ['randomization_unit', 'Randomised by'],
  ['alpha', 'α'],
  ['power', 'Power'],
  ['sample_size_per_variant', 'Sample size per variant'],
  ['duration_days', 'Duration (days)'],
  ['start', 'Start'],
  ['end', 'End'],
  ['decision', 'Decision'],
  ['rollback_criteria', 'Rollback criteria'],
  ['authors', 'Authors'],
  ['decision-makers', 'Decision makers'],
  ['consulted', 'Consulted'],
  ['informed', 'Informed'],
  ['layout', 'Layout'],
  ['review_cadence', 'Review cadence'],
  ['next_review', 'Next review'],
];

/** Keys whose values name other documents or releases: shown as chips. */
const LINKS: [key: string, label: string][] = [
  ['prd', 'PRD'],
  ['prds', 'PRDs'],
  ['epic', 'Epic'],
  ['epics', 'Epics'],
  ['stories', 'Stories'],
  ['target_release', 'Target release'],
  ['release', 'Release'],
  ['risk_register', 'Risk register'],
  ['scope', 'Scope'],
];

const RELATIONS: [key: string, label: string][] = [
  ['depends_on', 'Depends on'],
  ['blocks', 'Blocks'],
  ['relates_to', 'Relates to'],
  ['duplicates', 'Duplicates'],
  ['supersedes', 'Supersedes'],
  ['superseded_by', 'Superseded by'],
];

export function headerCard(result: LintResult, references?: ReferenceContext): Element | undefined {
  const data = result.doc.frontMatter?.data ?? {};
  const docType = result.docType;
  if (!docType && Object.keys(data).length === 0) return undefined;

  const status = scalar(data['status']);
  const stage = stageOf(data['status']);
  const top = h(
    'div',
    { className: ['pmdocs-card-top'] },
    h('span', { className: ['pmdocs-type'] }, docType ? (docType.label ?? docType.type) : 'Markdown with front matter'),
    scalar(data['id']) && h('span', { className: ['pmdocs-id'] }, scalar(data['id'])),
    status && h('span', { className: ['pmdocs-status', `pmdocs-stage-${stage}`], title: `Lifecycle stage: ${STAGE_LABEL[stage]}` }, status),
  );
  const title = scalar(data['title']);
  // A changelog has no front matter to speak of: its card sums up its releases instead.
  const log = changelogOf({ doc: result.doc, docType });
  const facts = [...factList(data, docType?.type), ...(log ? changelogFacts(log).map(([label, value]) => fact(label, clip(value))) : [])];
  const tags = list(data['tags']);
  const chips = linkChips(result, data, references);
  // A PRD's or epic's place in the document graph: stories, coverage, releases, gaps.
  const trace = references && coverageSummary(result, references);
  return h(
    'header',
    { className: ['pmdocs-card'], ariaLabel: 'Document summary' },
    top,
    title && h('p', { className: ['pmdocs-card-title'] }, title),
    facts.length > 0 && h('dl', { className: ['pmdocs-facts'] }, facts),
    tags.length > 0 &&
      h(
        'ul',
        { className: ['pmdocs-chips', 'pmdocs-tags'], ariaLabel: 'Tags' },
        tags.map((t) => h('li', { className: ['pmdocs-chip', 'pmdocs-tag'] }, t)),
      ),
    chips.length > 0 && h('ul', { className: ['pmdocs-chips', 'pmdocs-links'], ariaLabel: 'Linked documents' }, chips),
    trace,
  );
}

function factList(data: Record<string, unknown>, type: string | undefined): Element[] {
  const out: Element[] = [];
  for (const [key, label] of FACTS) {
    const value = Array.isArray(data[key]) ? list(data[key]).join(', ') : scalar(data[key]);
    // `date` is a release's date in release notes, the last update of a decision record (MADR).
    if (value) out.push(fact(key === 'date' && type !== 'release-notes' ? 'Date' : label, value));
  }
  const rice = riceText(data['rice']);
  if (rice) out.push(fact('RICE score', rice.score, rice.detail));
  for (const [label, value, detail] of composedFacts(data)) out.push(fact(label, clip(value), detail && clip(detail)));
  return out;
}

const fact = (label: string, value: string, title?: string): Element =>
  h('div', { className: ['pmdocs-fact'] }, h('dt', {}, label), h('dd', title ? { title } : {}, value));

function linkChips(result: LintResult, data: Record<string, unknown>, ctx: ReferenceContext | undefined): Element[] {
  const refs = referenceChips(result, ctx);
  const shown = new Set<string>();
  const chips: Element[] = [];
  const push = (label: string, value: unknown, path: (string | number)[]) => {
    const items: [unknown, (string | number)[]][] = Array.isArray(value)
      ? value.slice(0, MAX_ITEMS).map((v, i) => [v, [...path, i]])
      : [[value, path]];
    for (const [item, at] of items) {
      const ref = scalar(item);
      if (!ref) continue;
      const key = pathKey(at);
      shown.add(key);
      chips.push(chip(label, ref, refs.get(key)));
    }
  };
  for (const [key, label] of LINKS) push(label, data[key], [key]);
  const links = data['links'];
  if (links && typeof links === 'object' && !Array.isArray(links)) {
    for (const [key, label] of RELATIONS) push(label, (links as Record<string, unknown>)[key], ['links', key]);
  }
  // Reference fields of other names (a workspace type's `parent: EPIC-3`): the schema says what they are.
  for (const [key, found] of refs) {
    if (shown.has(key) || !result.docType) continue;
    chips.push(chip(referenceLabel(result.docType, found.site.path, ctx?.schemas), clip(found.site.value.trim()), found));
  }
  return chips.slice(0, MAX_ITEMS);
}

/**
 * A plain chip (no index, or not a reference); a button that opens the document; or a broken chip,
 * struck through, that says so in words too.
 */
function chip(label: string, ref: string, found: ReferenceChip | undefined): Element {
  const content = [h('span', { className: ['pmdocs-chip-label'] }, label), ' '];
  const target = found?.target;
  if (!found || !target) return h('li', { className: ['pmdocs-chip', 'pmdocs-link'], dataRef: ref }, content, ref);
  if (target.kind === 'found') {
    return h(
      'li',
      { className: ['pmdocs-chip', 'pmdocs-link', 'pmdocs-ref-chip'] },
      h('button', { type: 'button', className: ['pmdocs-ref'], dataRef: found.site.id, title: tooltip(found.site, target) }, content, ref),
    );
  }
  return h(
    'li',
    { className: ['pmdocs-chip', 'pmdocs-link', 'pmdocs-ref-broken'], title: tooltip(found.site, target) },
    content,
    h('s', {}, ref),
    h('span', { className: ['sr-only'] }, ' (not found)'),
  );
}

function tooltip(site: RefSite, target: ChipTarget): string {
  if (target.kind === 'broken') {
    const other = target.other;
    if (!other) return `${site.id}: not found in this workspace`;
    const expected = site.ref.types.length ? site.ref.types.map(article).join(' or ') : 'a document';
    return `${site.id} names ${other.type ? article(other.type) : 'a document'}, not ${expected}`;
  }
  const { title, status } = target.doc;
  const name = title?.trim() ? clip(title.trim()) : site.id;
  return status?.trim() ? `${name} · status: ${clip(status.trim())}` : name;
}

/** A scalar value as text; undefined for missing values, objects and empty strings. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? clip(value.trim()) : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return undefined;
}

function list(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_ITEMS)
    .map(scalar)
    .filter((v): v is string => !!v);
}

const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/** The RICE score as written, or computed from its inputs when only those are given. */
function riceText(value: unknown): { score: string; detail?: string } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const num = (k: string) => (typeof r[k] === 'number' && Number.isFinite(r[k]) ? (r[k] as number) : undefined);
  const [reach, impact, confidence, effort, score] = ['reach', 'impact', 'confidence', 'effort', 'score'].map(num);
  const inputs = reach !== undefined && impact !== undefined && confidence !== undefined && effort !== undefined && effort > 0;
  const detail = inputs ? `reach ${reach} × impact ${impact} × confidence ${confidence}% ÷ effort ${effort}` : undefined;
  if (score !== undefined) return { score: round(score), detail };
  if (inputs) return { score: round((reach! * impact! * (confidence! > 1 ? confidence! / 100 : confidence!)) / effort!), detail };
  return undefined;
}

const round = (n: number): string => String(Math.round(n * 10) / 10);
