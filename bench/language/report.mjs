// report.mjs: the measured figures of `npm run bench:language` as the Markdown tables in BENCHMARKS.md.

const f2 = (x) => x.toFixed(2).replace(/^0/, '');
const f3 = (x) => x.toFixed(3).replace(/^0/, '');

/** A row per category: both forms, the published figures, and whether F1 beats them. */
export function markdown(results, categories, published, meta) {
  const forms = Object.keys(results);
  const tool = published?.tool ?? 'published';
  const lines = [];
  lines.push(
    `Measured ${meta.date} with pmdocs ${meta.version} on \`${meta.data}\` (${meta.requirements} requirements, sha256 ${meta.sha256}…) by \`npm run bench:language\`. P / R / F1 per category (F1 to three places, so that a tie with the published figure is visible); a requirement counts as a true positive when a rule of the category underlines at least one of the words the experts labelled.`,
  );
  lines.push('');
  lines.push(
    `| category | rules | ${forms.map((f) => `${f === 'list' ? 'list items' : f === 'table' ? 'table rows' : f} P / R / F1`).join(' | ')} | ${tool} P / R / F1 | F1 above ${tool} |`,
  );
  lines.push(`| --- | --- | ${forms.map(() => '---:').join(' | ')} | ---: | --- |`);
  for (const [category, ids] of Object.entries(categories)) {
    const pub = published?.figures?.[category];
    const label = pub?.label ? `${pub.label} (\`${category}\`)` : `\`${category}\``;
    const theirs = pub ? `${f2(pub.p)} / ${f2(pub.r)} / ${f2(pub.f1)}` : '–';
    if (!ids.length) {
      lines.push(`| ${label} | not covered | ${forms.map(() => '–').join(' | ')} | ${theirs} | – |`);
      continue;
    }
    const cells = forms.map((f) => {
      const s = results[f][category];
      return `${f2(s.p)} / ${f2(s.r)} / **${f3(s.f1)}**`;
    });
    const beats = pub ? forms.map((f) => (results[f][category].f1 > pub.f1 ? 'yes' : 'no')).join(' / ') : '–';
    lines.push(`| ${label} | ${ids.map((id) => `\`${id}\``).join(', ')} | ${cells.join(' | ')} | ${theirs} | ${beats} |`);
  }
  lines.push('');
  const counts = forms.map(
    (f) =>
      `${f}: ${Object.entries(results[f])
        .filter(([, s]) => s.covered)
        .map(([c, s]) => `${c} ${s.tp}/${s.fp}/${s.fn}`)
        .join(', ')}`,
  );
  lines.push(`True positives / false positives / false negatives — ${counts.join('; ')}.`);
  return lines.join('\n');
}
