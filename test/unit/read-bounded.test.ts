// The worker threads read with readBoundedSync, the main thread with readBounded: the same bytes, the
// same refusals (a FIFO is refused without blocking, a device behind a symlink before a byte is read, a
// file over the limit with the limit's message), the same undefined for a missing file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBounded, readBoundedSync } from '../../src/cli/nodeHost.js';

const dir = mkdtempSync(join(tmpdir(), 'pmdocs-read-'));
const path = (name: string) => join(dir, name).replace(/\\/g, '/');
writeFileSync(join(dir, 'doc.md'), '---\ntype: prd\n---\n# Ünïcode ✓\n');
writeFileSync(join(dir, 'big.md'), 'x'.repeat(100));
mkdirSync(join(dir, 'folder.md'));
symlinkSync('/dev/zero', join(dir, 'zero.md'));
execFileSync('mkfifo', [join(dir, 'pipe.md')]);

/** What a read gives, as a comparable value: the text, 'missing', or the error's code and message. */
async function outcome(read: () => Promise<Buffer | undefined> | Buffer | undefined): Promise<string> {
  try {
    const bytes = await read();
    return bytes === undefined ? 'missing' : `text: ${bytes.toString('utf8')}`;
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
}

const cases: [string, number | undefined, string][] = [
  ['doc.md', undefined, 'text: ---\ntype: prd\n---\n# Ünïcode ✓\n'],
  ['absent.md', undefined, 'missing'],
  ['big.md', 10, 'PMDOCS_TOO_LARGE: it is larger than 10 bytes; raise'],
  ['big.md', 100, `text: ${'x'.repeat(100)}`],
  ['folder.md', undefined, 'PMDOCS_NOT_REGULAR: it is a folder; pmdocs reads only regular files'],
  ['zero.md', undefined, 'PMDOCS_NOT_REGULAR: it is a character device; pmdocs reads only regular files'],
  ['pipe.md', undefined, 'PMDOCS_NOT_REGULAR: it is a FIFO; pmdocs reads only regular files'],
];

for (const [name, max, expected] of cases) {
  test(`readBoundedSync and readBounded agree on ${name}${max === undefined ? '' : ` (limit ${max} bytes)`}`, async () => {
    const sync = await outcome(() => readBoundedSync(path(name), max));
    const async = await outcome(() => readBounded(path(name), max));
    assert.equal(sync, async);
    assert.ok(sync.startsWith(expected), sync);
  });
}
