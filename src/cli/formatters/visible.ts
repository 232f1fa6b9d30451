// Text from documents (messages quote values) and file names can hold control characters: printed raw,
// `ESC ]0;…` retitles the terminal and `ESC [2J` clears it. Terminal-bound formats show them escaped.

/**
 * C0 and C1 control characters and DEL as `\xNN` (`\x1b`); U+2028/U+2029 as `\u2028`; a byte of a file name
 * that is not UTF-8 (U+DC80–U+DCFF, see cli/fileNames.ts) as `\xNN` of that byte; the rest as is.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]|(?<![\ud800-\udbff])[\udc80-\udcff]/g, (c) => {
    const n = c.charCodeAt(0);
    if (n >= 0xdc80) return `\\x${(n - 0xdc00).toString(16)}`;
    return n > 0xff ? `\\u${n.toString(16)}` : `\\x${n.toString(16).padStart(2, '0')}`;
  });
}
