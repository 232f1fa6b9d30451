// Lines as CommonMark and VS Code read them (a break is \r\n, \n or a lone \r), and the line ending a
// document uses, for the text an edit inserts.

export const LINE_BREAK = /\r\n|\n|\r/;

export const splitLines = (text: string): string[] => text.split(LINE_BREAK);

/** `\r\n` when the document's first 4 KiB use it, else `\n`. */
export const eolOf = (text: string): string => (/\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n');
