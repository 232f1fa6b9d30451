// The header card's facts for the newer doc types: each one's example document shows what is
// particular to it (an experiment's metric, variants and plan; …), as text the serialiser escaped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDoc } from '../../src/core/document/parse.js';
import { renderDocument } from '../../src/core/render/index.js';

const examples = join(import.meta.dirname, '../../examples');
const card = (rel: string) =>
  renderDocument({ findings: [], doc: parseDoc(readFileSync(join(examples, rel), 'utf8')) }, { allowRemoteImages: false }).card;
const facts = (html: string) =>
  [...html.matchAll(/<dt>([^<]*)<\/dt><dd(?: title="([^"]*)")?>([^<]*)<\/dd>/g)].map((m) =>
    m[2] ? `${m[1]}: ${m[3]} (${m[2]})` : `${m[1]}: ${m[3]}`,
  );

test('experiment: primary metric with baseline and MDE, variants with allocations, guardrails and the plan', () => {
  assert.deepEqual(facts(card('experiments/EXP-7-export-button-placement.md')), [
    'Owner: @maria',
    'Created: 2026-05-04',
    'Randomised by: account',
    'α: 0.05',
    'Power: 0.8',
    'Sample size per variant: 6000',
    'Duration (days): 21',
    'Start: 2026-05-11',
    'Primary metric: share of finance admins who export in their first month (baseline 0.12, MDE 0.15 relative)',
    'Variants: control 50 % · toolbar 50 %',
    'Guardrails: invoice list p95 load time, support tickets about exports per week',
  ]);
});

test('a composed fact skips what its schema does not allow', () => {
  const text = '---\ntype: experiment\nprimary_metric: [1]\nvariants: [{name: 3}, "x", {name: a}]\nguardrail_metrics: {name: b}\n---\n';
  assert.deepEqual(facts(renderDocument({ findings: [], doc: parseDoc(text) }, { allowRemoteImages: false }).card), ['Variants: a']);
});

test("launch: tier, dates, rollback criteria and each area's sign-off", () => {
  assert.deepEqual(facts(card('launches/LAUNCH-2-invoice-csv-export.md')), [
    'Owner: @maria',
    'Created: 2026-06-01',
    'Launch tier: t2',
    'Launch date: 2026-06-18',
    'Rollback criteria: export error rate above 2 % for 10 minutes, p95 export time above 30 seconds for 15 minutes',
    'Sign-offs: engineering: go · qa: go · support: go · docs: go · marketing: go · legal-privacy: go · accessibility: go · rollback: go',
  ]);
  assert.match(card('launches/LAUNCH-2-invoice-csv-export.md'), /<span class="pmdocs-chip-label">Release<\/span> REL-2\.4\.0/);
});

test('okr: objective, period, key results with their average score once graded', () => {
  assert.deepEqual(facts(card('okrs/OKR-3-month-end-close.md')), [
    'Owner: group:billing',
    'Created: 2026-04-01',
    'Objective: Finance teams close their month without leaving Ledgerly',
    'Period: 2026-Q2',
    'Key results: 2 · average score 0.6 (finance admins who export invoices every month\nmonth-end support tickets about exports)',
  ]);
});

test('risk register: owner, review cadence, the number of risks and how many are high on its scale, scope chips', () => {
  const html = card('risks/RISK-2-invoice-csv-export.md');
  assert.deepEqual(facts(html), [
    'Owner: @maria',
    'Created: 2026-05-20',
    'Updated: 2026-06-10',
    'Review cadence: biweekly',
    'Risks: 3 · 1 high (score ≥ 12)',
    'Scale: 1–5 × 1–5',
  ]);
  assert.match(html, /<span class="pmdocs-chip-label">Scope<\/span> PRD-12/);
  // Without its own threshold, a 3-point scale counts as high from 6 (as 12 of 25 on a 5-point one).
  const three = '---\ntype: risk-register\nscale: {max: 3}\nrisks: [{likelihood: 3, impact: 2}, {likelihood: 2, impact: 2}]\n---\n';
  assert.ok(
    facts(renderDocument({ findings: [], doc: parseDoc(three) }, { allowRemoteImages: false }).card).includes(
      'Risks: 2 · 1 high (score ≥ 6)',
    ),
  );
});
