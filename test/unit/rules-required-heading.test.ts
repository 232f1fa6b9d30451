// required-section on a heading that is there but not usable as the section: misspelt (`## Non-gaols`)
// or one level too deep (`### Summary` inside another section). Exact ranges, messages and fix edits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, configWith, covered, doc, findingsOf, lint, PRD_FM, STORY_FM, where, workspaceType } from './rules-helpers.js';

const EPIC_FM = `type: epic\nid: EPIC-1\ntitle: Export\nstatus: proposed\nowner: "@jane"`;

/** A complete PRD body; `swap` replaces one of its headings. */
const prd = (swap: [string, string] = ['', '']): string =>
  doc(
    PRD_FM,
    `
# Export

## Problem

Accountants retype invoices.

## Goals

- A quarter of accounts export monthly.

## Non-goals

- PDF export.

## Requirements

- Export a date range as CSV.

## Success metrics

- 25% by 2026-09-30.
`.replace(swap[0], swap[1]),
  );

// ------------------------------------------------------------------ misspelt

test('misspelt: reported on the heading itself, not as missing at the previous section', () => {
  const text = prd(['## Non-goals', '## Non-gaols']);
  const [f, ...rest] = findingsOf('required-section', text);
  assert.equal(rest.length, 0);
  assert.equal(f!.message, "Heading 'Non-gaols' looks like the required section 'Non-goals' (misspelt?); rename it.");
  assert.equal(where(f!), '20:1-20:13');
  assert.equal(covered(text, f!), '## Non-gaols');
  assert.deepEqual(f!.expected, ['Non-goals']);
  assert.equal(f!.actual, 'Non-gaols');
  assert.equal(f!.fixes!.length, 1);
  const fix = f!.fixes![0]!;
  assert.equal(fix.title, "Rename the heading to 'Non-goals'");
  assert.equal(fix.safe, true);
  assert.deepEqual(fix.edits, [{ start: text.indexOf('Non-gaols'), end: text.indexOf('Non-gaols') + 9, newText: 'Non-goals' }]);
  const after = applyEdits(text, fix.edits);
  assert.equal(after, prd());
  assert.deepEqual(lint(after), []);
});

test('misspelt: the rename keeps numbering, (optional), emoji, emphasis and a trailing comment', () => {
  const cases: [string, string][] = [
    ['## 3. Non-gaols (optional) 🚫 <!-- pmdocs: owner Jane -->', '## 3. Non-goals (optional) 🚫 <!-- pmdocs: owner Jane -->'],
    ['## **Non-gaols**:', '## **Non-goals**:'],
    ['## IV) Non-gaols', '## IV) Non-goals'],
  ];
  for (const [written, renamed] of cases) {
    const text = prd(['## Non-goals', written]);
    const [f] = findingsOf('required-section', text);
    assert.match(f!.message, /looks like the required section 'Non-goals'/, written);
    assert.equal(applyEdits(text, f!.fixes![0]!.edits), prd(['## Non-goals', renamed]), written);
  }
  // Words split over markup: the whole heading text is replaced, the trailing comment stays.
  const split = prd(['## Non-goals', '## *Non*-gaols <!-- x -->']);
  const [f] = findingsOf('required-section', split);
  assert.equal(applyEdits(split, f!.fixes![0]!.edits), prd(['## Non-goals', '## Non-goals <!-- x -->']));
});

test('misspelt: a synonym is matched too, and the rename keeps the synonym the writer chose', () => {
  const text = prd(['## Non-goals', '## Out of scpe']);
  const [f, ...rest] = findingsOf('required-section', text);
  assert.equal(rest.length, 0);
  assert.equal(
    f!.message,
    "Heading 'Out of scpe' looks like 'Out of scope', accepted for the required section 'Non-goals' (misspelt?); rename it.",
  );
  assert.equal(f!.fixes![0]!.title, "Rename the heading to 'Out of scope'");
  assert.equal(applyEdits(text, f!.fixes![0]!.edits), prd(['## Non-goals', '## Out of scope']));
});

test('misspelt: a user story whose sections are all level 3', () => {
  const text = doc(
    STORY_FM,
    `
# Export

### Story

As a finance admin, I want to export invoices as CSV, so that I can reconcile them.

### Acceptence criteria

- [ ] One row per invoice.
`,
  );
  const [f, ...rest] = findingsOf('required-section', text);
  assert.equal(rest.length, 0);
  assert.equal(f!.message, "Heading 'Acceptence criteria' looks like the required section 'Acceptance criteria' (misspelt?); rename it.");
  assert.equal(covered(text, f!), '### Acceptence criteria');
  assert.deepEqual(findingsOf('required-section', applyEdits(text, f!.fixes![0]!.edits)), []);
});

test('misspelt: not claimed when the closest name is a known section, or the heading is far off', () => {
  // 'Risk' is one edit from the optional 'Risks'; 'Goal' from the present 'Goals': Non-goals is just missing.
  for (const heading of ['## Risk', '## Goal', '## Launch checklist', '## PRs']) {
    const text = prd(['## Non-goals', heading]);
    assert.deepEqual(
      findingsOf('required-section', text).map((f) => [f.message, covered(text, f)]),
      [["Missing required section 'Non-goals' (also accepted: Out of scope, Not doing, …).", '## Goals']],
      heading,
    );
  }
  // A misspelt heading of a section that is present is not this rule's business.
  assert.deepEqual(findingsOf('required-section', prd(['## Requirements', '## Requirements\n\n## Goasl\n\nMore.\n\n'])), []);
});

test('misspelt: two candidate sections, or two headings for one section → one fix each, none safe', () => {
  const io = workspaceType('pipeline', {
    sections: [
      { name: 'Inputs', required: true },
      { name: 'Outputs', required: true },
    ],
  });
  const config = configWith(io);
  const text = doc('type: pipeline\nid: P-1\ntitle: Nightly', '# Nightly\n\n## Iutputs\n\nCSV files.\n');
  const [f, ...rest] = findingsOf('required-section', text, { config });
  assert.equal(rest.length, 0);
  assert.equal(f!.message, "Heading 'Iutputs' looks like one of the required sections 'Outputs', 'Inputs' (misspelt?); rename it.");
  assert.deepEqual(
    f!.fixes!.map((x) => [x.title, x.safe]),
    [
      ["Rename the heading to 'Outputs'", false],
      ["Rename the heading to 'Inputs'", false],
    ],
  );

  const twice = prd(['## Goals', '## Gaols\n\n- One.\n\n## Goalz']);
  const found = findingsOf('required-section', twice);
  assert.deepEqual(
    found.map((x) => covered(twice, x)),
    ['## Gaols', '## Goalz'],
  );
  assert.deepEqual(
    found.map((x) => x.fixes!.map((y) => y.safe)),
    [[false], [false]],
  );
});

// ------------------------------------------------------------------ demoted

test('demoted: a required section one level too deep is reported on its heading, with a level fix', () => {
  const text = prd(['## Non-goals\n\n- PDF export.\n', '### Non-goals\n\n- PDF export.\n\n#### Later\n\n- XLSX.\n']);
  const [f, ...rest] = findingsOf('required-section', text);
  assert.equal(rest.length, 0);
  assert.equal(f!.message, "'Non-goals' is a level-3 heading inside 'Goals'; required sections are level-2 headings (##).");
  assert.equal(where(f!), '20:1-20:14');
  assert.equal(covered(text, f!), '### Non-goals');
  assert.equal(f!.actual, 'Non-goals');
  const fix = f!.fixes![0]!;
  assert.equal(fix.title, "Make 'Non-goals' a level-2 heading (##)");
  assert.equal(fix.safe, true);
  // The heading moves up one level, and its own subheading with it.
  const after = applyEdits(text, fix.edits);
  assert.equal(after, prd(['## Non-goals\n\n- PDF export.\n', '## Non-goals\n\n- PDF export.\n\n### Later\n\n- XLSX.\n']));
  assert.deepEqual(lint(after), []);
});

test('demoted: a synonym names the section it stands for; before any section; deeper section levels', () => {
  const epic = doc(
    EPIC_FM,
    `
# Export

## Context

Finance asked for it.

### Overview

Export invoices as CSV.

## Scope

- US-1.
`,
  );
  const [a] = findingsOf('required-section', epic);
  assert.equal(
    a!.message,
    "'Overview' (the required section 'Summary') is a level-3 heading inside 'Context'; required sections are level-2 headings (##).",
  );
  assert.equal(a!.fixes![0]!.title, "Make 'Overview' a level-2 heading (##)");

  const first = doc(EPIC_FM, '# Export\n\n### Summary\n\nExport invoices as CSV.\n\n## Scope\n\n- US-1.\n');
  const [b] = findingsOf('required-section', first);
  assert.equal(b!.message, "'Summary' is a level-3 heading before the first section; required sections are level-2 headings (##).");
  assert.equal(applyEdits(first, b!.fixes![0]!.edits), first.replace('### Summary', '## Summary'));

  // Sections at level 3 throughout are a consistent layout; a level-4 Summary inside one is demoted.
  const deep = doc(EPIC_FM, '# Export\n\n### Scope\n\n- US-1.\n\n#### Summary\n\nExport invoices.\n');
  const [c] = findingsOf('required-section', deep);
  assert.equal(c!.message, "'Summary' is a level-4 heading inside 'Scope'; required sections are level-3 headings (###).");
  assert.equal(applyEdits(deep, c!.fixes![0]!.edits), deep.replace('#### Summary', '### Summary'));
  assert.deepEqual(findingsOf('required-section', deep.replace('#### Summary', '### Summary')), []);
});

test('demoted: a setext heading gets the finding without a level fix; satisfiedBy still wins', () => {
  const text = doc(
    STORY_FM,
    `
# Story

As a finance admin, I want to export invoices as CSV, so that I can reconcile them.

# Notes

Acceptance criteria
-------------------

- [ ] One row per invoice.
`,
  );
  const [f] = findingsOf('required-section', text);
  assert.equal(f!.message, "'Acceptance criteria' is a level-2 heading inside 'Notes'; required sections are level-1 headings (#).");
  assert.equal(f!.fixes, undefined);

  const metrics = doc(
    `${PRD_FM}\nsuccess_metrics:\n  - {name: exports, baseline: 0, target: 25}`,
    prd(['## Success metrics', '### Success metrics']).split('---\n\n')[1]!,
  );
  assert.deepEqual(findingsOf('required-section', metrics), []);
});
