// A new document's planned path stays inside its target folder (core/templates/safePath.ts), the one
// check `pmdocs new` and New Document share: `../`, absolute paths, drive letters and backslashes in a
// version, an id prefix or a title never put the file elsewhere.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInDocTypes } from '../../src/core/doctypes/builtins.js';
import { planNewDocument } from '../../src/core/templates/plan.js';
import { fileNameProblem, NewDocumentInputError, pathInside } from '../../src/core/templates/safePath.js';

const type = (name: string) => builtInDocTypes.find((t) => t.type === name)!;
const base = { date: '2026-05-04', fallbackFolder: '/ws/docs', existing: [] };

test('a plain file name is joined to the folder', () => {
  assert.equal(pathInside('/ws/docs/', 'PRD-1-a.md'), '/ws/docs/PRD-1-a.md');
  assert.equal(fileNameProblem('REL-2.0.0-rc.1.md'), undefined);
  assert.equal(fileNameProblem('..md'), undefined);
});

test('../, absolute paths, drive letters and backslashes are refused, each with its reason', () => {
  const cases: [string, RegExp][] = [
    ['../x.md', /holds a path separator/],
    ['..', /names no file/],
    ['.', /names no file/],
    ['', /names no file/],
    ['/etc/cron.d/x.md', /holds a path separator/],
    ['REL-../../etc/cron.d/x.md', /holds a path separator/],
    ['..\\..\\x.md', /holds a path separator/],
    ['C:x.md', /starts with a drive letter/],
    ['c:\\Windows\\x.md', /holds a path separator/],
    ['x.md:stream', /holds ':'/],
    ['x\u0000.md', /control character/],
    ['x\n.md', /control character/],
  ];
  for (const [name, reason] of cases) {
    assert.match(fileNameProblem(name) ?? '', reason, JSON.stringify(name));
    assert.throws(() => pathInside('/ws/docs', name), NewDocumentInputError, JSON.stringify(name));
  }
  assert.throws(() => pathInside('/ws/docs', '../../etc/passwd'), {
    message: `the file name "../../etc/passwd" holds a path separator ('/' or '\\') and would leave the target folder; it must stay inside /ws/docs`,
  });
});

test('row: New Document (editor) with a version holding ../ (also an absolute path, a drive letter, a backslash): the plan refuses it', () => {
  for (const version of ['../../../../etc/cron.d/x', '/etc/x', 'C:x', '..\\..\\x', '1.0.0/../../x']) {
    assert.throws(() => planNewDocument({ ...base, docType: type('release-notes'), title: 'T', version }), {
      name: 'Error',
      message: `version '${version}' is not a SemVer version like 1.4.0`,
    });
  }
});

test('an id prefix from a workspace doc type that holds ../ or a drive letter is refused by the plan', () => {
  for (const idPrefix of ['../../', 'C:', '..\\', '/abs/']) {
    const docType = { ...type('prd'), idPrefix };
    assert.throws(() => planNewDocument({ ...base, docType, title: 'T', owner: '@a' }), NewDocumentInputError, idPrefix);
  }
});

test('row: New Document (editor) with a title holding ../ (also slashes, a drive letter, backslashes): it only feeds the slug, the file stays in the folder', () => {
  for (const title of ['../../../etc/cron.d/x', '/etc/passwd', 'C:\\Windows\\x', '..\\..\\x']) {
    const plan = planNewDocument({ ...base, docType: type('prd'), title, owner: '@a' });
    assert.match(plan.path, /^\/ws\/docs\/PRD-1-[a-z0-9-]+\.md$/, title);
  }
});
