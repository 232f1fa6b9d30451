// Where a YAML value that starts mid-line ends, as a plain scalar there does: inside a flow collection
// (after `[`, `{` or `,`) before the next `,`, `]` or `}`; otherwise before the white space that opens a
// ` #` comment, or before the line's trailing white space. Read by index: the patterns this replaces
// (`/[[{,]\s*$/`, `/\s*[,\]}]/`, `/\s+#|\s*$/`) retry at every character of a run of spaces, which is
// quadratic in a long one (used where a value needs quoting: a YAML error's hint and its quick fix).

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** The length of the value at the start of `rest`, the part of its line after `before`. */
export function plainValueLength(before: string, rest: string): number {
  const open = before.trimEnd().at(-1);
  const inFlow = open === '[' || open === '{' || open === ',';
  let end = -1;
  for (let i = 0; i < rest.length && end < 0; i++) {
    const c = rest[i]!;
    if (inFlow ? c === ',' || c === ']' || c === '}' : c === '#' && i > 0 && isSpace(rest[i - 1])) end = i;
  }
  // A flow value with no delimiter after it runs to the end of the line, as it is.
  if (end < 0) {
    if (inFlow) return rest.length;
    end = rest.length;
  }
  while (end > 0 && isSpace(rest[end - 1])) end--;
  return end;
}
