// score.mjs: the pure half of `npm run bench:language` — turning labelled requirements into the two
// documents a user would write (list items, table rows), and scoring the CLI's findings on them per
// category. No I/O here, so the unit tests can run it on a handful of sentences.

/** One line of Markdown: whitespace collapsed, inline syntax escaped, nothing read as a block marker. */
export function inlineMarkdown(text, { table = false } = {}) {
  let s = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>])/g, '\\$1');
  if (table) s = s.replace(/\|/g, '\\|');
  // "1. …", "- …", "# …" at the start would open a block of their own.
  return s.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2').replace(/^([-+#>])/, '\\$1');
}

const FRONT = (id, title) =>
  `---\ntype: prd\nid: ${id}\ntitle: "${title}"\nstatus: draft\nowner: "@bench"\ncreated: 2026-01-01\n---\n\n# ${title}\n\n`;
const BEFORE =
  '## Problem\n\nMeasured requirements.\n\n## Goals\n\n- Score 100 % of the labelled requirements.\n\n## Non-goals\n\n- Anything else.\n\n## Requirements\n\n';
const AFTER = '\n## Success metrics\n\n- F1 per category above 0.5.\n';

/**
 * The two documents, and for each the 1-based line of every requirement: `list` writes each as one list
 * item of the Requirements section, `table` as one row of the PRD template's Requirements table.
 */
export function documents(requirements) {
  const head = (id, title) => FRONT(id, title) + BEFORE;
  const lines = (text) => text.split('\n').length;
  const listHead = head('PRD-1', 'Requirements as list items');
  const listStart = lines(listHead);
  const list = listHead + requirements.map((r) => `- ${inlineMarkdown(r.text)}`).join('\n') + '\n' + AFTER;
  const tableHead = `${head('PRD-2', 'Requirements as table rows')}| # | Requirement | Priority |\n|---|---|---|\n`;
  const tableStart = lines(tableHead);
  const table =
    tableHead + requirements.map((r, i) => `| ${i + 1} | ${inlineMarkdown(r.text, { table: true })} | must |`).join('\n') + '\n' + AFTER;
  const at = (start) => requirements.map((_, i) => start + i);
  return { list: { text: list, lines: at(listStart) }, table: { text: table, lines: at(tableStart) } };
}

const norm = (s) => s.toLowerCase().replace(/[’]/g, "'");
const words = (s) => norm(s).match(/[\p{L}\p{N}']+/gu) ?? [];

/**
 * Does a finding's underlined text cover a labelled word? Word by word; a label written as one word for
 * two ("atleast", "doesnot") also matches the flagged words run together.
 */
export function covers(flagged, label) {
  const f = words(flagged);
  const l = words(label);
  if (l.some((w) => f.includes(w))) return true;
  const joined = l.join('');
  return joined.length > 0 && f.join('').includes(joined);
}

/**
 * Per category: a requirement is a true positive when a rule of the category flags at least one of its
 * labelled words; a false positive when such a rule flags it and it is not a true positive; a false
 * negative when it is labelled and not a true positive.
 * `flags[i]` is the list of { ruleId, text } the CLI reported on requirement i.
 */
export function score(requirements, flags, categories) {
  const out = {};
  for (const [category, ruleIds] of Object.entries(categories)) {
    const ids = new Set(ruleIds);
    let tp = 0,
      fp = 0,
      fn = 0,
      labelled = 0;
    requirements.forEach((r, i) => {
      const labels = r.smells?.[category] ?? [];
      const mine = (flags[i] ?? []).filter((f) => ids.has(f.ruleId));
      if (labels.length) labelled++;
      const hit = labels.length > 0 && mine.some((f) => labels.some((l) => covers(f.text, l)));
      if (hit) tp++;
      else {
        if (mine.length) fp++;
        if (labels.length) fn++;
      }
    });
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    out[category] = { covered: ids.size > 0, labelled, tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  }
  return out;
}

/** Findings of one document's CLI JSON, grouped by requirement (via the line each starts on). */
export function flagsByRequirement(findings, lines, text) {
  const index = new Map(lines.map((line, i) => [line, i]));
  const flags = [];
  for (const f of findings) {
    const i = index.get(f.line);
    if (i === undefined) continue;
    (flags[i] ??= []).push({ ruleId: f.ruleId, text: f.actual ?? text.slice(f.start, f.end) });
  }
  return flags;
}
