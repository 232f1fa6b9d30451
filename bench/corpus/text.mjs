// text.mjs: sentence, paragraph and table makers shared by the document bodies.

import { AREAS, COMPETITORS, CUSTOMERS, LIBS, PEOPLE, PLANS, QUALIFIERS, VERBS, an, cap, plural, wrap } from './vocabulary.mjs';

function problemTemplates(r, d) {
  const a = d.area;
  const role = r.pick(a.roles);
  const obj = r.pick(a.objects);
  const feature = d.feature ?? r.pick(a.features);
  const [c1, c2] = r.sample(COMPETITORS, 2);
  return [
    () => `Today, ${plural(role)} have no way to ${r.pick(VERBS)} ${plural(obj)} ${r.pick(QUALIFIERS)} without asking support.`,
    () => `In the last quarter, support received ${r.int(40, 900)} tickets tagged \`${a.tag}\`, and ${r.int(12, 70)}% of them mention ${plural(obj)}.`,
    () => `Customers such as ${r.pick(CUSTOMERS)} told us they handle ${plural(obj)} manually, which costs them about ${r.int(2, 30)} hours per week.`,
    () => `Competitors (${c1} and ${c2}) already offer ${feature}, and it came up in ${r.int(3, 40)} lost deals this year.`,
    () => `The current flow takes ${r.int(4, 15)} clicks and a full page reload; ${r.int(8, 45)}% of sessions drop off at the ${obj} step.`,
    () => `Our NPS comments mention *${feature}* ${r.int(10, 200)} times, mostly from the ${r.pick(PLANS)} plan.`,
    () => `During interviews, ${r.pick(PEOPLE)} (${r.pick(CUSTOMERS)}) described the workaround as “a spreadsheet nobody trusts”.`,
    () => `Because ${plural(obj)} are stored per workspace, ${an(role)} with ${r.int(3, 40)} workspaces repeats the same steps again and again.`,
    () => `See the [research summary](https://wiki.internal/research/${a.tag}-${r.int(1, 40)}) for the raw notes and recordings.`,
    () => `This is **blocking** at least ${r.int(2, 12)} Enterprise renewals worth ${r.int(1, 9)}.${r.int(0, 9)}M ARR in total.`,
    () => `Half of the ${plural(obj)} created last month were edited again within a day, which suggests the first attempt rarely works.`,
    () => `Sales engineers currently demo a workaround built on exports and a shared spreadsheet; it breaks whenever a ${obj} is renamed.`,
  ];
}

export function sentence(r, d) {
  return r.pick(problemTemplates(r, d))();
}

/** n sentences as one paragraph, wrapped at `width` (0: one line). */
export function paragraph(r, d, n, width) {
  const text = r
    .sample(problemTemplates(r, d), n)
    .map((f) => f())
    .join(' ');
  return wrap(text, width);
}

export function table(header, rows) {
  const out = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) out.push(`| ${row.join(' | ')} |`);
  return out;
}

export function requirementText(r, d) {
  const a = d.area;
  return r.pick([
    () => `${cap(r.pick(a.roles))} must be able to ${r.pick(VERBS)} ${plural(r.pick(a.objects))} ${r.pick(QUALIFIERS)}.`,
    () => `The system must keep an audit trail of every ${r.pick(a.objects)} change for ${r.int(1, 7)} years.`,
    () => `${cap(plural(r.pick(a.objects)))} load in under ${r.pick([200, 300, 500, 800])} ms at p95 for accounts with ${r.int(1, 50)}k records.`,
    () => `Admins must be able to turn the feature off per workspace (flag \`${a.tag}_${r.pick(['v2', 'beta', 'rollout'])}\`).`,
    () => `All new UI meets WCAG 2.1 AA, including keyboard-only use.`,
    () => `The form shows errors inline and keeps every ${r.pick(a.objects)} when the request fails.`,
    () => `The API exposes \`${r.pick(['GET', 'POST', 'PATCH'])} /v2/${plural(r.pick(a.objects)).replace(/ /g, '-')}\` with the same permissions as the UI.`,
  ])();
}

/** MoSCoW as written in requirement tables (Must stays well under 60 %). */
export const requirementPriority = (r) => r.weighted([[3, 'Must'], [3, 'Should'], [2, 'Could']]);

export function requirementNote(r) {
  return r.weighted([
    [4, '—'],
    [1, `See [US-${1000 + r.int(0, 400)}](../stories/)`],
    [1, `Depends on PRD-${100 + r.int(0, 60)}`],
    [1, `Open question ${r.int(1, 5)}`],
    [1, '_Legal review_'],
  ]);
}

/** One release-notes bullet of a change type; `story` links an Added item to its story. */
export function releaseItem(r, d, kind, story) {
  const a = story ? story.area : r.pick(AREAS);
  const obj = story ? story.object : r.pick(a.objects);
  switch (kind) {
    case 'Added':
      return story
        ? `**${cap(story.verb)} ${plural(obj)} ${story.qualifier}.** ${cap(plural(story.role))} can now ${story.verb} ${plural(obj)} ${story.qualifier}. ([${story.id}](../${story.path}))`
        : `${cap(r.pick(a.features))} is now available on the ${r.pick(PLANS)} plan.`;
    case 'Changed':
      return r.pick([
        () => `${cap(plural(obj))} are now sorted by *last updated* by default.`,
        () => `Increased the ${obj} export limit from ${r.int(1, 10)},000 to ${r.int(11, 100)},000 rows.`,
        () => `The \`${a.tag}\` settings moved to **Settings → ${cap(a.tag)}**.`,
      ])();
    case 'Deprecated':
      return `\`GET /v1/${plural(obj).replace(/ /g, '-')}\` is deprecated; use \`/v2\` instead (removal in ${Number(d.version.split('.')[0]) + 1}.0.0).`;
    case 'Removed':
      return r.pick([
        () => `Removed \`GET /v1/${plural(obj).replace(/ /g, '-')}\` (deprecated since ${Number(d.version.split('.')[0]) - 1}.4.0).`,
        () => `Removed the legacy ${obj} importer; use the ${cap(a.tag)} API instead.`,
      ])();
    case 'Fixed':
      return r.pick([
        () => `Fixed a crash when ${r.pick(VERBS).replace(/e$/, '')}ing more than ${r.int(100, 5000)} ${plural(obj)}. (#${r.int(1000, 99999)})`,
        () => `${cap(plural(obj))} with emoji in the name (🎉) no longer break the ${r.pick(['export', 'search index', 'preview'])}. (#${r.int(1000, 99999)})`,
        () => `The ${obj} page no longer flickers in Safari ${r.int(15, 18)}. (#${r.int(1000, 99999)})`,
        () => `Time zones are now respected in ${obj} reminders for UTC${r.pick(['+', '−'])}${r.int(1, 12)}. (#${r.int(1000, 99999)})`,
      ])();
    default:
      return r.pick([
        () => {
          const [lib, ver] = r.pick(LIBS);
          return `Upgraded \`${lib}\` to ${ver} (CVE-${r.int(2023, 2025)}-${r.int(1000, 49999)}).`;
        },
        () => `${cap(plural(r.pick(a.roles)))} can no longer ${r.pick(VERBS)} ${plural(obj)} they do not own (reported via our bug bounty).`,
        () => `Session cookies now use \`SameSite=Lax\`.`,
      ])();
  }
}
