// The findings summary: counts per severity and one button per finding. A button carries the finding's
// 1-based line in `data-line`; the webview turns a click into a "reveal this line" message.

import type { Element } from 'hast';
import type { Finding, Severity } from '../types.js';
import { h } from './hast.js';

const MAX_LISTED = 500;
const ORDER: Severity[] = ['error', 'warning', 'info'];
const NOUN: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'] };

export function findingsSummary(findings: readonly Finding[], isPmdocsDocument: boolean): Element {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  const countBadges = h(
    'p',
    { className: ['pmdocs-counts'] },
    ORDER.map((s) => h('span', { className: ['pmdocs-count', `pmdocs-sev-${s}`] }, `${counts[s]} ${NOUN[s][counts[s] === 1 ? 0 : 1]}`)),
  );
  if (findings.length === 0) {
    const note = isPmdocsDocument ? 'No problems found.' : 'Not a pmdocs document: no checks ran.';
    return h(
      'section',
      { className: ['pmdocs-findings', 'pmdocs-findings-clean'], ariaLabel: 'Problems' },
      h('p', { className: ['pmdocs-clean'] }, note),
    );
  }
  const sorted = [...findings].sort(
    (a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.line - b.line || a.column - b.column,
  );
  const items = sorted.slice(0, MAX_LISTED).map((f) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          className: ['pmdocs-finding', `pmdocs-sev-${f.severity}`],
          dataLine: f.line,
          title: `Show line ${f.line} in the editor`,
        },
        h('span', { className: ['pmdocs-sev'] }, f.severity),
        ' ',
        h('span', { className: ['pmdocs-msg'] }, f.message),
        ' ',
        h('span', { className: ['pmdocs-where'] }, `line ${f.line} · ${f.ruleId}`),
      ),
    ),
  );
  const more =
    sorted.length > MAX_LISTED
      ? h('p', { className: ['pmdocs-more'] }, `…and ${sorted.length - MAX_LISTED} more (see the Problems panel).`)
      : undefined;
  return h(
    'section',
    { className: ['pmdocs-findings'], ariaLabel: 'Problems' },
    countBadges,
    h('ul', { className: ['pmdocs-finding-list'] }, items),
    more,
  );
}
