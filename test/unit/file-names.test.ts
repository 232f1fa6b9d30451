// File names that are not UTF-8 (src/cli/fileNames.ts): the string pmdocs keeps for such a name gives the
// exact bytes back, valid UTF-8 names are untouched, and the terminal formats print the bytes as \xNN.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesOfName, fsPath, holdsRawBytes, nameFromBytes } from '../../src/cli/fileNames.js';
import { visible } from '../../src/cli/formatters/visible.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('every byte sequence round-trips through the name string', () => {
  const samples = [
    [0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6d, 0x64], // Latin-1 "café.md"
    [0xff, 0xfe, 0x80, 0xbf],
    [0xc0, 0xaf], // overlong '/'
    [0xe0, 0x80, 0xaf], // overlong, three bytes
    [0xed, 0xa0, 0x80], // an encoded surrogate (CESU-8)
    [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
    [0xe2, 0x82], // truncated
    [0xf0, 0x9f, 0x98, 0x80, 0xe9], // an emoji, then a bad byte
    [0xf0, 0x90, 0x82, 0x80], // U+10080: its low surrogate is U+DC80, and it is valid UTF-8
  ];
  for (const bytes of samples) {
    const name = nameFromBytes(Uint8Array.from(bytes));
    assert.equal(hex(bytesOfName(name)), hex(Uint8Array.from(bytes)), hex(Uint8Array.from(bytes)));
  }
  for (let b = 0; b < 256; b++)
    assert.equal(hex(bytesOfName(nameFromBytes(Uint8Array.from([0x61, b, 0x62])))), hex(Uint8Array.from([0x61, b, 0x62])));
});

test('valid UTF-8 names stay the same string and go to the file system as that string', () => {
  for (const name of ['docs/PRD-1.md', 'café ✓ 😀.md', '\u{10080}.md', 'a\uFFFDb.md']) {
    assert.equal(nameFromBytes(Buffer.from(name, 'utf8')), name);
    assert.equal(holdsRawBytes(name), false, name);
    assert.equal(fsPath(name), name);
  }
  assert.equal(nameFromBytes(Uint8Array.from([0x61, 0xe9])), 'a\udce9');
  assert.ok(Buffer.isBuffer(fsPath('a\udce9')));
});

test('terminal formats show each such byte as \\xNN, and leave a valid pair alone', () => {
  assert.equal(visible('caf\udce9.md'), 'caf\\xe9.md');
  assert.equal(visible('\udcff\udc80'), '\\xff\\x80');
  assert.equal(visible('\u{10080}.md'), '\u{10080}.md');
});
