// Regular expressions from workspace schemas (`pattern`, `patternProperties`) run on RE2JS, a
// linear-time engine, instead of V8's backtracking one: a pattern with nested quantifiers such as
// `^(a+)+$` took seconds on 24 characters and never finished on 40. Why an engine and not a check or a
// clock: a static "catastrophic pattern" check misses some shapes and rejects harmless ones, and a time
// limit cannot interrupt a synchronous RegExp.test in the same thread. RE2 has no lookaround and no
// backreferences; a pattern using them is a config problem naming the pattern, not a silent pass.
// The built-in schemas keep V8's engine: their patterns are ours and tested.

import { RE2JS } from 're2js';
import { limits, limitSetting } from '../limits.js';

export interface RegExpLike {
  test(text: string): boolean;
  toString(): string;
}

/** ECMAScript `\uXXXX` and `\u{X…}` escapes in RE2's spelling (`\x{XXXX}`); every other escape as written. */
function toRe2(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const rest = pattern.slice(i + 1, i + 12);
    const four = /^u([0-9A-Fa-f]{4})/.exec(rest);
    const braced = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(rest);
    const m = braced ?? four;
    if (m) {
      out += `\\x{${m[1]}}`;
      i += m[0].length;
    } else {
      out += c + (pattern[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

/** Compiles a workspace pattern, or throws an Error whose message says what is wrong with it. */
export function safeRegExp(pattern: string, flags = ''): RegExpLike {
  const max = limits().patternLength;
  if (pattern.length > max)
    throw new Error(
      `the pattern is ${pattern.length} characters long, over the ${max} pmdocs reads; shorten it, or raise ${limitSetting('patternLength')}`,
    );
  let f = 0;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) f |= RE2JS.MULTILINE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  try {
    const re = RE2JS.compile(toRe2(pattern), f);
    // ajv keys its compiled patterns by toString(): each pattern needs its own.
    return { test: (text) => re.test(text), toString: () => `re2:/${pattern}/${flags}` };
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    throw new Error(
      `the pattern ${JSON.stringify(pattern)} cannot be used (${why}): pmdocs runs workspace patterns on a linear-time engine, without lookaround or backreferences`,
      { cause: e },
    );
  }
}

/** For ajv's `code.regExp` option (its type wants a `code` property, used only for standalone code). */
export const ajvRegExp = Object.assign((pattern: string, u: string) => safeRegExp(pattern, u), { code: 'safeRegExp' });
