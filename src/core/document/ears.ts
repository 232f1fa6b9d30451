// EARS (Easy Approach to Requirements Syntax, Mavin et al.): five sentence patterns for requirements and
// acceptance criteria. A sentence either matches one, or is diagnosed against the pattern its opening
// word (When, While, If, Where, The…) says it was meant to follow.
//
//   ubiquitous       The <system> shall <response>.
//   event-driven     When <trigger>, the <system> shall <response>.
//   state-driven     While <state>, the <system> shall <response>.
//   unwanted         If <condition>, then the <system> shall <response>.
//   optional         Where <feature is included>, the <system> shall <response>.
//
// Complex requirements combine the openers ("While <state>, when <trigger>, the … shall …"); the last
// opener names the pattern.

export type EarsPattern = 'ubiquitous' | 'event-driven' | 'state-driven' | 'unwanted' | 'optional';

export const EARS_TEMPLATES: Record<EarsPattern, string> = {
  ubiquitous: 'The <system> shall <response>',
  'event-driven': 'When <trigger>, the <system> shall <response>',
  'state-driven': 'While <state>, the <system> shall <response>',
  unwanted: 'If <condition>, then the <system> shall <response>',
  optional: 'Where <feature is included>, the <system> shall <response>',
};

export type EarsResult = { ok: true; pattern: EarsPattern } | { ok: false; pattern: EarsPattern; problem: string };

const OPENER: Record<string, EarsPattern> = { when: 'event-driven', while: 'state-driven', if: 'unwanted', where: 'optional' };
const WEAK_MODALS = /\b(should|will|must|shall not|can|could|may|would|needs? to|has to|is able to)\b/i;

/** Reads one requirement sentence (inline markup already stripped). */
export function parseEars(sentence: string): EarsResult {
  const s = sentence.replace(/\s+/g, ' ').trim().replace(/[.;]$/, '');
  const first = /^(when|while|if|where)\b/i.exec(s);
  if (!first) return mainClause(s, 'ubiquitous');
  const shallAt = s.search(/\bshall\b/i);
  const head = shallAt < 0 ? s : s.slice(0, shallAt);
  // The main clause starts after the last comma before 'shall' that is followed by "[then] the/a/an";
  // commas inside the clauses ("2,000 invoices", "a file, an archive") are left alone.
  let boundary = -1;
  for (const m of head.matchAll(/,\s*(?=(?:then\s+)?(?:the|a|an)\s)/gi)) boundary = m.index;
  // The openers: "While X, when Y, …" — split where a comma is followed by the next opening word.
  const openersText = boundary < 0 ? head : head.slice(0, boundary);
  const clauses = openersText.split(/,\s*(?=(?:when|while|if|where)\b)/i);
  const pattern =
    OPENER[/^(when|while|if|where)/i.exec(clauses[clauses.length - 1]!.trim())?.[1]!.toLowerCase() ?? first[1]!.toLowerCase()]!;
  const keyword = OPENER_WORD[pattern] ?? 'when';
  if (boundary < 0 && shallAt >= 0 && /,\s*$/.test(head)) return { ok: false, pattern, problem: "no system is named before 'shall'" };
  if (boundary < 0) {
    return {
      ok: false,
      pattern,
      problem:
        shallAt < 0 && !/,/.test(s)
          ? `no comma closes the ${keyword}-clause, and no 'the <system> shall <response>' follows`
          : `no comma closes the ${keyword}-clause before 'the <system> shall …'`,
    };
  }
  for (const clause of clauses) {
    if (!/^(?:when|while|if|where)\s+\S/i.test(clause.trim()))
      return { ok: false, pattern, problem: `the clause '${clause.trim()}' is empty or does not start with When, While, If or Where` };
  }
  let rest = s.slice(boundary).replace(/^,\s*/, '');
  const then = /^then\b\s*/i.exec(rest);
  if (pattern === 'unwanted' && !then) return { ok: false, pattern, problem: "'then' is missing after the if-clause" };
  if (then) rest = rest.slice(then[0].length); // "When X, then the …" is tolerated
  return mainClause(rest, pattern);
}

const OPENER_WORD: Record<EarsPattern, string | undefined> = {
  'event-driven': 'when',
  'state-driven': 'while',
  unwanted: 'if',
  optional: 'where',
  ubiquitous: undefined,
};

/** "the <system> shall <response>". */
function mainClause(rest: string, pattern: EarsPattern): EarsResult {
  const main = /^(?:the|a|an)\s+(.+?)\s+shall\b\s*(.*)$/i.exec(rest);
  if (main)
    return main[2]!.trim() ? { ok: true, pattern } : { ok: false, pattern, problem: "nothing follows 'shall': the response is missing" };
  const shall = /\bshall\b/i.exec(rest);
  if (shall) {
    const subject = rest.slice(0, shall.index).trim().replace(/^,\s*/, '');
    return {
      ok: false,
      pattern,
      problem: subject ? `'${subject}' before 'shall' is not 'the <system>'` : "no system is named before 'shall'",
    };
  }
  const weak = WEAK_MODALS.exec(rest);
  if (weak) return { ok: false, pattern, problem: `it says '${weak[1]!.toLowerCase()}' where EARS says 'shall'` };
  return { ok: false, pattern, problem: "there is no 'the <system> shall <response>' clause" };
}
