// Usage text (docs/cli.md has the long form).

export const HELP = `Usage: pmdocs <command> [options]

Lint product docs (PRDs, epics, user stories, release notes) written as Markdown with YAML front matter.

Commands:
  lint [paths|globs...]   Check documents (default: the config's "include", else **/*.md)
  new <type> "Title"      Create a document from its type's template with the next free id
  rules                   List the rules with their default severity
  init                    Write a starter .pmdocs.json (--from FILE.md --type NAME: draft a doc type)
  trace [paths|globs...]  Trace PRD → requirements → stories → releases (markdown, json, mermaid)
  changelog release <v>   Turn CHANGELOG.md's [Unreleased] into release <v> dated today
  lsp --stdio             Run the language server (for Neovim, Helix, Zed, Emacs, …)

Options:
  -h, --help              Show help (also: pmdocs <command> --help)
  -v, --version           Print the version

Exit codes: 0 clean, 1 errors found (or too many warnings), 2 tool failure.
Docs: https://github.com/pmdocs/pmdocs/blob/main/docs/cli.md
`;

export const LINT_HELP = `Usage: pmdocs lint [paths|globs...] [options]

Files are linted as named; folders and globs skip node_modules and git-ignored files.
Markdown files that are not pmdocs documents (no type) are skipped silently.

Options:
  -f, --format <name>     stylish (default), json, sarif or github
  -c, --config <file>     Use this config for every file instead of the nearest .pmdocs.json
      --max-warnings <n>  Exit with 1 when there are more than n warnings
  -q, --quiet             Report errors only
      --cache             Reuse results of unchanged files (node_modules/.cache/pmdocs)
      --fix               Apply the safe fixes, write the files back, report what is left
                          (what changed is listed on stderr)
      --color, --no-color Force colours on or off (default: on for a terminal, off with NO_COLOR)
      --changed-since <ref>
                          Lint only the files changed since a git ref (committed, staged,
                          unstaged, untracked) and the documents that reference them
      --shard <i/n>       Lint only shard i of n (a stable split by path, for a CI matrix);
                          references are still checked against every document
  -h, --help              Show this help

Exit codes: 0 clean, 1 errors found (or too many warnings), 2 tool failure
(bad config, unreadable or missing path, unknown option).
`;

export const NEW_HELP = `Usage: pmdocs new <type> "Title" [options]

Types: prd, epic, user-story, release-notes, experiment, launch, okr, risk-register, decision, rfc, roadmap, and the workspace types of your .pmdocs.json.
Writes <ID>-<slug>.md (release notes: REL-<version>.md) with the next free id among the documents
under the config's folder (or the current folder). Never overwrites a file. Prints the new file's path.

Options:
      --dir <folder>      Where to write the file (default: the current folder)
      --owner <owner>     The owner to fill in (default: $PMDOCS_OWNER, else git's user.name,
                          else @$USER; with none of them a type that needs an owner stops)
      --version <semver>  The version (release notes: required; the id is REL-<version>)
  -c, --config <file>     Use this config instead of the nearest .pmdocs.json
  -h, --help              Show this help
`;

export const TRACE_HELP = `Usage: pmdocs trace [paths|globs...] [options]

Prints the trace of every PRD among the files (default: the whole workspace): its requirements, the
epics and stories implementing them with their status, the releases that ship them, the gaps and the
requirement coverage. The whole workspace of each config is read to find the links.

Options:
  -f, --format <name>     markdown (default, fit for a CI job summary), json or mermaid
  -c, --config <file>     Use this config for every file instead of the nearest .pmdocs.json
  -h, --help              Show this help

Exit codes: 0 printed (gaps do not fail: the lint rules judge them), 2 tool failure.
Docs: https://github.com/pmdocs/pmdocs/blob/main/docs/traceability.md
`;

export const CHANGELOG_HELP = `Usage: pmdocs changelog release <version> [options]

Turns the "## [Unreleased]" section of CHANGELOG.md (else CHANGES.md, HISTORY.md) into
"## [<version>] - <today>", adds a fresh empty "## [Unreleased]" above it, drops empty change groups
and updates the link references ([Unreleased] compares from the new version, the new version from the
previous one). The version must be SemVer and higher than the latest release.

Options:
      --file <path>       The changelog to release (default: CHANGELOG.md in the current folder)
      --date <date>       The release date, YYYY-MM-DD (default: today, local time)
      --repo <url>        The repository's web address for new links, when the file has none to copy
                          (default: "repository" in ./package.json)
      --dry-run           Print the new changelog instead of writing it
  -h, --help              Show this help

Exit codes: 0 released, 1 nothing released (no [Unreleased] entries, version not higher…), 2 usage.
`;

export const LSP_HELP = `Usage: pmdocs lsp --stdio

Runs the pmdocs language server over stdin/stdout (Language Server Protocol): diagnostics, quick fixes,
completion and hover in the front matter, the document outline. Editor set-ups: docs/editors.md.
Settings come from .pmdocs.json and from the client's initializationOptions
({ "run": "onType" | "onSave", "debounceMs": 300, "rules": {…}, "associations": {…} }).

Options:
      --stdio             Talk over stdin/stdout (required)
      --clientProcessId <pid>  Exit when that process ends
  -h, --help              Show this help
`;

export const INIT_HELP = `Usage: pmdocs init [--from FILE.md --type NAME]

Without options: writes a starter .pmdocs.json in the current folder (never over an existing one).

With --from and --type: drafts a workspace doc type NAME from a document or template: its front-matter
keys with types inferred from their values, its H2 headings as sections in their order (all required),
key order as written. Writes schemas/NAME.schema.json and adds the type under "docTypes" in .pmdocs.json
(creating it if needed). Refine the draft: docs/custom-types.md.

Options:
      --from <file>       The document to draft the type from
      --type <name>       The type's name (lower-case letters, digits, hyphens)
  -h, --help              Show this help
`;
