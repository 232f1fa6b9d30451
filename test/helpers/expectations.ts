// Fixtures state their own expectations (markdownlint's habit):
//   `<!-- expect: rule-a, rule-b -->`  on a Markdown line that must be flagged,
//   `# expect: rule-a`                 on a YAML line of the front matter,
//   `<!-- expect@3: rule-a -->` / `# expect@3: rule-a`   for line 3 (e.g. the opening fence, line 1).
// A fixture without markers must produce no findings.

export interface Expectation {
  line: number;
  ruleId: string;
}

const MARKER = /(?:<!--|#)\s*expect(?:@(\d+))?:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:-->)?/g;

export function expectationsIn(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) {
      for (const ruleId of m[2]!.split(/\s*,\s*/)) out.push({ line: m[1] ? Number(m[1]) : i + 1, ruleId });
    }
  });
  return out;
}

export const key = (e: Expectation): string => `${e.line}:${e.ruleId}`;
