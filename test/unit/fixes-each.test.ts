// Each quick fix on a small document: the exact text after it (formatting and comments kept), the
// finding gone, and no new finding.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine.js';
import { applyFixes } from '../../src/core/fixes/applyFixes.js';
import { suppressionFixes } from '../../src/core/fixes/suppress.js';
import { placeholdersOf } from '../../src/core/fixes/snippetFix.js';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/types.js';
import { docTypeFromSchema } from '../../src/core/doctypes/docType.js';
import type { Finding, Fix } from '../../src/core/types.js';

const engine = createEngine();
const lines = (...l: string[]) => l.join('\n');

interface Applied {
  fix: Fix;
  finding: Finding;
  after: string;
  before: Finding[];
  remaining: Finding[];
}

function applyOne(text: string, ruleId: string, title: string | RegExp, config?: ResolvedConfig, path = '/ws/docs/doc.md'): Applied {
  const { findings, doc } = engine.lint(text, { path, config });
  const candidates = findings.filter((f) => f.ruleId === ruleId);
  assert.ok(candidates.length, `no ${ruleId} finding in:\n${findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`).join('\n')}`);
  for (const finding of candidates) {
    const fixes = [...(finding.fixes ?? []), ...suppressionFixes(doc, finding)];
    const fix = fixes.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
    if (!fix) continue;
    const out = applyFixes(text, [fix]);
    assert.equal(out.applied.length, 1, 'the fix applies');
    return { fix, finding, after: out.text, before: findings, remaining: engine.lint(out.text, { path, config }).findings };
  }
  assert.fail(
    `no fix '${title}' for ${ruleId}; offered: ${candidates.flatMap((f) => [...(f.fixes ?? []), ...suppressionFixes(doc, f)].map((x) => x.title)).join(' | ')}`,
  );
}

/** The finding is gone and nothing new appeared (same rule + message counts as the same finding). */
function assertClean(a: Applied): void {
  const key = (f: Finding) => `${f.ruleId}\0${f.message}`;
  assert.ok(!a.remaining.some((f) => key(f) === key(a.finding)), `still reported: ${a.finding.message}`);
  const before = new Set(a.before.map(key));
  const added = a.remaining.filter((f) => !before.has(key(f)));
  assert.deepEqual(
    added.map((f) => `${f.line} ${f.ruleId} ${f.message}`),
    [],
    'no new findings',
  );
}

const STORY_BODY = lines(
  '',
  '# Pay by card',
  '',
  '## Story',
  '',
  'As a customer, I want to pay by card, so that I do not need a bank transfer.',
  '',
  '## Acceptance criteria',
  '',
  '- [ ] The card form accepts Visa.',
  '',
);

describe('front-matter value fixes', () => {
  test('enum: replace the misspelt value with the close match, keeping the comment after it', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: redy    # set by the PM',
      'estimate: 3',
      '---',
      STORY_BODY,
    );
    const a = applyOne(text, 'frontmatter-schema', "Replace with 'ready'");
    assert.equal(a.after, text.replace('status: redy    # set by the PM', 'status: ready    # set by the PM'));
    assert.equal(a.fix.safe, true);
    assertClean(a);
  });

  test('enum: a quoted value keeps its quotes', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      "status: 'in-progres'",
      'estimate: 3',
      '---',
      STORY_BODY,
    );
    const a = applyOne(text, 'frontmatter-schema', "Replace with 'in-progress'");
    assert.equal(a.after, text.replace("'in-progres'", "'in-progress'"));
    assertClean(a);
  });

  test('unknown key: rename to the schema key, value and comment untouched', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: ready',
      'ownr: "@sam"  # who asked',
      '---',
      STORY_BODY,
    );
    const a = applyOne(text, 'frontmatter-unknown-key', "Rename to 'owner'");
    assert.equal(a.after, text.replace('ownr: "@sam"', 'owner: "@sam"'));
    assertClean(a);
  });

  test('coerced value: quote it as written (title: 2024 was read as a number)', () => {
    const text = lines('---', 'type: user-story', 'id: US-7', 'title: 2024', 'status: ready', '---', STORY_BODY);
    const a = applyOne(text, 'yaml-coerced-scalar', 'Quote the value: "2024"');
    assert.equal(a.after, text.replace('title: 2024', 'title: "2024"'));
    assert.equal(a.fix.safe, true);
    assertClean(a);
  });

  test("reserved '@': quote the value (a quick fix; fix-all never edits unreadable YAML)", () => {
    const text = lines(
      '---',
      'type: epic',
      'id: EPIC-5',
      'title: Late payments',
      'status: proposed',
      'owner: @maria # PM',
      '---',
      '',
      '# Late payments',
      '',
      '## Summary',
      '',
      'Fewer late payments.',
      '',
    );
    const a = applyOne(text, 'frontmatter-syntax', 'Quote the value: "@maria"');
    assert.equal(a.after, text.replace('owner: @maria # PM', 'owner: "@maria" # PM'));
    assert.equal(a.fix.safe, false);
    assertClean(a);
  });

  test('RICE: set the recomputed score', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: ready',
      'rice:',
      '  reach: 900',
      '  impact: 2',
      '  confidence: 80',
      '  effort: 2',
      '  score: 900   # copied',
      '---',
      STORY_BODY,
    );
    const a = applyOne(text, 'rice-score', 'Set the RICE score to 720');
    assert.equal(a.after, text.replace('score: 900   # copied', 'score: 720   # copied'));
    assertClean(a);
  });

  test("id prefix: replace the other type's prefix, keep the number", () => {
    const text = lines('---', 'type: user-story', 'id: PRD-4', 'title: Pay by card', 'status: ready', '---', STORY_BODY);
    const a = applyOne(text, 'id-type-prefix', "Change the id to 'US-4'");
    assert.equal(a.after, text.replace('id: PRD-4', 'id: US-4'));
    assert.equal(a.fix.safe, false);
    assertClean(a);
  });
});

describe('add a missing required key', () => {
  const PRD_BODY = lines(
    '',
    '# Reminders',
    '',
    '## Problem',
    '',
    'Late payments.',
    '',
    '## Goals',
    '',
    '- Fewer.',
    '',
    '## Non-goals',
    '',
    '- SMS.',
    '',
    '## Requirements',
    '',
    '- Email.',
    '',
    '## Success metrics',
    '',
    '- Late share 33 % → 20 %.',
    '',
  );

  test("with the schema's default, after the keys that precede it in the schema's order (safe)", () => {
    const text = lines(
      '---',
      'type: prd',
      'id: PRD-3',
      'title: Reminders',
      '# accountable PM',
      'owner: "@maria"',
      'created: 2026-07-01',
      '---',
      PRD_BODY,
    );
    const a = applyOne(text, 'frontmatter-schema', "Add the missing key 'status: draft'");
    assert.equal(a.after, text.replace('title: Reminders\n', 'title: Reminders\nstatus: draft\n'));
    assert.equal(a.fix.safe, true);
    assert.equal(a.finding.line, 1, 'a missing key is reported on the opening fence');
    assertClean(a);
  });

  test('with a placeholder the editor turns into a tab stop (not safe)', () => {
    const text = lines(
      '---',
      'type: prd',
      'id: PRD-3',
      'title: Reminders',
      'status: draft',
      'created: 2026-07-01',
      'tags: [billing]',
      '---',
      PRD_BODY,
    );
    const a = applyOne(text, 'frontmatter-schema', "Add the missing key 'owner'");
    assert.equal(a.after, text.replace('status: draft\n', 'status: draft\nowner: "@jane"\n'));
    assert.equal(a.fix.safe, false);
    const [p] = placeholdersOf(a.fix);
    assert.equal(a.fix.edits[0]!.newText.slice(p!.start, p!.end), '"@jane"');
    assertClean(a);
  });

  test('in a nested mapping, at its indentation', () => {
    const text = lines(
      '---',
      'type: prd',
      'id: PRD-3',
      'title: Reminders',
      'status: draft',
      'owner: "@maria"',
      'created: 2026-07-01',
      'rice:',
      '    reach: 900',
      '    impact: 2',
      '    effort: 2',
      '---',
      PRD_BODY,
    );
    const a = applyOne(text, 'frontmatter-schema', "Add the missing key 'confidence'");
    assert.equal(a.after, text.replace('    impact: 2\n', '    impact: 2\n    confidence: 100\n'));
    assertClean(a);
  });

  test('in a list item mapping, lined up under its first key', () => {
    const text = lines(
      '---',
      'type: prd',
      'id: PRD-3',
      'title: Reminders',
      'status: draft',
      'owner: "@maria"',
      'created: 2026-07-01',
      'success_metrics:',
      '  - name: Late share',
      '    target: 20%',
      '---',
      PRD_BODY,
    );
    const a = applyOne(text, 'frontmatter-schema', "Add the missing key 'baseline'");
    assert.equal(a.after, text.replace('  - name: Late share\n', '  - name: Late share\n    baseline: 0\n'));
    assertClean(a);
  });

  test('before the first key when nothing precedes it in the order (type from a path association)', () => {
    // The association settles the type, so only 'id' is missing; it goes before 'title'.
    const config: ResolvedConfig = { ...defaultConfig('/ws'), associations: [{ glob: 'stories/**', type: 'user-story' }] };
    const text = lines('---', 'title: Pay by card', 'status: ready', '---', STORY_BODY);
    const a = applyOne(text, 'frontmatter-schema', "Add the missing key 'id'", config, '/ws/stories/US-7.md');
    assert.match(a.after, /^---\nid: .+\ntitle: Pay by card\n/);
    assert.equal(a.fix.safe, false);
    assertClean(a);
  });

  test('CRLF documents get CRLF lines', () => {
    const text = lines(
      '---',
      'type: prd',
      'id: PRD-3',
      'title: Reminders',
      'owner: "@maria"',
      'created: 2026-07-01',
      '---',
      PRD_BODY,
    ).replace(/\n/g, '\r\n');
    const a = applyOne(text, 'frontmatter-schema', "Add the missing key 'status: draft'");
    assert.equal(a.after, text.replace('title: Reminders\r\n', 'title: Reminders\r\nstatus: draft\r\n'));
    assertClean(a);
  });

  test('a workspace doc type gets the same fix from its own schema', () => {
    const schema = {
      $id: 'https://example.com/adr.schema.json',
      type: 'object',
      properties: {
        type: { const: 'adr' },
        id: { type: 'string', pattern: '^ADR-\\d+$', examples: ['ADR-1'] },
        title: { type: 'string' },
        status: { enum: ['proposed', 'accepted', 'superseded'], default: 'proposed' },
        deciders: { $ref: 'people.schema.json' },
      },
      required: ['type', 'id', 'title', 'status', 'deciders'],
      'x-pmdocs': { type: 'adr', idPrefix: 'ADR-', idExample: 'ADR-1', sections: [] },
    };
    const people = {
      $id: 'https://example.com/people.schema.json',
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      examples: [['@li']],
    };
    const adr = docTypeFromSchema(schema, { builtIn: false, source: '/ws/schemas/adr.schema.json' });
    const config: ResolvedConfig = { ...defaultConfig('/ws'), docTypes: [adr], schemas: [people] };
    const text = lines('---', 'type: adr', 'id: ADR-2', 'title: Use Postgres', '---', '', '# Use Postgres', '');
    const status = applyOne(text, 'frontmatter-schema', "Add the missing key 'status: proposed'", config);
    assert.equal(status.after, text.replace('title: Use Postgres\n', 'title: Use Postgres\nstatus: proposed\n'));
    const deciders = applyOne(text, 'frontmatter-schema', "Add the missing key 'deciders'", config);
    assert.equal(deciders.after, text.replace('title: Use Postgres\n', 'title: Use Postgres\ndeciders: ["@li"]\n'));
    assertClean(deciders);
  });
});

describe('insert a missing required section', () => {
  test("where the type's order puts it, with the template text (the template then asks for content)", () => {
    const text = lines(
      '---',
      'type: prd',
      'id: PRD-3',
      'title: Reminders',
      'status: draft',
      'owner: "@maria"',
      'created: 2026-07-01',
      '---',
      '',
      '# Reminders',
      '',
      '## Problem',
      '',
      'Late payments.',
      '',
      '## Goals',
      '',
      '- Late payments drop from 33 % to 20 %.',
      '',
      '## Requirements',
      '',
      '- Email.',
      '',
      '## Success metrics',
      '',
      '- Late share 33 % → 20 %.',
      '',
    );
    const a = applyOne(text, 'required-section', "Insert section 'Non-goals'");
    assert.equal(
      a.after,
      text.replace(
        '## Requirements',
        '## Non-goals\n\n- What we are deliberately not doing this time, so the scope does not creep later.\n\n## Requirements',
      ),
    );
    assert.ok(!a.remaining.some((f) => f.ruleId === 'required-section'));
    // The only new finding: the inserted template text is still to be replaced by the author.
    assert.deepEqual(
      a.remaining.map((f) => `${f.line} ${f.ruleId}`),
      ['20 empty-section'],
    );
  });
});

describe('suppression comments', () => {
  test('front matter: a YAML comment above the line, at its indentation', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: ready',
      'rice:',
      '  reach: 900',
      '  impact: 2',
      '  confidence: 80',
      '  effort: 2',
      '  score: 900',
      '---',
      STORY_BODY,
    );
    const a = applyOne(text, 'rice-score', 'Disable rice-score for this line');
    assert.equal(a.after, text.replace('  score: 900', '  # pmdocs-disable-next-line rice-score\n  score: 900'));
    assertClean(a);
  });

  test('front matter: no line-level comment inside a block scalar (it would change the value)', () => {
    const text = lines('---', 'type: user-story', 'id: US-7', 'title: |', '  Pay by card', 'status: ready', '---', STORY_BODY);
    const { doc } = engine.lint(text, { path: '/ws/docs/doc.md' });
    const at = text.indexOf('Pay by card');
    assert.deepEqual(
      suppressionFixes(doc, { ruleId: 'some-rule', start: at, end: at + 3 }).map((x) => x.title),
      ['Disable some-rule for this file'],
    );
  });

  test('a finding on the opening fence (missing key) can only be disabled for the file', () => {
    const text = lines('---', 'type: user-story', 'id: US-7', 'title: Pay by card', '---', STORY_BODY);
    const { findings, doc } = engine.lint(text, { path: '/ws/docs/doc.md' });
    const f = findings.find((x) => x.ruleId === 'frontmatter-schema')!;
    assert.deepEqual(
      suppressionFixes(doc, f).map((x) => x.title),
      ['Disable frontmatter-schema for this file'],
    );
    const a = applyOne(text, 'frontmatter-schema', 'Disable frontmatter-schema for this file');
    assert.equal(
      a.after,
      text.replace('title: Pay by card\n---\n', 'title: Pay by card\n---\n<!-- pmdocs-disable frontmatter-schema -->\n'),
    );
    assertClean(a);
  });

  test('file level: a second rule joins the existing comment', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: PRD-7',
      'title: Pay by card',
      '---',
      '<!-- pmdocs-disable frontmatter-schema -->',
      STORY_BODY,
    );
    const a = applyOne(text, 'id-type-prefix', 'Disable id-type-prefix for this file');
    assert.equal(
      a.after,
      text.replace('<!-- pmdocs-disable frontmatter-schema -->', '<!-- pmdocs-disable frontmatter-schema id-type-prefix -->'),
    );
    assertClean(a);
  });

  test('body: an HTML comment line above a heading', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: ready',
      '---',
      '',
      '# Pay by card',
      '',
      '## Acceptance criteria',
      '',
      '- [ ] Visa.',
      '',
      '## Story',
      '',
      'As a customer, I want to pay by card, so that I need no transfer.',
      '',
    );
    const a = applyOne(text, 'section-order', 'Disable section-order for this line');
    assert.equal(a.after, text.replace('## Story', '<!-- pmdocs-disable-next-line section-order -->\n## Story'));
    assertClean(a);
  });

  test('body: inside a fenced code block, a disable/enable pair around the block', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: ready',
      '---',
      '',
      '# Pay by card',
      '',
      '## Story',
      '',
      'As a customer, I want to pay by card, so that I need no transfer.',
      '',
      '## Acceptance criteria',
      '',
      '```gherkin',
      'Scenario: Pay',
      '  When I pay',
      '  Given a card',
      '  Then it is paid',
      '```',
      '',
      'Done.',
      '',
    );
    const a = applyOne(text, 'gherkin-malformed', 'Disable gherkin-malformed for this line');
    assert.equal(
      a.after,
      text
        .replace('```gherkin', '<!-- pmdocs-disable gherkin-malformed -->\n```gherkin')
        .replace('```\n\nDone.', '```\n<!-- pmdocs-enable gherkin-malformed -->\n\nDone.'),
    );
    assertClean(a);
  });

  test('body: on a paragraph continuation line, a trailing disable-line comment (the paragraph stays whole)', () => {
    const text = lines(
      '---',
      'type: user-story',
      'id: US-7',
      'title: Pay by card',
      'status: ready',
      '---',
      '',
      '# Pay by card',
      '',
      '## Story',
      '',
      'Context first.',
      'As a customer, I want to pay by card.',
      '',
      '## Acceptance criteria',
      '',
      '- [ ] Visa.',
      '',
    );
    const a = applyOne(text, 'user-story-statement', 'Disable user-story-statement for this line');
    assert.equal(a.finding.line, 13);
    assert.equal(a.after, text.replace('pay by card.\n', 'pay by card. <!-- pmdocs-disable-line user-story-statement -->\n'));
    assertClean(a);
  });
});
