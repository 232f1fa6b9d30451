// remark-cli configuration for the benchmark peer (remark-frontmatter + remark-lint-frontmatter-schema).
// bench/run.mjs copies it to bench/.corpus/.remarkrc.mjs, next to the corpora, with the schemas in
// bench/.corpus/schemas/ and a node_modules link to bench/.peers/node_modules so these imports resolve.
// remark-lint-frontmatter-schema resolves schema paths and globs relative to the folder holding this
// file (absolute paths do not work). No remark-gfm: front-matter validation does not need it.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

const remarkConfig = {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          './schemas/prd.schema.json': ['*/prd/*.md'],
          './schemas/epic.schema.json': ['*/epics/*.md'],
          './schemas/user-story.schema.json': ['*/stories/*.md'],
          './schemas/release-notes.schema.json': ['*/release-notes/*.md'],
        },
      },
    ],
  ],
};

export default remarkConfig;
