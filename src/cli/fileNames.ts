// File names that are not valid UTF-8 (Linux allows any bytes but '/' and NUL). Node decodes such names
// with U+FFFD in place of each bad byte, and that string no longer names the file: reading it fails as if
// the file were gone. pmdocs keeps such a name as a string that round-trips instead: each byte that is
// not part of valid UTF-8 becomes the lone surrogate U+DC80 + byte (0x80–0xff → U+DC80–U+DCFF), the
// "surrogateescape" convention of Python's os.fsdecode. Valid UTF-8 names are unchanged. `fsPath` turns
// such a string back into the exact bytes for the file system; the formats print it losslessly.

const FIRST = 0xdc80;
const LONE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** The name of `bytes`: UTF-8 where valid, each other byte as U+DC80 + byte. */
export function nameFromBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    if (n) {
      out += Buffer.from(bytes.subarray(i, i + n)).toString('utf8');
      i += n;
    } else out += String.fromCharCode(0xdc00 + bytes[i++]!);
  }
  return out;
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    // No overlong forms (E0 80–9F) and no encoded surrogates (ED A0–BF): those are not UTF-8.
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Whether `name` holds a byte that is not UTF-8 (in the convention above). */
export const holdsRawBytes = (name: string): boolean => LONE.test(name);

/** What to give the file system for `name`: the string itself, or its exact bytes when it holds raw bytes. */
export function fsPath(name: string): string | Buffer {
  if (!holdsRawBytes(name)) return name;
  const parts: Buffer[] = [];
  let run = '';
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= FIRST && code <= 0xdcff) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([code - 0xdc00]));
      run = '';
    } else run += ch;
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** The bytes of `name` as the file system has them. */
export const bytesOfName = (name: string): Buffer => {
  const p = fsPath(name);
  return typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
};
