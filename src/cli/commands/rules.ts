// `pmdocs rules`: every rule id with its default severity and what it checks.

import { parseOptions } from '../args.js';
import type { Io } from '../io.js';

export async function rulesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, 'rules');
  if (values.help) {
    io.stdout.write(
      'Usage: pmdocs rules\n\nLists every rule id, its default severity and what it checks.\nSet severities in .pmdocs.json under "rules".\n',
    );
    return 0;
  }
  const { rules } = await import('../../core/rules/index.js');
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const wId = Math.max(...sorted.map((r) => r.id.length));
  // A rule that runs only when configured shows as off: that is what a run without configuration does.
  for (const r of sorted)
    io.stdout.write(`${r.id.padEnd(wId)}  ${(r.offByDefault ? 'off' : r.defaultSeverity).padEnd(7)}  ${r.description}\n`);
  return 0;
}
