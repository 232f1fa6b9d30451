// options.mjs: `npm run bench -- [options]`.

import { parseArgs } from 'node:util';

export const HELP = `usage: npm run bench -- [options]

Generates corpora into bench/.corpus and times, on the same files in the same run, pmdocs
(cold; --cache twice, then after editing 10 files), remark-cli + remark-lint-frontmatter-schema,
markdownlint-cli2 and rumdl (on 50k: pmdocs cold and rumdl only). Then, in the same run: one more
pmdocs run on 10k under the CPU profiler (where the time goes, per phase), a warm re-lint of a
400-line PRD (bench/relint.ts) and the editor under load (bench/editor/run.mjs, in a real VS Code
host). Every figure issue 16 asks for comes out of one \`npm run bench\`. Last, the long fuzz run
(scripts/fuzz.ts, issue 17).

  --runs N            runs per command (default: 3 for 1k, 1 for 10k and 50k, 3 for pmdocs on each big file)
  --only 1k|10k|50k|big  measure one corpus only
  --quick             smoke test: 200 docs, 1 run, no 10k/50k, no big docs; BENCHMARKS.md is left alone
  --skip-peers        time pmdocs only (peers are neither installed nor run)
  --skip-pmdocs       time the peers only (e.g. before dist/cli.mjs exists)
  --skip-profile      no profiled run
  --skip-relint       no warm re-lint measurement
  --skip-editor       no editor-under-load run (it needs code-server: scripts/setup-vscode-test.sh)
  --editor-docs N     documents in the editor's workspace (default 10000; 200 with --quick)
  --skip-fuzz         no fuzz run
  --fuzz-docs N       documents of the fuzz run (npm run fuzz; default 100000, about 20 minutes on two
                      quiet cores; 300 with --quick)
  --peer-timeout S    limit for each peer on the big table document (default 300); "> S s" when hit
  --seed S            corpus seed (default 1)
  --no-write          print the table without writing BENCHMARKS.md
  -h, --help          this text
`;

export function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'skip-peers': { type: 'boolean', default: false },
      'skip-pmdocs': { type: 'boolean', default: false },
      'skip-profile': { type: 'boolean', default: false },
      'skip-relint': { type: 'boolean', default: false },
      'skip-editor': { type: 'boolean', default: false },
      'editor-docs': { type: 'string' },
      'skip-fuzz': { type: 'boolean', default: false },
      'fuzz-docs': { type: 'string' },
      'peer-timeout': { type: 'string', default: '300' },
      seed: { type: 'string', default: '1' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const positive = (name, v) => {
    if (v === undefined) return undefined;
    if (!/^[1-9][0-9]*$/.test(v)) throw new Error(`--${name} must be a positive integer, got ${v}`);
    return Number(v);
  };
  if (values.only && !['1k', '10k', '50k', 'big'].includes(values.only))
    throw new Error(`--only must be 1k, 10k, 50k or big, got ${values.only}`);
  if (values['skip-peers'] && values['skip-pmdocs']) throw new Error('--skip-peers and --skip-pmdocs together leave nothing to measure');
  return {
    help: values.help,
    runs: positive('runs', values.runs),
    only: values.only ?? null,
    quick: values.quick,
    skipPeers: values['skip-peers'],
    skipPmdocs: values['skip-pmdocs'],
    // the profile, the re-lint and the editor measure pmdocs only
    skipProfile: values['skip-profile'] || values['skip-pmdocs'],
    skipRelint: values['skip-relint'] || values['skip-pmdocs'],
    skipEditor: values['skip-editor'] || values['skip-pmdocs'],
    editorDocs: positive('editor-docs', values['editor-docs']) ?? (values.quick ? 200 : 10000),
    skipFuzz: values['skip-fuzz'] || values['skip-pmdocs'],
    fuzzDocs: positive('fuzz-docs', values['fuzz-docs']) ?? (values.quick ? 300 : 100000),
    peerTimeoutS: positive('peer-timeout', values['peer-timeout']),
    seed: values.seed,
    write: !values['no-write'] && !values.quick,
  };
}
