// Fixtures that need a configuration: each folder under test/fixtures/configured holds a .pmdocs.json
// (and any workspace schemas) and documents whose `expect` markers say what must be flagged, exactly as
// in test/fixtures/rules. The config is loaded from disk the way the CLI loads it, and must load
// without problems. A folder named `workspace` is one workspace, indexed with that config (for rules
// that read the workspace index and are off until configured, like story-no-release).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createEngine } from '../../src/core/engine.js';
import { createConfigLoader } from '../../src/core/config/load.js';
import { createNodeHost, toSlash } from '../../src/cli/nodeHost.js';
import { expectationsIn, key } from '../helpers/expectations.js';
import { markdownFiles } from '../helpers/markdownFiles.js';
import { indexFolder } from '../helpers/workspaceIndex.js';

const root = join(import.meta.dirname, '../fixtures/configured');
const engine = createEngine();
const loader = createConfigLoader(createNodeHost());

for (const folder of readdirSync(root).sort()) {
  for (const file of markdownFiles(join(root, folder)).sort()) {
    const name = relative(root, file);
    test(`configured fixture ${name}`, async () => {
      const path = toSlash(file);
      const config = await loader.load(path);
      assert.deepEqual(config.problems, [], `config problems for ${name}`);
      const text = readFileSync(file, 'utf8');
      const folder = /^(.*\/workspace)\//.exec(path)?.[1];
      const workspace = folder ? indexFolder(folder, config) : undefined;
      const { findings } = engine.lint(text, { path, config, workspace });
      const actual = findings.map((f) => `${key({ line: f.line, ruleId: f.ruleId })} ${f.severity} ${f.message}`).sort();
      assert.deepEqual(
        actual.map((a) => a.split(' ')[0]).sort(),
        expectationsIn(text).map(key).sort(),
        `findings of ${name}:\n  ${actual.join('\n  ') || '(none)'}`,
      );
    });
  }
}
