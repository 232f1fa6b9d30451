// bodies.mjs: the Markdown body of each document type, as a list of sections.
//
// A section is {key, title, level, lines} where key is the canonical name the contract uses
// ("Non-goals") and title what the document shows ("Out of scope", "Non-Goals"). Lines are strings or
// {text, ref}: the assembler writes ref.line = the line's 1-based number, which is how the manifest
// learns where a scenario step or a statement ended up. A section with build() renders its lines late,
// after defects have edited its data (user-story scenarios).

import { HANDLES, PLANS, VERBS, AREAS, an, cap, isoDay, plural, wrap, LIKELIHOOD, STAKEHOLDERS, PRODUCTS, BUTTONS, QUALIFIERS } from './vocabulary.mjs';
import { paragraph, releaseItem, requirementNote, requirementPriority, requirementText, sentence, table } from './text.mjs';
import { TABLE_ROWS } from './plan.mjs';

const byteLength = (lines) => lines.reduce((n, l) => n + Buffer.byteLength(typeof l === 'string' ? l : l.text) + 1, 0);
const sectionLines = (sections) => sections.reduce((n, s) => n + s.lines.length + 3, 0);

/** Paragraphs (with a research heading now and then) until `more()` says stop. */
function fill(r, d, width, more) {
  const lines = [];
  while (more(lines)) {
    if (lines.length && r.chance(0.08)) lines.push(`### Interview ${lines.length}`, '');
    lines.push(...paragraph(r, d, r.int(2, 5), width), '');
  }
  return lines.slice(0, Math.max(1, lines.length - 1));
}

/**
 * Clean PRDs keep Must at or below 60 % of their requirements (DSDM; pmdocs' moscow-must-overload).
 * The weighted draw averages 37.5 % but a table now and then lands above 60 %: relabel the last excess
 * Musts as Should, without drawing from the rng, so every other byte of the corpus stays the same.
 */
function capMust(rows) {
  let must = rows.filter((row) => row[2] === 'Must').length;
  for (let k = rows.length - 1; k >= 0 && must * 5 > rows.length * 3; k--) {
    if (rows[k][2] !== 'Must') continue;
    rows[k][2] = 'Should';
    must--;
  }
}

export function renderPrd(d, r) {
  const width = r.chance(0.4) ? 80 : 0;
  const bullet = r.chance(0.85) ? '-' : '*';
  const target = d.big ? 2000 : r.int(100, 400) - 20; // lines, without the front matter
  const budget = (f) => Math.max(3, Math.round(target * f));
  const sections = [];
  const sec = (key, title, lines) => sections.push({ key, title, level: 2, lines });

  if (r.chance(0.3)) sec('Summary', 'Summary', wrap(`${cap(d.feature)} lets ${plural(r.pick(d.area.roles))} ${r.pick(VERBS)} ${plural(r.pick(d.area.objects))} ${r.pick(QUALIFIERS)}.`, width));
  {
    const lines = [];
    while (lines.length < budget(0.12)) {
      if (lines.length && r.chance(0.15)) lines.push(`> “${cap(r.pick(d.area.benefits))} is all we ask for.” — ${r.pick(['Zoë Martin', 'Aiko Tanaka', 'Tom Becker'])}, ${r.pick(['Northwind', 'Globex', 'Initech'])}`, '');
      else lines.push(...paragraph(r, d, r.int(2, 5), width), '');
    }
    sec('Problem', r.chance(0.1) ? 'Problem statement' : 'Problem', lines.slice(0, -1));
  }
  if (r.chance(0.4)) sec('Background', 'Background', paragraph(r, d, r.int(2, 6), width));
  {
    const n = Math.min(Math.max(3, budget(0.05)), d.big ? 400 : 8);
    const goals = new Set();
    for (let k = 0; k < n; k++) {
      goals.add(
        `${bullet} ${r.pick([
          () => `Make ${d.feature} available to ${plural(r.pick(d.area.roles))} without a support ticket.`,
          () => `Let ${plural(r.pick(d.area.roles))} ${r.pick(VERBS)} ${plural(r.pick(d.area.objects))} in under ${r.int(5, 60)} seconds.`,
          () => `Reduce *${r.pick(d.area.metrics).toLowerCase()}* by ${r.int(10, 60)}% within two releases.`,
          () => `Ship ${d.feature} to all ${r.pick(PLANS)} and ${r.pick(PLANS)} plans.`,
          () => `Remove the need for the CSV workaround described above.`,
        ])()}`,
      );
    }
    sec('Goals', 'Goals', [...goals]);
    const m = Math.min(Math.max(2, budget(0.03)), d.big ? 200 : 5);
    const non = new Set();
    for (let k = 0; k < m; k++) {
      non.add(
        `${bullet} ${r.pick([
          () => `Redesigning the ${r.pick(d.area.objects)} settings page.`,
          () => `Backfilling ${plural(r.pick(d.area.objects))} for deleted workspaces.`,
          () => `Supporting ${r.pick(AREAS).features[0]} (tracked in PRD-${100 + r.int(0, 80)}).`,
          () => `Changing the ${r.pick(d.area.objects)} data model.`,
          () => `Native mobile support in the first release.`,
          () => `Migrating historical data older than ${r.int(1, 5)} years.`,
        ])()}`,
      );
    }
    sec('Non-goals', r.weighted([[8, 'Non-goals'], [1, 'Non-Goals'], [1, 'Out of scope']]), [...non]);
  }
  {
    const lines = [];
    if (r.chance(0.7)) lines.push(...wrap('Requirements use MoSCoW priorities. IDs are stable; do not renumber after review.', width), '');
    if (d.table) {
      // the editor-freezing case: one GFM table with thousands of rows
      const rows = Array.from({ length: TABLE_ROWS }, (_, k) => [`R-${k + 1}`, requirementText(r, d), requirementPriority(r)]);
      capMust(rows);
      lines.push(...table(['ID', 'Requirement', 'Priority'], rows));
    } else {
      const L = Math.min(budget(0.3), 300);
      const two = L > 20 && r.chance(0.5);
      const n1 = two ? Math.round(L * 0.6) : Math.max(4, L);
      const row = (k) => [`R-${k}`, requirementText(r, d), requirementPriority(r), requirementNote(r)];
      const functional = Array.from({ length: n1 }, (_, k) => row(k + 1));
      const nonFunctional = two ? Array.from({ length: Math.max(3, L - n1) }, (_, k) => row(n1 + k + 1)) : [];
      capMust([...functional, ...nonFunctional]);
      if (two) lines.push('### Functional', '');
      lines.push(...table(['ID', 'Requirement', 'Priority', 'Notes'], functional));
      if (two) {
        lines.push('', '### Non-functional', '');
        lines.push(...table(['ID', 'Requirement', 'Priority', 'Notes'], nonFunctional));
      }
    }
    sec('Requirements', 'Requirements', lines);
  }
  {
    const n = Math.min(Math.max(3, budget(0.04)), d.big ? 300 : 8);
    const rows = Array.from({ length: n }, () => {
      const base = r.int(2, 80);
      return [r.pick(d.area.metrics), `${base}%`, `${r.pick(['<', '>', '≥', '≤'])} ${Math.max(1, base + r.int(-20, 20))}%`, r.pick(['Looker “' + cap(d.area.tag) + ' health”', 'Amplitude', 'Zendesk tags', 'Quarterly survey', 'Datadog SLO'])];
    });
    sec('Success metrics', r.chance(0.5) ? 'Success metrics' : 'Success Metrics', [
      ...wrap(`We will review these metrics ${r.pick(['two weeks', 'one month', 'one quarter'])} after GA.`, width),
      '',
      ...table(['Metric', 'Baseline', 'Target', 'Source'], rows),
    ]);
  }
  if (d.stories.length && r.chance(0.6)) {
    sec('User stories', 'User stories', d.stories.slice(0, 30).map((s) => `${bullet} [${s.id}](../${s.path}) — ${s.title}`));
  }
  if (r.chance(0.6)) {
    const n = Math.min(Math.max(2, budget(0.04)), d.big ? 300 : 7);
    if (r.chance(0.5)) {
      const rows = Array.from({ length: n }, () => [
        r.pick([`Scope creep from ${r.pick(STAKEHOLDERS)}`, `Performance on large ${plural(r.pick(d.area.objects))}`, 'Migration errors', 'Low adoption', `Dependency on ${r.pick(PRODUCTS)} team`]),
        r.pick(LIKELIHOOD),
        r.pick(LIKELIHOOD),
        r.pick(['Feature flag + staged rollout', 'Load test before beta', 'Weekly sync with stakeholders', 'Dry-run migration on a copy', 'In-app education']),
      ]);
      sec('Risks', 'Risks', table(['Risk', 'Likelihood', 'Impact', 'Mitigation'], rows));
    } else {
      sec('Risks', 'Risks', Array.from({ length: n }, () => `${bullet} **${r.pick(['Technical', 'Adoption', 'Legal', 'Timeline'])}:** ${sentence(r, d)}`));
    }
  }
  if (r.chance(0.6)) {
    const n = Math.min(Math.max(2, budget(0.03)), d.big ? 200 : 6);
    sec('Open questions', 'Open questions', Array.from({ length: n }, (_, k) => `${k + 1}. Should ${plural(r.pick(d.area.roles))} be able to ${r.pick(VERBS)} ${plural(r.pick(d.area.objects))}? (@${r.pick(HANDLES)})`));
  }
  if (r.chance(0.4)) {
    const rows = ['Design review', 'Beta', 'GA'].map((m, k) => [m, isoDay((d.updated ?? d.created) + 14 * (k + 1)), `@${r.pick(HANDLES)}`]);
    sec('Timeline', 'Timeline', table(['Milestone', 'Date', 'Owner'], rows));
  }
  if (d.big && !d.table) {
    // prose, lists and small tables: big, but nothing quadratic
    const drawn = r.int(500_000, 2_000_000); // drawn for every big file, so the other files stay as they were
    const bytes = d.huge ? 2_000_000 : drawn;
    const have = sections.reduce((n, s) => n + byteLength(s.lines), 0);
    sec('Appendix', 'Appendix: research notes', fill(r, d, width, (lines) => have + byteLength(lines) < bytes));
  } else if (!d.big && sectionLines(sections) < target) {
    const need = target - sectionLines(sections) - 2;
    sec('Appendix', 'Appendix', fill(r, d, width, (lines) => lines.length < need));
  }
  return {
    h1: `# ${d.id}: ${d.title}`,
    intro: r.chance(0.5) ? wrap(`Owner: @${d.owner} · Status: ${d.status}${d.targetRelease ? ` · Target: ${d.targetRelease}` : ''}`, width) : null,
    sections,
    numbered: !d.big && r.chance(0.1),
  };
}

export function renderEpic(d, r) {
  const width = r.chance(0.3) ? 80 : 0;
  const sections = [];
  sections.push({
    key: 'Summary',
    title: 'Summary',
    level: 2,
    lines: wrap(`This epic groups the work to ship ${d.feature} (${d.title.replace(/^[^:]*: /, '')}). ${sentence(r, d)}`, width),
  });
  if (r.chance(0.6)) {
    const lines = d.stories.length
      ? d.stories.slice(0, 20).map((s) => `- [${s.id}](../${s.path}) — ${s.title}`)
      : [`- ${cap(r.pick(VERBS))} ${plural(r.pick(d.area.objects))} ${r.pick(QUALIFIERS)}`, `- ${cap(r.pick(VERBS))} ${plural(r.pick(d.area.objects))} ${r.pick(QUALIFIERS)}`];
    sections.push({ key: 'Scope', title: 'Scope', level: 2, lines });
  }
  if (r.chance(0.4)) sections.push({ key: 'Success metrics', title: 'Success metrics', level: 2, lines: [`- ${r.pick(d.area.metrics)}: from ${r.int(5, 40)}% to ${r.int(41, 90)}% by ${isoDay(r.int(400, 800))}`] });
  if (r.chance(0.4)) sections.push({ key: 'Out of scope', title: 'Out of scope', level: 2, lines: [`- ${cap(r.pick(VERBS))} ${plural(r.pick(d.area.objects))} ${r.pick(QUALIFIERS)}.`] });
  return { h1: `# ${d.id}: ${d.title}`, intro: d.prd ? [`Delivers part of [${d.prd}](../${d.prdDoc.path}).`] : null, sections };
}

/** Scenario data; rendered late so defects can reorder or drop steps first. */
function scenarios(d, r) {
  const a = d.area;
  const out = [];
  for (let k = 1; k <= d.scenarios; k++) {
    const title = `${cap(r.chance(0.7) ? d.verb : r.pick(VERBS))} ${plural(d.object)} ${r.pick(['with no results', 'with a filter applied', 'without permission', 'on a slow network', 'for the first time', 'in bulk', 'after a timeout'])}`;
    const steps = [{ kw: 'Given', text: `I am signed in as ${an(d.role)}` }];
    if (r.chance(0.5)) steps.push({ kw: 'And', text: r.pick([`there are ${r.int(0, 5000)} ${plural(d.object)} in the workspace`, `the feature flag \`${a.tag}_v2\` is enabled`, `my plan is ${r.pick(PLANS)}`, `I have the “${cap(d.verb)}” permission`]) });
    steps.push({ kw: 'When', text: `I ${r.pick([`choose “${r.pick(BUTTONS)}”`, 'press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>', `select ${r.int(2, 50)} ${plural(d.object)} and choose “${r.pick(BUTTONS)}”`, `open the ${d.object} page`, 'submit the form with an empty name'])}` });
    steps.push({ kw: 'Then', text: r.pick([`a confirmation “${cap(d.verb)} started” is shown`, `the list refreshes within ${r.int(1, 3)} seconds`, 'an audit log entry is created', 'I see an inline error and nothing is saved', `an email is sent to the ${r.pick(a.roles)}`, `the result contains exactly ${r.int(1, 500)} rows`]) });
    if (r.chance(0.4)) steps.push({ kw: 'And', text: r.pick(['no other workspace is affected', 'an Undo button stays for 10 seconds', 'screen readers announce the result']) });
    out.push({ k, title, steps });
  }
  return out;
}

function renderScenarios(list, style, bold) {
  const kw = (s) => (bold ? `**${s.kw}**` : s.kw);
  const lines = [];
  if (style === 'gherkin') {
    lines.push('```gherkin');
    list.forEach((sc, i) => {
      if (i) lines.push('');
      lines.push({ text: `Scenario: ${sc.title}`, ref: sc });
      for (const s of sc.steps) lines.push({ text: `  ${s.kw} ${s.text}`, ref: s });
    });
    lines.push('```');
    return lines;
  }
  list.forEach((sc, i) => {
    if (style === 'headings') {
      if (i) lines.push('');
      lines.push({ text: `### Scenario ${sc.k}: ${sc.title}`, ref: sc }, '');
      for (const s of sc.steps) lines.push({ text: `- ${kw(s)} ${s.text}`, ref: s });
    } else {
      lines.push({ text: `${sc.k}. **Scenario:** ${sc.title}`, ref: sc });
      for (const s of sc.steps) lines.push({ text: `   - ${kw(s)} ${s.text}`, ref: s });
    }
  });
  return lines;
}

export function renderStory(d, r) {
  const width = r.chance(0.3) ? 80 : 0;
  const a = d.area;
  const sections = [];
  const comma = r.chance(0.2) ? ',' : '';
  const statement = `As ${an(d.role)}, I want to ${d.verb} ${plural(d.object)} ${d.qualifier}${comma} so that ${r.pick(a.benefits)}.`;
  const story = wrap(statement, width).map((text, i) => (i === 0 ? { text, ref: (d.statementRef = {}) } : text));
  if (d.epicDoc) story.push('', `Part of [${d.epic}](../${d.epicDoc.path}).`);
  sections.push({ key: 'Story', title: r.chance(0.9) ? 'Story' : 'User story', level: 2, lines: story });
  if (r.chance(0.4)) sections.push({ key: 'Context', title: 'Context', level: 2, lines: paragraph(r, { area: a }, r.int(1, 3), width) });
  const list = scenarios(d, r);
  const style = r.weighted([[4, 'headings'], [3, 'numbered'], [3, 'gherkin']]);
  const bold = r.chance(0.3);
  sections.push({ key: 'Acceptance criteria', title: r.chance(0.8) ? 'Acceptance criteria' : 'Acceptance Criteria', level: 2, lines: [], scenarios: list, build: () => renderScenarios(list, style, bold) });
  if (r.chance(0.5)) sections.push({ key: 'Notes', title: 'Notes', level: 2, lines: [`- Design: [Figma](https://design.internal/file/${d.id.toLowerCase()})`, `- Estimate assumes the ${r.pick(a.objects)} API${d.epic ? ` from ${d.epic}` : ''} is available.`] });
  if (r.chance(0.3)) {
    const done = d.status === 'done' ? 'x' : ' ';
    sections.push({ key: 'Definition of done', title: 'Definition of done', level: 2, lines: [`- [${done}] Unit and e2e tests`, `- [${done}] Docs updated`, `- [${done}] Analytics event \`${a.tag}.${d.verb.replace(/-/g, '_')}\``] });
  }
  return { h1: `# ${d.id}: ${d.title}`, intro: null, sections };
}

export function renderRelease(d, r) {
  const bullet = r.chance(0.9) ? '-' : '*';
  const released = d.status === 'released' || d.status === 'yanked';
  const intro = [`_${released ? 'Released' : 'Planned for'} ${isoDay(d.day)}_`, '', `This release ${r.pick(['focuses on', 'brings', 'mostly improves'])} ${r.pick(AREAS).tag} and ${r.pick(AREAS).tag}. Thanks to everyone who reported issues!`];
  const sections = [];
  const sec = (key, title, lines) => sections.push({ key, title, level: 2, lines });

  const highlights = d.stories.slice(0, r.int(1, 4)).map((s) => `${bullet} ${cap(s.verb)} ${plural(s.object)} ${s.qualifier}`);
  if (!highlights.length) highlights.push(`${bullet} ${cap(r.pick(AREAS).features[0])}`);
  sec('Highlights', 'Highlights', highlights);
  if (d.breaking) {
    sec('Breaking changes', r.chance(0.8) ? 'Breaking changes' : 'Upgrade notes', [
      `${bullet} ${releaseItem(r, d, 'Removed', null)}`,
      `${bullet} Minimum supported Node.js version is now ${r.pick([18, 20, 22])}.`,
    ]);
  }
  const target = d.big ? 0 : Math.max(6, r.int(30, 120) - 20);
  const items = (kind, n, story) => Array.from({ length: Math.max(1, n) }, () => `${bullet} ${releaseItem(r, d, kind, story ? story() : null)}`);
  const queue = d.stories.slice();
  const added = queue.map((s) => `${bullet} ${releaseItem(r, d, 'Added', s)}`);
  added.push(...items('Added', Math.round(target * 0.2) - added.length));
  sec('Added', 'Added', added);
  sec('Changed', 'Changed', items('Changed', Math.round(target * 0.2)));
  if (r.chance(0.15)) sec('Deprecated', 'Deprecated', items('Deprecated', 1));
  if (d.breaking && r.chance(0.7)) sec('Removed', 'Removed', items('Removed', r.int(1, 3)));
  const fixed = items('Fixed', Math.round(target * 0.4));
  if (d.big) {
    const drawn = r.int(500_000, 2_000_000); // drawn for every big file, so the other files stay as they were
    const bytes = d.huge ? 2_000_000 : drawn;
    let have = byteLength(fixed) + byteLength(added);
    while (have < bytes) {
      const line = `${bullet} ${releaseItem(r, d, 'Fixed', null)}`;
      fixed.push(line);
      have += Buffer.byteLength(line) + 1;
    }
  }
  sec('Fixed', r.chance(0.9) ? 'Fixed' : 'Bug fixes', fixed);
  if (r.chance(0.5)) sec('Security', 'Security', items('Security', r.int(1, 3)));
  if (r.chance(0.2)) sec('Known issues', 'Known issues', [`${bullet} ${releaseItem(r, d, 'Fixed', null).replace(/^Fixed/, 'Investigating')}`]);
  return { h1: `# ${d.title}`, intro, sections };
}
