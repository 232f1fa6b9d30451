// applyFixes (non-overlapping edits, back to front, overlapping fixes left for the next pass) and
// fixAll (safe fixes only, bounded passes, never on a front matter that could not be read).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, applyFixes, editsConflict } from '../../src/core/fixes/applyFixes.js';
import { fixAll } from '../../src/core/fixes/fixAll.js';
import { createEngine, type LintResult } from '../../src/core/engine.js';
import type { Finding, Fix } from '../../src/core/types.js';
import { rng } from '../fuzz/fuzzer.js';

const fix = (title: string, ...edits: [number, number, string][]): Fix => ({
  title,
  safe: true,
  edits: edits.map(([start, end, newText]) => ({ start, end, newText })),
});

describe('applyFixes', () => {
  test('applies edits back to front so earlier offsets stay valid', () => {
    const out = applyFixes('status: aproved\nownr: x\n', [fix('a', [8, 15, 'approved']), fix('b', [16, 20, 'owner'])]);
    assert.equal(out.text, 'status: approved\nowner: x\n');
    assert.deepEqual(
      out.applied.map((f) => f.title),
      ['a', 'b'],
    );
    assert.deepEqual(out.skipped, []);
  });

  test('a fix overlapping an earlier one is skipped whole (all its edits), for the next pass', () => {
    const first = fix('first', [0, 5, 'AAAAA']);
    const second = fix('second', [3, 8, 'B'], [10, 11, 'C']);
    const third = fix('third', [9, 10, 'D']);
    const out = applyFixes('0123456789ab', [first, second, third]);
    assert.equal(out.text, 'AAAAA5678Dab');
    assert.deepEqual(out.applied, [first, third]);
    assert.deepEqual(out.skipped, [second]);
  });

  test('two insertions at one offset conflict; an insertion at a boundary of a replacement does not', () => {
    assert.equal(editsConflict({ start: 4, end: 4, newText: 'a' }, { start: 4, end: 4, newText: 'b' }), true);
    assert.equal(editsConflict({ start: 4, end: 4, newText: 'a' }, { start: 4, end: 6, newText: 'b' }), false);
    assert.equal(editsConflict({ start: 6, end: 6, newText: 'a' }, { start: 4, end: 6, newText: 'b' }), false);
    assert.equal(editsConflict({ start: 5, end: 5, newText: 'a' }, { start: 4, end: 6, newText: 'b' }), true);
    assert.equal(editsConflict({ start: 0, end: 3, newText: '' }, { start: 3, end: 5, newText: '' }), false);
  });

  test('an insertion and a replacement at the same offset: the insertion lands before the new text', () => {
    assert.equal(
      applyEdits('abcdef', [
        { start: 2, end: 4, newText: 'XY' },
        { start: 2, end: 2, newText: '+' },
      ]),
      'ab+XYef',
    );
  });

  test('edits outside the text, reversed, or overlapping each other inside one fix make the fix invalid', () => {
    const text = 'short';
    const out = applyFixes(text, [
      fix('past end', [3, 9, 'x']),
      fix('reversed', [3, 1, 'x']),
      fix('self-overlap', [0, 3, 'a'], [2, 4, 'b']),
      fix('empty'),
    ]);
    assert.equal(out.text, text);
    assert.equal(out.applied.length, 0);
    assert.equal(out.skipped.length, 4);
  });
});

describe('fixAll', () => {
  const engine = createEngine();
  const lint = (text: string) => engine.lint(text, { path: '/ws/docs/doc.md' });

  test('applies the safe fixes, leaves the unsafe ones, and reports what it changed', () => {
    const text = [
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: redy # typo',
      'ownr: "@sam"',
      'rice: {reach: 900, impact: 2, confidence: 80, effort: 2, score: 900}',
      'estimate: 3',
      '---',
      '',
      '# Pay by card',
      '',
      '## Story',
      '',
      'As a customer, I want to pay by card, so that I do not need a bank transfer.',
      '',
      '## Acceptance criteria',
      '',
      '- [ ] The card form accepts Visa and Mastercard.',
      '',
    ].join('\n');
    const r = fixAll(text, lint);
    assert.equal(r.refused, undefined);
    assert.equal(r.changed, true);
    assert.equal(r.text, text.replace('redy # typo', 'ready # typo').replace('ownr:', 'owner:').replace('score: 900}', 'score: 720}'));
    assert.deepEqual(
      r.applied.map((a) => `${a.line}:${a.column} ${a.ruleId} ${a.title}`),
      [
        "5:9 frontmatter-schema Replace with 'ready'",
        "6:1 frontmatter-unknown-key Rename to 'owner'",
        '7:65 rice-score Set the RICE score to 720',
      ],
    );
    assert.equal(r.passes, 1);
    assert.deepEqual(r.remaining, []);
  });

  test('never touches a file whose front matter is not valid YAML, even where a fix exists', () => {
    const text =
      '---\ntype: epic\nid: EPIC-5\ntitle: Late payments\nstatus: proposd\nowner: @maria\n---\n\n# Late payments\n\n## Summary\n\nFewer late payments.\n';
    const r = fixAll(text, lint);
    assert.equal(r.changed, false);
    assert.equal(r.text, text);
    assert.match(r.refused!, /^front matter could not be read \(YAML syntax error: plain value cannot start with reserved character @/);
    assert.deepEqual(
      r.remaining.map((f) => f.ruleId),
      ['frontmatter-syntax'],
    );
  });

  test('never touches refused (---js) or unclosed front matter', () => {
    for (const text of ['---js\n{ type: "prd" }\n---\n# x\n', '---\ntype: prd\nstatus: aproved\n# never closed\n']) {
      const r = fixAll(text, lint);
      assert.equal(r.changed, false);
      assert.ok(r.refused);
    }
  });

  test('loops until stable: a fix skipped as overlapping is applied in a later pass', () => {
    // A fake rule: every "aa" (overlapping ones too) should be "a". In 'xaaay' the two findings
    // overlap: the first is applied, the second recomputed and applied in pass 2.
    const fakeLint = (text: string): LintResult => {
      const findings: Finding[] = [];
      for (let at = text.indexOf('aa'); at >= 0; at = text.indexOf('aa', at + 1)) {
        findings.push({
          ruleId: 'fake',
          severity: 'error',
          message: 'm',
          start: at,
          end: at + 2,
          line: 1,
          column: at + 1,
          endLine: 1,
          endColumn: at + 3,
          docsUrl: '',
          fixes: [{ title: `dedupe at ${at}`, safe: true, edits: [{ start: at, end: at + 2, newText: 'a' }] }],
        });
      }
      return { findings, doc: engine.lint('').doc };
    };
    const r = fixAll('xaaay', fakeLint);
    assert.equal(r.text, 'xay');
    assert.equal(r.passes, 2);
    assert.deepEqual(
      r.applied.map((a) => a.title),
      ['dedupe at 1', 'dedupe at 1'],
    );
  });

  test('stops after maxPasses and when a pass would repeat an earlier text (oscillation)', () => {
    let n = 0;
    const flip = (text: string): LintResult => {
      n++;
      const newText = text === 'a' ? 'b' : 'a';
      return {
        findings: [
          {
            ruleId: 'flip',
            severity: 'error',
            message: 'm',
            start: 0,
            end: 1,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
            docsUrl: '',
            fixes: [{ title: 'flip', safe: true, edits: [{ start: 0, end: 1, newText }] }],
          },
        ],
        doc: engine.lint('').doc,
      };
    };
    const r = fixAll('a', flip, { maxPasses: 10 });
    assert.equal(r.text, 'b');
    assert.equal(r.passes, 1);
    assert.ok(n <= 3);
  });

  test('unsafe fixes are never applied', () => {
    const text =
      '---\ntype: user-story\nid: PRD-4\ntitle: x\nstatus: draft\n---\n\n# x\n\n## Story\n\nAs a buyer, I want x, so that y.\n\n## Acceptance criteria\n\n- [ ] x\n';
    const r = fixAll(text, lint);
    assert.equal(r.changed, false);
    assert.deepEqual(
      r.remaining.map((f) => [f.ruleId, f.fixes?.map((x) => x.safe)]),
      [['id-type-prefix', [false]]],
    );
  });
});

// The accepted edits are searched, not scanned: the outcome must be what checking every pair gives.
test('applyFixes on random fixes accepts and skips exactly what a check of every pair does', () => {
  const next = rng('3');
  const random = (n: number): number => Math.floor(next() * n);
  const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let round = 0; round < 2000; round++) {
    const fixes: Fix[] = [];
    for (let f = random(8); f >= 0; f--) {
      const edits: [number, number, string][] = [];
      for (let e = random(2); e >= 0; e--) {
        const start = random(text.length + 1);
        edits.push([start, Math.min(text.length, start + random(4)), random(3) ? String(round % 10) : '']);
      }
      fixes.push(fix(`f${f}`, ...edits));
    }
    // The reference: every pair checked, edits applied back to front one by one.
    const accepted: Fix['edits'] = [];
    const applied: Fix[] = [];
    for (const f of fixes) {
      const conflicts = f.edits.some((e) => f.edits.some((o) => editsConflict(e, o)) || accepted.some((o) => editsConflict(e, o)));
      if (conflicts) continue;
      accepted.push(...f.edits);
      applied.push(f);
    }
    let expected = text;
    for (const e of [...accepted].sort((a, b) => b.start - a.start || b.end - a.end))
      expected = expected.slice(0, e.start) + e.newText + expected.slice(e.end);
    const out = applyFixes(text, fixes);
    assert.deepEqual(out.applied, applied, `round ${round}`);
    assert.equal(out.text, expected, `round ${round}`);
  }
});
